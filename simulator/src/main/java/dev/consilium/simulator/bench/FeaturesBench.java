package dev.consilium.simulator.bench;

import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import dev.consilium.simulator.simulation.FeaturesPlan;
import dev.consilium.simulator.simulation.FeaturesReport;
import dev.consilium.simulator.simulation.FeaturesSimulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Benchmarks of shared feature learning, each a whole simulation (one JVM per member):
 * <ul>
 *   <li>{@code features}: the time per epoch on the credit data, secret-shared, against the same pipeline
 *       without protection (each holder sends its plaintext Z_i to the owner over the same transport), in one
 *       run; target: at most twice its time.
 *   <li>{@code psi}: the alignment of two synthetic sets of N ids each (half of them in common) between the
 *       owner's and the holder's JVMs; rows/s per core, against 4,000.
 * </ul>
 */
public final class FeaturesBench {
  private static final double EPOCH_TARGET = 0.5;
  private static final double PSI_TARGET = 4_000;

  private FeaturesBench() {}

  /** Trains {@code plan}'s task twice, secret-shared and unprotected, and compares their time per epoch. */
  public static int epochs(FeaturesPlan plan, PrintStream out) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("bench features: %s on %s, %d compute nodes, one JVM per member, on %d cores%n",
        plan.model().kind().wireName(), plan.rows() == 0 ? "all rows" : plan.rows() + " rows", plan.computeNodes(),
        cores);
    out.println("running the secret-shared pipeline ...");
    FeaturesReport shared = new FeaturesSimulation(plan, System.err).run();
    out.println("running the unprotected pipeline (holders send Z_i to the owner) ...");
    FeaturesReport plain = new FeaturesSimulation(asPlain(plan), System.err).run();
    List<String> failures = new ArrayList<>();
    problems("secret-shared", shared, failures);
    problems("unprotected", plain, failures);
    BenchTable table = new BenchTable(out, 46);
    table.header();
    table.row("secret-shared: time per epoch", shared.meanRoundMs(), "ms");
    table.row("unprotected: time per epoch", plain.meanRoundMs(), "ms");
    table.row("secret-shared / unprotected", shared.meanRoundMs() / plain.meanRoundMs(), "x");
    if (shared.federated() != null && plain.federated() != null) {
      table.row("epochs, secret-shared", shared.federated().rounds().size(), "epochs");
      table.row("epochs, unprotected", plain.federated().rounds().size(), "epochs");
      table.row("owner received, secret-shared", shared.traffic().get("owner").received(), "bytes");
      table.row("owner received, unprotected", plain.traffic().get("owner").received(), "bytes");
    }
    int verdict = table.verdict("speed against the unprotected pipeline (0.5 = 2x its time)",
        plain.meanRoundMs() / shared.meanRoundMs(), EPOCH_TARGET, failures);
    out.println("The secret-shared run:");
    shared.print(new PrintWriter(out, true));
    out.println();
    out.println("The unprotected run:");
    plain.print(new PrintWriter(out, true));
    return verdict;
  }

  /** Aligns {@code ids} x {@code ids} synthetic ids, half in common, between two JVMs; rows/s per core. */
  public static int psi(int ids, Path workRoot, PrintStream out) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("bench psi: %,d x %,d ids (%,d in common) between the owner's and the holder's JVMs, on %d cores%n",
        ids, ids, ids / 2, cores);
    Files.createDirectories(workRoot);
    Path ownerCsv = workRoot.resolve("owner.csv");
    Path holderCsv = workRoot.resolve("holder.csv");
    // Both files hold the same 1.5·N ids; each side then drops its own N/2, so each holds N with N/2 in common.
    int universe = ids + ids / 2;
    writeSynthetic(ownerCsv, universe, true);
    writeSynthetic(holderCsv, universe, false);
    HyperParameters hyper = new HyperParameters(0.1, 4_096, 1, 1, 24, 3, 0, 100, 600_000);
    FeaturesPlan plan = new FeaturesPlan(ownerCsv, holderCsv, 0, ids / 2, 0, TopModel.logistic(), hyper, 2, 2, false,
        false, Optional.empty(), false, Optional.empty());
    FeaturesReport report = new FeaturesSimulation(plan, System.err).run();
    List<String> failures = new ArrayList<>();
    problems("psi", report, failures);
    double seconds = report.federated() == null ? Double.NaN : report.federated().alignMs() / 1000.0;
    int common = report.federated() == null ? 0 : report.federated().alignedIds().size();
    if (common != ids / 2) {
      failures.add("the intersection has " + common + " ids, not " + ids / 2);
    }
    BenchTable table = new BenchTable(out, 46);
    table.header();
    table.row("alignment wall time", seconds, "s");
    table.row("ids in common found", common, "ids");
    table.row("rows/s (one party's " + ids + " rows)", ids / seconds, "rows/s");
    table.row("rows/s (both parties' rows)", 2.0 * ids / seconds, "rows/s");
    table.row("rows/s per core, one party's rows", ids / seconds / cores, "rows/s");
    double perCore = 2.0 * ids / seconds / cores;
    table.row("rows/s per core, both parties' rows", perCore, "rows/s");
    return table.verdict("rows/s per core (both parties' rows) against 4,000", perCore / PSI_TARGET, 1.0, failures);
  }

  private static FeaturesPlan asPlain(FeaturesPlan plan) {
    return new FeaturesPlan(plan.ownerCsv(), plan.holderCsv(), plan.rows(), plan.droppedPerSide(), plan.scoreRows(),
        plan.model(), plan.hyper(), plan.computeNodes(), plan.minComputeNodes(), plan.inProcess(), plan.keep(),
        Optional.empty(), true, plan.kill());
  }

  /** N rows of random ids (the same ones in both files, by seed), one feature, and labels for the owner. */
  private static void writeSynthetic(Path file, int rows, boolean labels) throws IOException {
    SplittableRandom ids = new SplittableRandom(42);
    SplittableRandom values = new SplittableRandom(labels ? 1 : 2);
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(labels ? "id,y,x0" : "id,x0");
      writer.newLine();
      for (int r = 0; r < rows; r++) {
        String id = "u" + Long.toHexString(ids.nextLong());
        writer.write(id + (labels ? "," + values.nextInt(2) : "") + "," + values.nextDouble());
        writer.newLine();
      }
    }
  }

  private static void problems(String name, FeaturesReport report, List<String> failures) {
    if (!report.passed()) {
      StringWriter text = new StringWriter();
      report.print(new PrintWriter(text, true));
      failures.add(name + " run failed its checks:\n" + text);
    }
  }
}
