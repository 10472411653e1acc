package dev.consilium.simulator.simulation;

import dev.consilium.roles.features.model.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a feature-learning simulation: the federated task against its centralized reference (AUC and
 * KS of both, the largest difference between twin scores), time per round, the PSI alignment, payload bytes
 * moved per member, and every copy of the ledger. It passes only if the task completed, every copy verified
 * and ended at the same head, the test AUCs differ by at most {@link #MAX_AUC_GAP} and every test score by at
 * most {@link #MAX_SCORE_GAP}.
 */
public final class FeaturesReport {
  public static final double MAX_AUC_GAP = 0.005;
  public static final double MAX_SCORE_GAP = 1e-3;

  private final FeaturesPlan plan;
  private final Path workDir;
  private final FeaturesResult federated;
  private final TrainingResult centralized;
  private final double maxScoreGap;
  private final double maxInferenceGap;
  private final Map<String, FeaturesResult.Traffic> traffic;
  private final Map<String, String> copies;
  private final List<String> problems;

  private FeaturesReport(Builder builder, double maxScoreGap, double maxInferenceGap, List<String> problems) {
    this.plan = builder.plan;
    this.workDir = builder.workDir;
    this.federated = builder.federated;
    this.centralized = builder.centralized;
    this.maxScoreGap = maxScoreGap;
    this.maxInferenceGap = maxInferenceGap;
    this.traffic = Map.copyOf(builder.traffic);
    this.copies = Map.copyOf(builder.copies);
    this.problems = List.copyOf(problems);
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return problems;
  }

  public FeaturesResult federated() {
    return federated;
  }

  public TrainingResult centralized() {
    return centralized;
  }

  public double maxScoreGap() {
    return maxScoreGap;
  }

  /** The largest difference between a row scored after training (inference) and the centralized model's score. */
  public double maxInferenceGap() {
    return maxInferenceGap;
  }

  public Map<String, FeaturesResult.Traffic> traffic() {
    return traffic;
  }

  /** Mean wall time of the committed rounds (epochs), in ms; NaN without any. */
  public double meanRoundMs() {
    return federated == null || federated.rounds().isEmpty() ? Double.NaN
        : federated.rounds().stream().mapToLong(FeaturesResult.Round::millis).average().orElse(Double.NaN);
  }

  public void print(PrintWriter out) {
    out.printf(Locale.ROOT, "consortium      an owner, a holder, %d compute nodes (at least %d) and a regulator, %s%n",
        plan.computeNodes(), plan.minComputeNodes(), plan.inProcess() ? "in one JVM" : "one JVM each");
    out.printf(Locale.ROOT, "task            %s, batches of %d, learning rate %s, up to %d epochs, %d fraction bits%s%n",
        plan.model().kind().wireName() + (plan.model().kind().wireName().equals("mlp")
            ? " (" + plan.model().outputWidth() + " hidden)" : ""), plan.hyper().batchSize(),
        plan.hyper().learningRate(), plan.hyper().maxEpochs(), plan.hyper().fractionBits(),
        plan.plainBaseline() ? ", UNPROTECTED baseline" : "");
    if (federated != null) {
      out.printf(Locale.ROOT, "outcome         %s: %s%n", federated.outcome(), federated.reason());
      out.printf(Locale.ROOT, "alignment (PSI) %d rows in common, in %.1f s%n", federated.alignedIds().size(),
          federated.alignMs() / 1000.0);
      out.printf(Locale.ROOT, "rounds          %d committed, model of round %d, resumed %d time(s) after a dropout%n",
          federated.rounds().size(), federated.finalRound(), federated.resumes());
      out.printf(Locale.ROOT, "per epoch       %.0f ms mean (%s)%n", meanRoundMs(), roundTimes());
    }
    if (federated != null && centralized != null) {
      out.printf(Locale.ROOT, "%-15s %10s %10s%n", "", "federated", "central");
      out.printf(Locale.ROOT, "%-15s %10.5f %10.5f%n", "test AUC", federated.testAuc(), centralized.testAuc());
      out.printf(Locale.ROOT, "%-15s %10.5f %10.5f%n", "test KS", federated.testKs(), centralized.testKs());
      out.printf(Locale.ROOT, "%-15s %10d %10d%n", "best epoch", federated.finalRound(), centralized.bestEpoch());
      out.printf(Locale.ROOT, "score gap       %.3g at most over %d test rows (bound %.0e)%n", maxScoreGap,
          federated.testScores().length, MAX_SCORE_GAP);
      if (!federated.scoredIds().isEmpty()) {
        out.printf(Locale.ROOT, "inference       %d new rows scored in %.1f s (PSI included), gap %.3g at most%n",
            federated.scoredIds().size(), federated.scoreMs() / 1000.0, maxInferenceGap);
      }
    }
    out.println("bytes moved     payload bytes sent / received, per member");
    for (Map.Entry<String, FeaturesResult.Traffic> member : new TreeMap<>(traffic).entrySet()) {
      out.printf(Locale.ROOT, "  %-13s %12d / %12d%n", member.getKey(), member.getValue().sent(),
          member.getValue().received());
    }
    out.println("ledger copies   " + copies.size() + " verified" + (copies.values().stream().distinct().count() == 1
        ? ", all at head " + copies.values().iterator().next().substring(0, 16) + "…" : ", heads " + copies));
    if (!problems.isEmpty()) {
      out.println("problems:");
      problems.forEach(problem -> out.println("  - " + problem));
    }
    out.println(passed() ? "PASSED" : "FAILED");
    if (plan.keep() || !passed()) {
      out.println("work directory  " + workDir);
    }
    out.flush();
  }

  private String roundTimes() {
    List<String> times = new ArrayList<>();
    for (FeaturesResult.Round round : federated.rounds()) {
      times.add(String.valueOf(round.millis()));
    }
    return String.join(", ", times) + " ms";
  }

  /**
   * How the task must end: completed, unless the plan loses a party the task cannot go on without (the
   * holder, or a compute node when no more than the minimum take part), which must end it as participant
   * lost, recorded on the ledger.
   */
  static String expectedOutcome(FeaturesPlan plan) {
    if (plan.kill().isEmpty()) {
      return "completed";
    }
    String member = plan.kill().get().member();
    boolean compute = member.startsWith("compute-");
    return compute && plan.computeNodes() - 1 >= plan.minComputeNodes() ? "completed" : "participant-lost";
  }

  static final class Builder {
    private final FeaturesPlan plan;
    private final Path workDir;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, FeaturesResult.Traffic> traffic = new TreeMap<>();
    private final Map<String, String> copies = new TreeMap<>();
    private FeaturesResult federated;
    private TrainingResult centralized;
    private double[] centralizedInference;

    Builder(FeaturesPlan plan, Path workDir) {
      this.plan = plan;
      this.workDir = workDir;
    }

    void problem(String problem) {
      problems.add(problem);
    }

    void copy(String member, long height, String hash) {
      copies.put(member, hash);
    }

    void traffic(FeaturesResult.Traffic memberTraffic) {
      traffic.put(memberTraffic.member(), memberTraffic);
    }

    void federated(FeaturesResult result) {
      federated = result;
    }

    void centralized(TrainingResult result) {
      centralized = result;
    }

    void centralizedInference(double[] scores) {
      centralizedInference = scores;
    }

    FeaturesReport build() {
      List<String> found = new ArrayList<>(problems);
      double gap = Double.NaN;
      double inferenceGap = Double.NaN;
      if (federated == null) {
        found.add("the owner's task gave no result");
      } else if (!federated.outcome().equals(expectedOutcome(plan))) {
        found.add("the task ended " + federated.outcome() + " (" + federated.reason() + "), where "
            + expectedOutcome(plan) + " was expected");
      } else if (centralized != null && federated.outcome().equals("completed")) {
        if (!Arrays.equals(federated.testRows(), centralized.testRows())) {
          found.add("the federated and centralized runs scored different test rows");
        } else {
          gap = 0;
          for (int i = 0; i < federated.testScores().length; i++) {
            gap = Math.max(gap, Math.abs(federated.testScores()[i] - centralized.testScores()[i]));
          }
          if (!(gap <= MAX_SCORE_GAP)) {
            found.add(String.format(Locale.ROOT, "a federated score differs from its centralized twin by %.3g > %.0e",
                gap, MAX_SCORE_GAP));
          }
        }
        if (federated.scoreFailure() != null) {
          found.add("scoring new rows failed: " + federated.scoreFailure());
        } else if (plan.scoreRows() > 0 && federated.scoredIds().size() != plan.scoreRows()) {
          found.add("the owner scored " + federated.scoredIds().size() + " new rows, not " + plan.scoreRows());
        } else if (centralizedInference != null) {
          inferenceGap = 0;
          for (int i = 0; i < centralizedInference.length; i++) {
            inferenceGap = Math.max(inferenceGap, Math.abs(federated.scores()[i] - centralizedInference[i]));
          }
          if (!(inferenceGap <= MAX_SCORE_GAP)) {
            found.add(String.format(Locale.ROOT, "a new row's score differs from the centralized model's by %.3g > %.0e",
                inferenceGap, MAX_SCORE_GAP));
          }
        }
        double aucGap = Math.abs(federated.testAuc() - centralized.testAuc());
        if (!(aucGap <= MAX_AUC_GAP)) {
          found.add(String.format(Locale.ROOT, "the test AUCs differ by %.5f > %.3f", aucGap, MAX_AUC_GAP));
        }
      }
      Map<String, String> live = new TreeMap<>(copies);
      plan.kill().ifPresent(kill -> live.remove(kill.member())); // a lost member's copy stops where it was lost
      if (live.values().stream().distinct().count() > 1) {
        found.add("the ledger copies end at different heads: " + live);
      }
      return new FeaturesReport(this, gap, inferenceGap, found);
    }
  }
}
