package dev.consilium.simulator.simulation;

import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shared-feature-learning simulation: the owner's and the holder's CSV files (joined on id), how many rows
 * to sample from them (0 for all), how many of the sampled ids each side drops so the overlap is partial,
 * the model and hyper-parameters of the task, and how to run the members. {@code plainBaseline} runs the
 * unprotected yardstick instead (holders send Z_i to the owner): for benchmarks only.
 */
public record FeaturesPlan(Path ownerCsv, Path holderCsv, int rows, int droppedPerSide, TopModel model,
    HyperParameters hyper, boolean inProcess, boolean keep, Optional<Path> workDir, boolean plainBaseline,
    Optional<Kill> kill) {
  public static final String TASK_ID = "credit-default-1";
  public static final int MAX_DROPPED_PER_SIDE = 10_000;

  /** Kill -9 {@code member} when the owner has committed {@code afterRound} rounds. */
  public record Kill(String member, int afterRound) {}

  public FeaturesPlan {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 (all) or positive, was " + rows);
    }
    if (droppedPerSide < 0 || droppedPerSide > MAX_DROPPED_PER_SIDE) {
      throw new IllegalArgumentException("droppedPerSide must be between 0 and " + MAX_DROPPED_PER_SIDE + ", was "
          + droppedPerSide);
    }
    if (kill.isPresent() && inProcess) {
      throw new IllegalArgumentException("killing a member needs one JVM per member (without --in-process)");
    }
  }
}
