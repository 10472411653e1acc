package dev.consilium.mpc.additive;

import dev.consilium.mpc.prg.PrgStream;
import java.util.List;

/** Sums of shares, mod 2⁶⁴: seeded shares are expanded chunk by chunk straight into the sum. */
final class ShareArithmetic {
  private ShareArithmetic() {}

  static long[] sum(List<? extends VectorShare> shares) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no shares to add");
    }
    int length = shares.get(0).length();
    for (int i = 1; i < shares.size(); i++) {
      int other = shares.get(i).length();
      if (other != length) {
        throw new IllegalArgumentException(
            "share lengths differ: share 0 has " + length + " elements, share " + i + " has " + other);
      }
    }
    long[] total = new long[length];
    for (VectorShare share : shares) {
      if (share instanceof ExplicitShare explicit) {
        explicit.addTo(total);
      } else if (share instanceof SeededShare seeded) {
        PrgStream stream = seeded.prg().streamAt(0);
        stream.addTo(total, 0, length);
      } else {
        throw new IllegalStateException("unknown share type " + share.getClass().getName());
      }
    }
    return total;
  }

  static void requireSameShape(MatrixShare a, MatrixShare b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
      throw new IllegalArgumentException("matrix share shapes differ: " + a.shape() + " and " + b.shape());
    }
  }
}
