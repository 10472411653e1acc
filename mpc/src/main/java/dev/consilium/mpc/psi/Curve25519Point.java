package dev.consilium.mpc.psi;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An immutable point of curve25519 (v² = u³ + 486662·u² + u over GF(2^255 − 19)) in affine coordinates, or the
 * point at infinity. Points are public values: they print in full.
 *
 * <p>{@link #x()} and {@link #y()} are the coordinates RFC 9380's test vectors call P.x and P.y; RFC 7748
 * calls them u and v, and X25519 uses only u.
 */
public final class Curve25519Point {
  static final Curve25519Point INFINITY = new Curve25519Point(null, null);

  /** null for the point at infinity. */
  private final FieldElement x;
  private final FieldElement y;

  Curve25519Point(FieldElement x, FieldElement y) {
    this.x = x;
    this.y = y;
  }

  public boolean isInfinity() {
    return x == null;
  }

  /** The affine x (RFC 7748's u), in [0, p). */
  public BigInteger x() {
    return finite().x.toBigInteger();
  }

  /** The affine y (RFC 7748's v), in [0, p). */
  public BigInteger y() {
    return finite().y.toBigInteger();
  }

  /**
   * The RFC 7748 encoding of x: 32 bytes, little-endian, canonical. The point at infinity encodes as 32 zero
   * bytes, as in X25519's x-only arithmetic, where it shares u = 0 with the point (0, 0).
   */
  public byte[] toUCoordinate() {
    return isInfinity() ? new byte[32] : x.toLittleEndian();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Curve25519Point other && Objects.equals(x, other.x) && Objects.equals(y, other.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(x, y);
  }

  @Override
  public String toString() {
    // An unblinded point is as revealing as the identifier hashed to it (identifiers are guessable), so
    // its coordinates never go into logs or messages.
    return isInfinity() ? "Curve25519Point[infinity]" : "Curve25519Point[finite, coordinates redacted]";
  }

  private Curve25519Point finite() {
    if (isInfinity()) {
      throw new IllegalStateException("the point at infinity has no affine coordinates");
    }
    return this;
  }
}
