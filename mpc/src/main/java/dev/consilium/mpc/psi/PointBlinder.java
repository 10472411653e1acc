package dev.consilium.mpc.psi;

import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Commutative blinding of curve points: blind_a(blind_b(P)) = blind_b(blind_a(P)), so two parties that each
 * blind the other's blinded points end with equal values exactly for the items they share.
 */
public interface PointBlinder {
  /**
   * The blinded point, as a 32-byte RFC 7748 u-coordinate.
   *
   * @throws GeneralSecurityException if {@code uCoordinate} is not 32 bytes, or is a low-order point, which
   *     blinds to all zeros under every key and so would match every other low-order input
   */
  byte[] blind(byte[] uCoordinate) throws GeneralSecurityException;

  /**
   * {@link #blind} over a batch; the i-th result belongs to the i-th point. Runs like
   * {@link HashToCurve#hashToCurveAll}: a parallel stream bounded by the fork/join pool, blocking the caller.
   *
   * @return an unmodifiable list of 32-byte u-coordinates
   * @throws GeneralSecurityException for a refused point, naming its index (if several are bad, any one of
   *     them)
   * @throws NullPointerException naming the index of a null point
   */
  default List<byte[]> blindAll(List<byte[]> uCoordinates) throws GeneralSecurityException {
    return ParallelBatch.mapChecked(uCoordinates, this::blind);
  }
}
