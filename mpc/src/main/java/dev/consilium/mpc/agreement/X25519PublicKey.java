package dev.consilium.mpc.agreement;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 public key: the 32-byte little-endian u-coordinate of RFC 7748 §5. Ordered by unsigned
 * lexicographic comparison of those bytes, the canonical order two parties use to bind both keys into a
 * derivation.
 */
public final class X25519PublicKey implements Comparable<X25519PublicKey> {
  public static final int LENGTH_BYTES = X25519.POINT_SIZE;

  private final byte[] bytes;

  private X25519PublicKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads 32 bytes; low-order points are refused later, by the agreement, which sees an all-zero result. */
  public static X25519PublicKey fromBytes(byte[] bytes) throws InvalidKeyException {
    if (bytes.length != LENGTH_BYTES) {
      throw new InvalidKeyException("X25519 public key must be " + LENGTH_BYTES + " bytes, got " + bytes.length);
    }
    return new X25519PublicKey(bytes.clone());
  }

  static X25519PublicKey wrap(byte[] bytes) {
    return new X25519PublicKey(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] bytesForAgreement() {
    return bytes;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(X25519PublicKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X25519PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "X25519PublicKey[" + toHex().substring(0, 16) + "…]";
  }
}
