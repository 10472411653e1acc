package dev.consilium.simulator.cli;

import dev.consilium.simulator.simulation.Simulation;
import dev.consilium.simulator.simulation.SimulationPlan;
import dev.consilium.simulator.simulation.SimulationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code consilium simulate}: the main job. A whole consortium on this machine, joint credit investigations
 * end to end, every answer checked against the ground truth.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    subcommands = SimulateFeaturesCommand.class,
    description = {
        "Run a whole consortium on this machine: create a CA, identities and genesis for N banks and a regulator "
            + "in a fresh work directory, start one JVM per member, fill each bank's loan book from a synthetic "
            + "population (with customers who borrow at several banks at once), and run joint credit inquiries at "
            + "a steady rate.",
        "Checks that every decrypted total equals the ground truth, every decision follows the rule, every copy "
            + "of the ledger passes ledger verify and all end at the same head. Exit status 0 only if every check "
            + "holds."})
public final class SimulateCommand implements Callable<Integer> {
  private static final Pattern KILL = Pattern.compile("([a-z0-9-]+)@(\\d{1,2})%?");

  @Spec CommandSpec spec;

  @Option(names = "--banks", paramLabel = "N", defaultValue = "4", description = "Banks (default: ${DEFAULT-VALUE}).")
  int banks;

  /** Customers a batch run asks about in all when --inquiries is not given: enough to measure, quick to run. */
  private static final int BATCH_CUSTOMERS_ASKED = 5_000;
  /** Customers per second a batch run is offered when --rate is not given: below what 2 cores answer. */
  private static final double BATCH_CUSTOMERS_PER_SECOND = 150;

  @Option(names = "--inquiries", paramLabel = "K",
      description = "Inquiries to run (default: 200; with --batch B, " + BATCH_CUSTOMERS_ASKED + " customers / B).")
  Integer inquiries;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "1",
      description = "Customers per inquiry: one inquiry covers B different customers, their amounts packed into"
          + " few Paillier ciphertexts (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--rate", paramLabel = "R",
      description = "Inquiries asked per second, across the banks (default: 5; with --batch B, 150 / B).")
  Double rate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20261206",
      description = "Seed of the population and the workload (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--customers", paramLabel = "C", defaultValue = "2000",
      description = "Customers in the population (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--deadline-ms", paramLabel = "MS",
      description = "Each inquiry's deadline after it is asked (default: 10000, plus 20 per customer of a batch).")
  Long deadlineMs;

  @Option(names = "--keep", description = "Keep the work directory and print how to inspect it.")
  boolean keep;

  @Option(names = "--in-process", description = "Run every member as an ActorSystem in this JVM.")
  boolean inProcess;

  @Option(names = "--kill", paramLabel = "MEMBER@P%",
      description = "Kill -9 MEMBER's JVM when P%% of the inquiries are done, restart it 10 s later.")
  String kill;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where to set the consortium up (default: a fresh temporary directory); must not exist.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    SimulationPlan plan;
    try {
      // A batch's defaults scale with it, so that --batch B alone runs a consortium it does not overload.
      int batchSize = Math.max(1, batch);
      plan = new SimulationPlan(banks,
          inquiries != null ? inquiries : batchSize == 1 ? 200 : Math.max(4, BATCH_CUSTOMERS_ASKED / batchSize),
          batch, rate != null ? rate : batchSize == 1 ? 5 : BATCH_CUSTOMERS_PER_SECOND / batchSize, seed, customers,
          deadlineMs != null ? deadlineMs : 10_000 + 20L * (batchSize - 1), inProcess, keep, kill(),
          Optional.ofNullable(workDir));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (workDir != null && workDir.toFile().exists()) {
      throw new ParameterException(spec.commandLine(), "--work-dir " + workDir + " already exists");
    }
    PrintWriter out = spec.commandLine().getOut();
    SimulationReport report = new Simulation(plan, System.err).run();
    report.print(out);
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private Optional<SimulationPlan.Kill> kill() {
    if (kill == null) {
      return Optional.empty();
    }
    Matcher matcher = KILL.matcher(kill);
    if (!matcher.matches()) {
      throw new ParameterException(spec.commandLine(), "--kill must be MEMBER@P%, such as bank-2@50%, not " + kill);
    }
    return Optional.of(new SimulationPlan.Kill(matcher.group(1), Integer.parseInt(matcher.group(2))));
  }
}
