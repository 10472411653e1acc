package dev.consilium.roles.features.aggregation;

import dev.consilium.mpc.additive.AdditiveSharing;
import dev.consilium.mpc.additive.MatrixShare;
import dev.consilium.mpc.additive.RingMatrix;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The two ends of the secret-shared sum: a holder splits its Z_i into one share per compute node, and the
 * owner adds the compute nodes' sums back into Z.
 */
public final class ZSharing {
  private ZSharing() {}

  /**
   * Z_i in one share per compute node, in the nodes' order: every share but the one at {@code explicitIndex}
   * is a seed. Rotating {@code explicitIndex} from step to step spreads the bytes over the nodes.
   */
  public static List<ZShare> split(DMatrixRMaj z, ZCodec codec, AdditiveSharing sharing, int explicitIndex) {
    int nodes = sharing.parties();
    if (explicitIndex < 0 || explicitIndex >= nodes) {
      throw new IllegalArgumentException("explicitIndex must be between 0 and " + (nodes - 1) + ", was "
          + explicitIndex);
    }
    RingMatrix encoded = codec.encode(z);
    List<MatrixShare> shares = sharing.splitMatrix(encoded);
    List<ZShare> out = new ArrayList<>(nodes);
    // splitMatrix puts the explicit share last; seeds are interchangeable, so only the explicit one moves.
    for (int i = 0; i < nodes - 1; i++) {
      out.add(ZShare.from(z.numRows, z.numCols, shares.get(i).values()));
    }
    out.add(explicitIndex, ZShare.from(z.numRows, z.numCols, shares.get(nodes - 1).values()));
    return List.copyOf(out);
  }

  /**
   * Z from every compute node's sum for one step (row-major, {@code rows · cols} elements each). Throws
   * {@link IllegalArgumentException} on a sum of the wrong length, and {@link
   * dev.consilium.mpc.additive.FixedPointOverflowException} if the total left the codec's range.
   */
  public static DMatrixRMaj reconstruct(List<long[]> sums, int rows, int cols, ZCodec codec) {
    if (sums.isEmpty()) {
      throw new IllegalArgumentException("no compute node's sum to reconstruct from");
    }
    long[] total = new long[rows * cols];
    for (long[] sum : sums) {
      if (sum.length != total.length) {
        throw new IllegalArgumentException("a sum of " + sum.length + " elements does not fit a " + rows + " x "
            + cols + " step");
      }
      for (int i = 0; i < total.length; i++) {
        total[i] += sum[i];
      }
    }
    return codec.decode(RingMatrix.wrap(rows, cols, total));
  }
}
