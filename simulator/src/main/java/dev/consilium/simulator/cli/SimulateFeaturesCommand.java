package dev.consilium.simulator.cli;

import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import dev.consilium.roles.features.model.ModelSpec;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.roles.features.model.TrainingSettings;
import dev.consilium.simulator.simulation.FeaturesPlan;
import dev.consilium.simulator.simulation.FeaturesReport;
import dev.consilium.simulator.simulation.FeaturesSimulation;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code consilium simulate features}: shared feature learning end to end on the credit-default data, checked
 * against the same model trained centrally.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
        "Shared feature learning on one machine: an owner (labels and 13 columns of the credit-default data), a "
            + "holder (10 other columns), two compute nodes and a regulator, one JVM each. The owner and the holder "
            + "align their rows by private set intersection (each side misses a few of the other's ids), train a "
            + "split model through secret-shared Z = X·W sums, score the held-out rows and register the model; then "
            + "the owner scores rows kept out of training with that model, through the same path.",
        "In the same run the same model is trained centrally on the joined rows (same architecture, initial "
            + "weights, split and minibatch order). Exit status 0 only if the task completed, every ledger copy "
            + "verifies, the test AUCs differ by at most 0.005 and every test score by at most 1e-3."})
public final class SimulateFeaturesCommand implements Callable<Integer> {
  private static final Pattern KILL = Pattern.compile("([a-z0-9-]+)@(\\d{1,4})");

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where default_credit_hetero_guest.csv and default_credit_hetero_host.csv are "
          + "(default: simulator/data/credit).")
  Path data;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "0",
      description = "Rows to sample from the data, 0 for all 30,000 (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--drop", paramLabel = "D", defaultValue = "150",
      description = "Sampled ids each side leaves out, so the overlap is partial (default: ${DEFAULT-VALUE}).")
  int drop;

  @Option(names = "--score-rows", paramLabel = "S", defaultValue = "500",
      description = "Rows kept out of training that the owner scores with the registered model afterwards, through"
          + " the same path (default: ${DEFAULT-VALUE}; 0 for none).")
  int scoreRows;

  @Option(names = "--model", paramLabel = "KIND", defaultValue = "logistic",
      description = "logistic or mlp (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--hidden", paramLabel = "K", defaultValue = "" + ModelSpec.DEFAULT_HIDDEN_UNITS,
      description = "Hidden units of an mlp (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--learning-rate", paramLabel = "LR", description = "Default: 0.5 for logistic, 1.0 for mlp.")
  Double learningRate;

  @Option(names = "--batch-size", paramLabel = "B", description = "Rows per minibatch (default: 1024).")
  Integer batchSize;

  @Option(names = "--epochs", paramLabel = "E", description = "Most epochs (default: 30 for logistic, 60 for mlp).")
  Integer epochs;

  @Option(names = "--patience", paramLabel = "P", description = "Early-stopping patience (default: 3 logistic, 5 mlp).")
  Integer patience;

  @Option(names = "--fraction-bits", paramLabel = "F", defaultValue = "24",
      description = "Fixed-point precision of the shared Z (default: ${DEFAULT-VALUE}).")
  int fractionBits;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the sample, split, minibatch order and initial weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--round-timeout-ms", paramLabel = "MS", defaultValue = "60000",
      description = "How long a step may go unanswered before it is asked again (default: ${DEFAULT-VALUE}).")
  long roundTimeoutMs;

  @Option(names = "--compute-nodes", paramLabel = "C", defaultValue = "2",
      description = "Compute nodes (default: ${DEFAULT-VALUE}).")
  int computeNodes;

  @Option(names = "--min-compute-nodes", paramLabel = "M", defaultValue = "2",
      description = "Fewest compute nodes the task goes on with after losing one (default: ${DEFAULT-VALUE}).")
  int minComputeNodes;

  @Option(names = "--kill", paramLabel = "MEMBER@R",
      description = "Kill -9 MEMBER's JVM once the owner has committed R rounds (compute-2@2, say). The task "
          + "resumes from its last committed round if enough compute nodes remain, and ends as participant lost "
          + "otherwise; either is checked.")
  String kill;

  @Option(names = "--keep", description = "Keep the work directory.")
  boolean keep;

  @Option(names = "--in-process", description = "Run every member as an ActorSystem in this JVM.")
  boolean inProcess;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where to set the consortium up (default: a fresh temporary directory); must not exist.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    FeaturesPlan plan = plan(Optional.empty());
    PrintWriter out = spec.commandLine().getOut();
    FeaturesReport report = new FeaturesSimulation(plan, System.err).run();
    report.print(out);
    return report.passed() ? 0 : 1;
  }

  /** The plan the options describe; {@code plain} set only by the benchmark. */
  FeaturesPlan plan(Optional<Boolean> plain) {
    Path dir = data != null ? data : defaultDataDir();
    Path owner = dir.resolve("default_credit_hetero_guest.csv");
    Path holder = dir.resolve("default_credit_hetero_host.csv");
    for (Path file : new Path[] {owner, holder}) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no data file " + file + " (see --data)");
      }
    }
    if (workDir != null && workDir.toFile().exists()) {
      throw new ParameterException(spec.commandLine(), "--work-dir " + workDir + " already exists");
    }
    try {
      ModelSpec.Kind kind = ModelSpec.Kind.fromName(model);
      TrainingSettings defaults = TrainingSettings.defaults(kind);
      TopModel top = kind == ModelSpec.Kind.LOGISTIC ? TopModel.logistic() : TopModel.mlp(hidden);
      HyperParameters hyper = new HyperParameters(learningRate != null ? learningRate : defaults.learningRate(),
          batchSize != null ? batchSize : defaults.batchSize(), epochs != null ? epochs : defaults.maxEpochs(),
          patience != null ? patience : defaults.patience(), fractionBits, seed, defaults.validationPermille(),
          defaults.testPermille(), roundTimeoutMs);
      if ((long) hyper.batchSize() * top.outputWidth() > TaskOwner.MAX_STEP_ELEMENTS) {
        throw new ParameterException(spec.commandLine(), "--batch-size x the model's width (" + top.outputWidth()
            + ") must be at most " + TaskOwner.MAX_STEP_ELEMENTS + ", so that a step's shares fit one message; was "
            + (long) hyper.batchSize() * top.outputWidth());
      }
      return new FeaturesPlan(owner, holder, rows, drop, scoreRows, top, hyper, computeNodes, minComputeNodes,
          inProcess, keep, Optional.ofNullable(workDir), plain.orElse(false), kill());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** simulator/data/credit under the launcher's home, or from the working directory (a clone's root or simulator/). */
  static Path defaultDataDir() {
    String home = System.getProperty("consilium.home");
    if (home != null) {
      return Path.of(home, "simulator", "data", "credit");
    }
    Path fromRoot = Path.of("simulator", "data", "credit");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("data", "credit");
  }

  private Optional<FeaturesPlan.Kill> kill() {
    if (kill == null) {
      return Optional.empty();
    }
    Matcher matcher = KILL.matcher(kill);
    if (!matcher.matches()) {
      throw new ParameterException(spec.commandLine(), "--kill must be MEMBER@R, such as compute-2@2, not " + kill);
    }
    return Optional.of(new FeaturesPlan.Kill(matcher.group(1), Integer.parseInt(matcher.group(2))));
  }
}
