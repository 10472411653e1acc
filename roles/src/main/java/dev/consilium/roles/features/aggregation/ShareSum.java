package dev.consilium.roles.features.aggregation;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.prg.PrgAlgorithm;
import java.util.HashSet;
import java.util.Set;

/**
 * A compute node's running sum for one step: one share from each holder, added in the ring. It knows the
 * step's shape from the first share and refuses a share of another shape, a second share from the same
 * holder, and a share from a party that is not a holder of the task.
 */
public final class ShareSum {
  private final Set<Did> holders;
  private final Set<Did> received = new HashSet<>();
  private int rows;
  private int cols;
  private long[] sum;

  public ShareSum(Set<Did> holders) {
    if (holders.isEmpty()) {
      throw new IllegalArgumentException("a sum needs at least one holder");
    }
    this.holders = Set.copyOf(holders);
  }

  /** Adds {@code holder}'s share; returns why it was refused, or null. */
  public String add(Did holder, ZShare share, PrgAlgorithm algorithm) {
    if (!holders.contains(holder)) {
      return holder + " is not a holder of this task";
    }
    if (received.contains(holder)) {
      return "a second share from " + holder + " for the same step";
    }
    if (sum == null) {
      rows = share.rows();
      cols = share.cols();
      sum = new long[rows * cols];
    } else if (share.rows() != rows || share.cols() != cols) {
      return "a " + share.rows() + " x " + share.cols() + " share from " + holder + " where the step is " + rows
          + " x " + cols;
    }
    long[] values = share.expand(algorithm);
    for (int i = 0; i < values.length; i++) {
      sum[i] += values[i];
    }
    received.add(holder);
    return null;
  }

  public boolean complete() {
    return received.size() == holders.size();
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The sum, once {@link #complete()}; the node keeps nothing after sending it. */
  public long[] sum() {
    if (!complete()) {
      throw new IllegalStateException("the sum has " + received.size() + " of " + holders.size() + " shares");
    }
    return sum.clone();
  }

  @Override
  public String toString() {
    return "ShareSum[" + received.size() + " of " + holders.size() + " shares, redacted]";
  }
}
