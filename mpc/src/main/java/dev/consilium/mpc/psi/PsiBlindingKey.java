package dev.consilium.mpc.psi;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A party's secret scalar for one PSI session; blinding is X25519 scalar multiplication (RFC 7748), which
 * commutes: blind_a(blind_b(P)) = [a·b]P = blind_b(blind_a(P)).
 *
 * <p>Immutable and thread-safe. The scalar is 32 random bytes, clamped by X25519 as it is used; it leaves this
 * object only through {@link #scalar()} and {@link SecretBytes#toByteArray}, and never appears in
 * {@code toString}. A fresh key per session keeps blinded sets from different sessions unlinkable.
 */
public final class PsiBlindingKey implements PointBlinder {
  public static final int SCALAR_BYTES = X25519.SCALAR_SIZE;
  public static final int POINT_BYTES = X25519.POINT_SIZE;

  private final SecretBytes scalar;

  private PsiBlindingKey(SecretBytes scalar) {
    this.scalar = scalar;
  }

  public static PsiBlindingKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    return new PsiBlindingKey(SecretBytes.random(SCALAR_BYTES, random));
  }

  /**
   * A key from a known scalar (restoring a session, known-answer tests).
   *
   * @throws IllegalArgumentException if the scalar is not 32 bytes
   */
  public static PsiBlindingKey fromScalar(SecretBytes scalar) {
    Objects.requireNonNull(scalar, "scalar");
    if (scalar.size() != SCALAR_BYTES) {
      throw new IllegalArgumentException(
          "blinding scalar must be " + SCALAR_BYTES + " bytes, was " + scalar.size() + " bytes");
    }
    return new PsiBlindingKey(scalar);
  }

  /** The secret scalar; its bytes still need {@link SecretAccess} to leave it. */
  public SecretBytes scalar() {
    return scalar;
  }

  @Override
  public byte[] blind(byte[] uCoordinate) throws GeneralSecurityException {
    Objects.requireNonNull(uCoordinate, "uCoordinate");
    if (uCoordinate.length != POINT_BYTES) {
      throw new GeneralSecurityException(
          "point to blind must be a " + POINT_BYTES + "-byte u-coordinate, was " + uCoordinate.length + " bytes");
    }
    byte[] k = scalar.toByteArray(SecretAccess.get());
    byte[] blinded = new byte[POINT_BYTES];
    try {
      X25519.scalarMult(k, 0, uCoordinate, 0, blinded, 0);
    } finally {
      SecretBytes.wipe(k);
    }
    if (isAllZero(blinded)) {
      // Every low-order point (and infinity) blinds to zero under every key, so the result would match any
      // other low-order input: a peer could use such points to fake intersections.
      throw new GeneralSecurityException("blinded point is all zero: the input is a low-order point");
    }
    return blinded;
  }

  @Override
  public String toString() {
    return "PsiBlindingKey[scalar redacted]";
  }

  /** Without early exit, so the time taken does not depend on where a non-zero byte sits. */
  private static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }
}
