package dev.consilium.simulator.simulation;

import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shared-feature-learning simulation: the owner's and the holder's CSV files (joined on id), how many rows
 * to sample from them (0 for all), how many of the sampled ids each side drops so the overlap is partial, how
 * many other rows the owner scores with the trained model afterwards (inference, through the same path),
 * the model and hyper-parameters of the task, its compute nodes (and how few it may go on with), and how to
 * run the members. {@code plainBaseline} runs the
 * unprotected yardstick instead (holders send Z_i to the owner): for benchmarks only.
 */
public record FeaturesPlan(Path ownerCsv, Path holderCsv, int rows, int droppedPerSide, int scoreRows, TopModel model,
    HyperParameters hyper, int computeNodes, int minComputeNodes, boolean inProcess, boolean keep,
    Optional<Path> workDir, boolean plainBaseline, Optional<Kill> kill) {
  public static final String TASK_ID = "credit-default-1";
  public static final int MAX_DROPPED_PER_SIDE = 1_000_000;
  public static final int MAX_SCORE_ROWS = 100_000;

  /**
   * Lose {@code member} once the owner has committed {@code afterRound} rounds: kill -9 of its JVM, or, in
   * process, its node leaving the cluster at once.
   */
  public record Kill(String member, int afterRound) {}

  public FeaturesPlan {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 (all) or positive, was " + rows);
    }
    if (droppedPerSide < 0 || droppedPerSide > MAX_DROPPED_PER_SIDE) {
      throw new IllegalArgumentException("droppedPerSide must be between 0 and " + MAX_DROPPED_PER_SIDE + ", was "
          + droppedPerSide);
    }
    if (scoreRows < 0 || scoreRows > MAX_SCORE_ROWS) {
      throw new IllegalArgumentException("scoreRows must be between 0 and " + MAX_SCORE_ROWS + ", was " + scoreRows);
    }
    if (computeNodes < 2 || computeNodes > 8) {
      throw new IllegalArgumentException("computeNodes must be between 2 and 8, was " + computeNodes);
    }
    if (minComputeNodes < 2 || minComputeNodes > computeNodes) {
      throw new IllegalArgumentException("minComputeNodes must be between 2 and computeNodes (" + computeNodes
          + "), was " + minComputeNodes);
    }
  }
}
