package dev.consilium.mpc.signature;

import dev.consilium.mpc.hash.Sha256;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key: 32 bytes (RFC 8032 §5.1.2 encoding), validated when built.
 *
 * <p>Validation is the full one: the encoding must be canonical, decode to a curve point, and that point
 * must lie in the prime-order subgroup (so neither the identity nor a small-order or mixed-order point).
 * Refusing such keys up front means a key admitted to the ledger behaves the same under every verifier.
 * The decoded point is kept, so verification does not decompress the key again.
 */
public final class Ed25519PublicKey {
  public static final int LENGTH_BYTES = Ed25519.PUBLIC_KEY_SIZE;

  /** Bytes of SHA-256(key) shown as the fingerprint: 64 bits, enough to tell keys apart in logs. */
  private static final int FINGERPRINT_BYTES = 8;

  private final byte[] encoded;
  private final Ed25519.PublicPoint point;
  private final String fingerprint;

  private Ed25519PublicKey(byte[] encoded, Ed25519.PublicPoint point) {
    this.encoded = encoded;
    this.point = point;
    this.fingerprint = HexFormat.of().formatHex(Sha256.digest(encoded).toByteArray(), 0, FINGERPRINT_BYTES);
  }

  /**
   * Copies and validates a 32-byte encoded public key.
   *
   * @throws InvalidKeyException if the length is wrong or the bytes are not a valid prime-order point
   */
  public static Ed25519PublicKey fromBytes(byte[] encoded) throws InvalidKeyException {
    if (encoded.length != LENGTH_BYTES) {
      throw new InvalidKeyException(
          "an Ed25519 public key is " + LENGTH_BYTES + " bytes, was " + encoded.length);
    }
    byte[] copy = encoded.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
    if (point == null) {
      throw new InvalidKeyException("invalid Ed25519 public key encoding " + HexFormat.of().formatHex(copy)
          + ": not a canonical encoding of a point in the prime-order subgroup");
    }
    return new Ed25519PublicKey(copy, point);
  }

  /** Derived from a private key whose seed was just hashed: the point is valid by construction. */
  static Ed25519PublicKey fromDerived(byte[] encoded, Ed25519.PublicPoint point) {
    return new Ed25519PublicKey(encoded, point);
  }

  /** A fresh copy of the 32 encoded bytes. */
  public byte[] toByteArray() {
    return encoded.clone();
  }

  /** The first 8 bytes of SHA-256 of the key, in hex: a short public name for messages and logs. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The decompressed point, for {@link Ed25519Verify}. Immutable: BouncyCastle only reads it. */
  Ed25519.PublicPoint point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + fingerprint + "]";
  }
}
