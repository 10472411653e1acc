package dev.consilium.mpc.psi;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Blinded points as they travel between parties: chunks of 32-byte u-coordinates laid end to end, and the
 * checks a party runs on every point it receives before it blinds, forwards or compares it.
 *
 * <p>A valid point is a canonical encoding (u below p, bit 255 clear) of a point on curve25519 itself, not its
 * twist, whose order is not a divisor of 8. Honest parties only ever send such points (hashing clears the
 * cofactor, and X25519 keeps a point on the curve); anything else comes from a faulty or dishonest peer:
 * non-canonical encodings would let two byte strings stand for one point, twist points leave the group the
 * protocol's security argument is about, and low-order points blind to the same value under every key.
 */
public final class PsiPoints {
  public static final int POINT_BYTES = 32;

  private PsiPoints() {}

  /**
   * The points of a chunk.
   *
   * @throws GeneralSecurityException if the chunk is not exactly {@code expectedPoints} 32-byte points
   */
  public static List<byte[]> split(byte[] chunk, int expectedPoints) throws GeneralSecurityException {
    Objects.requireNonNull(chunk, "chunk");
    if (chunk.length % POINT_BYTES != 0) {
      throw new GeneralSecurityException("a chunk of " + chunk.length + " bytes is not a whole number of "
          + POINT_BYTES + "-byte points");
    }
    if (chunk.length / POINT_BYTES != expectedPoints) {
      throw new GeneralSecurityException("chunk holds " + chunk.length / POINT_BYTES + " points, expected "
          + expectedPoints);
    }
    List<byte[]> points = new ArrayList<>(expectedPoints);
    for (int offset = 0; offset < chunk.length; offset += POINT_BYTES) {
      byte[] point = new byte[POINT_BYTES];
      System.arraycopy(chunk, offset, point, 0, POINT_BYTES);
      points.add(point);
    }
    return points;
  }

  /** The points laid end to end. */
  public static byte[] join(List<byte[]> points) {
    byte[] chunk = new byte[points.size() * POINT_BYTES];
    int offset = 0;
    for (byte[] point : points) {
      if (point.length != POINT_BYTES) {
        throw new IllegalArgumentException("point " + offset / POINT_BYTES + " has " + point.length + " bytes, not "
            + POINT_BYTES);
      }
      System.arraycopy(point, 0, chunk, offset, POINT_BYTES);
      offset += POINT_BYTES;
    }
    return chunk;
  }

  /**
   * Refuses a point that is not valid (see the class comment); costs one field exponentiation.
   *
   * @throws GeneralSecurityException naming what is wrong: length, encoding, twist, or low order
   */
  public static void check(byte[] uCoordinate) throws GeneralSecurityException {
    Objects.requireNonNull(uCoordinate, "uCoordinate");
    if (uCoordinate.length != POINT_BYTES) {
      throw new GeneralSecurityException("a point is a " + POINT_BYTES + "-byte u-coordinate, got "
          + uCoordinate.length + " bytes");
    }
    if (!isCanonical(uCoordinate)) {
      throw new GeneralSecurityException("point is not canonically encoded (u is not below 2^255 - 19)");
    }
    FieldElement u = FieldElement.fromLittleEndian(uCoordinate);
    // On the curve exactly when u³ + A·u² + u is a square (B = 1); otherwise u is on the quadratic twist.
    FieldElement rhs = u.square().add(u.multiply(ProjectivePoint.A)).add(FieldElement.ONE).multiply(u);
    if (!FieldElement.sqrtRatio(rhs, FieldElement.ONE).isSquare()) {
      throw new GeneralSecurityException("point is not on curve25519 (it lies on the twist)");
    }
    if (hasLowOrder(u)) {
      throw new GeneralSecurityException("point has low order (a divisor of 8)");
    }
  }

  /**
   * {@link #check} over a batch, in parallel as {@link PointBlinder#blindAll} runs.
   *
   * @throws GeneralSecurityException for a refused point, naming its index in the batch
   */
  public static void checkAll(List<byte[]> points) throws GeneralSecurityException {
    ParallelBatch.mapChecked(points, point -> {
      check(point);
      return point;
    });
  }

  /** Checks each point, then blinds it with {@code blinder}: one parallel pass over the batch. */
  public static List<byte[]> checkAndBlindAll(List<byte[]> points, PointBlinder blinder)
      throws GeneralSecurityException {
    Objects.requireNonNull(blinder, "blinder");
    return ParallelBatch.mapChecked(points, point -> {
      check(point);
      return blinder.blind(point);
    });
  }

  /** u < p = 2^255 − 19, read little-endian: p is ed ff … ff 7f. */
  private static boolean isCanonical(byte[] u) {
    int top = u[31] & 0xff;
    if (top > 0x7f) {
      return false;
    }
    if (top < 0x7f) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if ((u[i] & 0xff) != 0xff) {
        return true;
      }
    }
    return (u[0] & 0xff) < 0xed;
  }

  /**
   * [8]P is the identity, tested by three x-only doublings of (u : 1): X' = (X² − Z²)², Z' = 4·X·Z·(X² + A·X·Z + Z²).
   * The identity is the only point with Z = 0, and doubling keeps it there.
   */
  private static boolean hasLowOrder(FieldElement u) {
    FieldElement x = u;
    FieldElement z = FieldElement.ONE;
    for (int i = 0; i < 3; i++) {
      FieldElement xx = x.square();
      FieldElement zz = z.square();
      FieldElement xz = x.multiply(z);
      x = xx.subtract(zz).square();
      z = xz.multiply(4).multiply(xx.add(xz.multiply(ProjectivePoint.A)).add(zz));
    }
    return z.isZero();
  }
}
