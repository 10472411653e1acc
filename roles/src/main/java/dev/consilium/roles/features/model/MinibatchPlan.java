package dev.consilium.roles.features.model;

import java.util.Arrays;

/**
 * The minibatches of one epoch: the training rows shuffled by {@link SeededShuffle} with {@link
 * DerivedSeed}(seed, "minibatch-order", epoch), then cut in order into batches of {@code batchSize} rows, the
 * last one shorter when the rows do not divide evenly. Every party that knows the seed, the epoch and the
 * training rows (from {@link DataSplit}) derives the same batches, so the federated run and the centralized
 * twin visit rows in the same order.
 */
public final class MinibatchPlan {
  private final int epoch;
  private final int batchSize;
  private final int[] order;

  private MinibatchPlan(int epoch, int batchSize, int[] order) {
    this.epoch = epoch;
    this.batchSize = batchSize;
    this.order = order;
  }

  /** Epoch {@code epoch} (1 is the first) over {@code trainRows} with the settings' seed and batch size. */
  public static MinibatchPlan forEpoch(TrainingSettings settings, int epoch, int[] trainRows) {
    return of(settings.seed(), epoch, trainRows, settings.batchSize());
  }

  public static MinibatchPlan of(long seed, int epoch, int[] trainRows, int batchSize) {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be at least 1, was " + epoch);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    if (trainRows.length == 0) {
      throw new IllegalArgumentException("an epoch needs at least one training row");
    }
    int[] order = trainRows.clone();
    SeededShuffle.shuffle(order, DerivedSeed.of(seed, "minibatch-order", epoch));
    return new MinibatchPlan(epoch, batchSize, order);
  }

  public int epoch() {
    return epoch;
  }

  public int batchCount() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** The rows of batch {@code index} (0 is the first), in the order the batch uses them. */
  public int[] batch(int index) {
    if (index < 0 || index >= batchCount()) {
      throw new IndexOutOfBoundsException("batch " + index + " is outside [0, " + batchCount() + ")");
    }
    int from = index * batchSize;
    return Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
  }

  @Override
  public String toString() {
    return "MinibatchPlan[epoch " + epoch + ", " + order.length + " rows in " + batchCount() + " batches]";
  }
}
