package dev.consilium.roles.features.owner;

import dev.consilium.ledger.features.TaskOutcome;
import dev.consilium.roles.features.task.Traffic;
import java.util.List;

/**
 * How a task ended, for the member that asked for it: the outcome and its reason, the aligned row count, each
 * committed round's time and validation AUC, the round whose model was registered, and the test rows'
 * scores (in the order of {@link #testRows()}, aligned positions) with their AUC and KS, how often it resumed
 * from its last committed round after losing a compute node, the alignment's and the whole task's wall time. Everything here is
 * the owner's own knowledge: nothing of any holder's columns.
 */
public record TaskReport(String taskId, TaskOutcome outcome, String reason, int alignedRows, List<String> alignedIds,
    List<RoundStat> rounds, int finalRound, int[] testRows, double[] testScores, double testAuc, double testKs,
    int resumes, long alignMs, long totalMs, Traffic.Snapshot traffic) {
  /** One committed round: its number, how long its steps took, and its validation AUC (NaN without validation). */
  public record RoundStat(int round, long millis, double validationAuc) {}

  public boolean completed() {
    return outcome == TaskOutcome.COMPLETED;
  }
}
