package dev.consilium.mpc.paillier;

import dev.consilium.mpc.hash.Sha256;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Paillier public key: the modulus n, with g fixed to n + 1.
 *
 * <p>Serialized form (version 1, fixed length 3 + n bytes): {@code 0x01 ‖ u16 modulusBits ‖ n} with n
 * big-endian unsigned in exactly modulusBits/8 bytes. The fingerprint is the first 8 bytes of SHA-256 over
 * that form; ciphertexts carry it so that decrypting under the wrong key is caught.
 */
public final class PaillierPublicKey {
  static final byte VERSION = 1;
  private static final int HEADER_BYTES = 3;
  static final int FINGERPRINT_BYTES = 8;
  // A modulus with a factor this small is certainly not the product of two large primes.
  private static final BigInteger SMALL_PRIMES_PRODUCT = smallPrimesProduct(2_000);

  private final PaillierParameters parameters;
  private final BigInteger n;
  private final BigInteger nSquared;
  private final BigInteger nOverThree;
  private final byte[] encoded;
  private final byte[] fingerprint;

  PaillierPublicKey(PaillierParameters parameters, BigInteger n) {
    this.parameters = parameters;
    this.n = n;
    this.nSquared = n.multiply(n);
    this.nOverThree = n.divide(BigInteger.valueOf(3));
    this.encoded = encode(parameters, n);
    this.fingerprint = Arrays.copyOf(Sha256.digest(encoded).toByteArray(), FINGERPRINT_BYTES);
  }

  /** Reads the version-1 serialized form, refusing anything that is not a plausible key of a supported size. */
  public static PaillierPublicKey fromBytes(byte[] bytes) throws InvalidKeyException {
    if (bytes.length < HEADER_BYTES) {
      throw new InvalidKeyException(
          "Paillier public key is truncated: " + bytes.length + " bytes, header needs " + HEADER_BYTES);
    }
    if (bytes[0] != VERSION) {
      throw new InvalidKeyException(
          "Paillier public key has version " + bytes[0] + "; this build reads version " + VERSION);
    }
    int modulusBits = ((bytes[1] & 0xff) << 8) | (bytes[2] & 0xff);
    PaillierParameters parameters;
    try {
      parameters = PaillierParameters.forModulusBits(modulusBits);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyException(e.getMessage(), e);
    }
    int expected = HEADER_BYTES + parameters.modulusBytes();
    if (bytes.length != expected) {
      throw new InvalidKeyException("Paillier public key of " + modulusBits + " bits must be " + expected
          + " bytes, got " + bytes.length);
    }
    BigInteger n = new BigInteger(1, bytes, HEADER_BYTES, parameters.modulusBytes());
    checkModulus(parameters, n);
    return new PaillierPublicKey(parameters, n);
  }

  public byte[] toBytes() {
    return encoded.clone();
  }

  public PaillierParameters parameters() {
    return parameters;
  }

  public BigInteger modulus() {
    return n;
  }

  public BigInteger modulusSquared() {
    return nSquared;
  }

  /** Signed plaintexts must lie strictly inside (−n/3, n/3); see {@link SignedEncoding}. */
  BigInteger signedBound() {
    return nOverThree;
  }

  /** The first 8 bytes of SHA-256 over the serialized key. */
  public byte[] fingerprint() {
    return fingerprint.clone();
  }

  public String fingerprintHex() {
    return HexFormat.of().formatHex(fingerprint);
  }

  boolean hasFingerprint(byte[] bytes, int offset) {
    return Arrays.equals(fingerprint, 0, FINGERPRINT_BYTES, bytes, offset, offset + FINGERPRINT_BYTES);
  }

  /**
   * Checks a ciphertext value that came from outside: it must lie in Z*_{n²}, that is 0 < c < n² and
   * gcd(c, n) = 1. A value outside would either be meaningless or, if it shares a factor with n, reveal it.
   */
  BigInteger checkCiphertextValue(BigInteger c) throws InvalidCiphertextException {
    if (c.signum() <= 0) {
      throw new InvalidCiphertextException("ciphertext must be positive, under key " + fingerprintHex());
    }
    if (c.compareTo(nSquared) >= 0) {
      throw new InvalidCiphertextException(
          "ciphertext is not below n² of key " + fingerprintHex() + " (" + c.bitLength() + " bits)");
    }
    if (!c.gcd(n).equals(BigInteger.ONE)) {
      throw new InvalidCiphertextException(
          "ciphertext is not invertible mod n² of key " + fingerprintHex() + " (gcd(c, n) ≠ 1)");
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaillierPublicKey other && n.equals(other.n);
  }

  @Override
  public int hashCode() {
    return n.hashCode();
  }

  @Override
  public String toString() {
    return "PaillierPublicKey[" + parameters.modulusBits() + " bits, " + fingerprintHex() + "]";
  }

  static void checkModulus(PaillierParameters parameters, BigInteger n) throws InvalidKeyException {
    if (n.bitLength() != parameters.modulusBits()) {
      throw new InvalidKeyException("Paillier modulus has " + n.bitLength() + " bits, expected exactly "
          + parameters.modulusBits());
    }
    if (!n.testBit(0)) {
      throw new InvalidKeyException("Paillier modulus is even");
    }
    if (!n.gcd(SMALL_PRIMES_PRODUCT).equals(BigInteger.ONE)) {
      throw new InvalidKeyException("Paillier modulus has a small prime factor");
    }
  }

  private static byte[] encode(PaillierParameters parameters, BigInteger n) {
    byte[] out = new byte[HEADER_BYTES + parameters.modulusBytes()];
    out[0] = VERSION;
    out[1] = (byte) (parameters.modulusBits() >>> 8);
    out[2] = (byte) parameters.modulusBits();
    BigIntegers.writeFixed(n, out, HEADER_BYTES, parameters.modulusBytes());
    return out;
  }

  private static BigInteger smallPrimesProduct(int limit) {
    BigInteger product = BigInteger.ONE;
    for (int p = 2; p < limit; p++) {
      if (BigInteger.valueOf(p).isProbablePrime(30)) {
        product = product.multiply(BigInteger.valueOf(p));
      }
    }
    return product;
  }
}
