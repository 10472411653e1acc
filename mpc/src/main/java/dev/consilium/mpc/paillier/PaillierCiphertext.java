package dev.consilium.mpc.paillier;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Paillier ciphertext bound to the public key it was made under. The homomorphic operations need only
 * the public key, and refuse to combine ciphertexts of different keys.
 *
 * <p>Serialized form (version 1, fixed length 9 + 2·n bytes): {@code 0x01 ‖ key fingerprint (8 bytes) ‖ c}
 * with c big-endian unsigned in exactly 2·modulusBits/8 bytes.
 */
public final class PaillierCiphertext {
  private static final int HEADER_BYTES = 1 + PaillierPublicKey.FINGERPRINT_BYTES;

  private final PaillierPublicKey publicKey;
  private final BigInteger value;

  PaillierCiphertext(PaillierPublicKey publicKey, BigInteger value) {
    this.publicKey = publicKey;
    this.value = value;
  }

  /**
   * Reads a ciphertext that came from outside, checking its version, that it was made under
   * {@code publicKey}, and that its value lies in Z*_{n²}.
   */
  public static PaillierCiphertext fromBytes(byte[] bytes, PaillierPublicKey publicKey)
      throws InvalidCiphertextException, WrongKeyException {
    int expected = serializedLength(publicKey.parameters());
    if (bytes.length != expected) {
      throw new InvalidCiphertextException("ciphertext under a " + publicKey.parameters().modulusBits()
          + "-bit key must be " + expected + " bytes, got " + bytes.length);
    }
    if (bytes[0] != PaillierPublicKey.VERSION) {
      throw new InvalidCiphertextException(
          "ciphertext has version " + bytes[0] + "; this build reads version " + PaillierPublicKey.VERSION);
    }
    if (!publicKey.hasFingerprint(bytes, 1)) {
      throw WrongKeyException.mismatch("reading ciphertext", publicKey,
          java.util.HexFormat.of().formatHex(bytes, 1, HEADER_BYTES));
    }
    BigInteger c = new BigInteger(1, bytes, HEADER_BYTES, expected - HEADER_BYTES);
    return new PaillierCiphertext(publicKey, publicKey.checkCiphertextValue(c));
  }

  /** Validates a raw value against {@code publicKey}, for values carried in another format. */
  public static PaillierCiphertext fromValue(BigInteger c, PaillierPublicKey publicKey)
      throws InvalidCiphertextException {
    return new PaillierCiphertext(publicKey, publicKey.checkCiphertextValue(c));
  }

  public static int serializedLength(PaillierParameters parameters) {
    return HEADER_BYTES + 2 * parameters.modulusBytes();
  }

  public byte[] toBytes() {
    byte[] out = new byte[serializedLength(publicKey.parameters())];
    out[0] = PaillierPublicKey.VERSION;
    System.arraycopy(publicKey.fingerprint(), 0, out, 1, PaillierPublicKey.FINGERPRINT_BYTES);
    BigIntegers.writeFixed(value, out, HEADER_BYTES, out.length - HEADER_BYTES);
    return out;
  }

  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  public BigInteger value() {
    return value;
  }

  /** E(a) · E(b) = E(a + b). */
  public PaillierCiphertext add(PaillierCiphertext other) throws WrongKeyException {
    requireSameKey("add", other);
    return withValue(value.multiply(other.value).mod(publicKey.modulusSquared()));
  }

  /** E(a) · E(b)^(−1) = E(a − b). */
  public PaillierCiphertext subtract(PaillierCiphertext other) throws WrongKeyException {
    requireSameKey("subtract", other);
    BigInteger nSquared = publicKey.modulusSquared();
    return withValue(value.multiply(other.value.modInverse(nSquared)).mod(nSquared));
  }

  /** E(a) · (1 + m·n) = E(a + m), for m taken mod n (negative m subtracts). */
  public PaillierCiphertext addPlaintext(BigInteger m) {
    BigInteger n = publicKey.modulus();
    BigInteger nSquared = publicKey.modulusSquared();
    BigInteger gm = BigInteger.ONE.add(m.mod(n).multiply(n));
    return withValue(value.multiply(gm).mod(nSquared));
  }

  /** E(a)^k = E(k·a). A negative k inverts first, so the exponent stays as short as |k|. */
  public PaillierCiphertext multiply(BigInteger k) {
    BigInteger nSquared = publicKey.modulusSquared();
    if (k.signum() >= 0) {
      return withValue(value.modPow(k, nSquared));
    }
    return withValue(value.modInverse(nSquared).modPow(k.negate(), nSquared));
  }

  public PaillierCiphertext multiply(long k) {
    return multiply(BigInteger.valueOf(k));
  }

  void requireSameKey(String operation, PaillierCiphertext other) throws WrongKeyException {
    if (!publicKey.equals(other.publicKey)) {
      throw WrongKeyException.mismatch(operation, publicKey, other.publicKey.fingerprintHex());
    }
  }

  private PaillierCiphertext withValue(BigInteger c) {
    return new PaillierCiphertext(publicKey, c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaillierCiphertext other && publicKey.equals(other.publicKey)
        && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publicKey, value);
  }

  @Override
  public String toString() {
    return "PaillierCiphertext[key=" + publicKey.fingerprintHex() + "]";
  }
}
