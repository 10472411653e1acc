package dev.consilium.simulator.simulation;

import java.util.List;
import java.util.Map;

/**
 * What the owner's process writes when its task ends, for the driver: the outcome, the aligned ids in their
 * order, each committed round's time and validation AUC, the final round, the test rows (aligned positions)
 * with their scores, AUC and KS, how often it resumed after a dropout, and the PSI alignment's wall time;
 * then the new rows it scored with the registered model (inference), their scores and how long that took.
 */
public record FeaturesResult(String outcome, String reason, List<String> alignedIds, List<Round> rounds,
    int finalRound, int[] testRows, double[] testScores, double testAuc, double testKs, int resumes,
    long alignMs, long totalMs, List<String> scoredIds, double[] scores, long scoreMs, String scoreFailure) {
  /** This result with the inference's outcome. */
  public FeaturesResult withScores(List<String> ids, double[] newScores, long millis, String failure) {
    return new FeaturesResult(outcome, reason, alignedIds, rounds, finalRound, testRows, testScores, testAuc, testKs,
        resumes, alignMs, totalMs, ids, newScores, millis, failure);
  }

  /** One committed round: its number, wall time and validation AUC (NaN without validation rows). */
  public record Round(int round, long millis, double validationAuc) {}

  /** Payload bytes a member's feature-learning actors sent and received, by message kind. */
  public record Traffic(String member, Map<String, Long> sentBytes, Map<String, Long> receivedBytes,
      Map<String, Long> receivedMessages) {
    public long sent() {
      return sentBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long received() {
      return receivedBytes.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
