package dev.consilium.mpc.paillier;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Objects;

/**
 * A Paillier private key: the primes p and q of n, with the values CRT decryption needs precomputed.
 *
 * <p>p and q leave this object only through {@link #p(SecretAccess)}, {@link #q(SecretAccess)} and
 * {@link #toBytes(SecretAccess)}; nothing secret appears in {@code toString} or in exception messages.
 *
 * <p>Serialized form (version 1, fixed length 3 + 2·(modulusBits/8) bytes):
 * {@code 0x01 ‖ u16 modulusBits ‖ n ‖ p ‖ q}, with n big-endian unsigned in modulusBits/8 bytes and p, q
 * (p &lt; q) in modulusBits/16 bytes each. n is stored so that a reader can check the key against the public
 * key it expects before trusting anything else; CRT values are recomputed, never stored.
 */
public final class PaillierPrivateKey {
  static final byte SERIALIZED_VERSION = 1;
  static final int SERIALIZED_HEADER_BYTES = 3;

  private final PaillierPublicKey publicKey;
  private final BigInteger p;
  private final BigInteger q;
  // CRT decryption: m_p = L_p(c^(p−1) mod p²)·hp mod p, likewise for q, then recombined.
  final BigInteger pSquared;
  final BigInteger qSquared;
  final BigInteger pMinusOne;
  final BigInteger qMinusOne;
  final BigInteger hp;
  final BigInteger hq;
  final BigInteger qInverseModP;

  private PaillierPrivateKey(PaillierPublicKey publicKey, BigInteger p, BigInteger q) {
    this.publicKey = publicKey;
    this.p = p;
    this.q = q;
    this.pSquared = p.multiply(p);
    this.qSquared = q.multiply(q);
    this.pMinusOne = p.subtract(BigInteger.ONE);
    this.qMinusOne = q.subtract(BigInteger.ONE);
    // With g = n + 1, g^(p−1) ≡ 1 + (p−1)·n (mod p²), so L_p(g^(p−1)) ≡ (p−1)·q ≡ −q (mod p).
    this.hp = q.negate().mod(p).modInverse(p);
    this.hq = p.negate().mod(q).modInverse(q);
    this.qInverseModP = q.modInverse(p);
  }

  /**
   * Builds a key from its primes, checking that they make a valid key of the given size: distinct, of equal
   * length, prime, and with gcd(pq, (p−1)(q−1)) = 1 so that decryption is well defined.
   */
  public static PaillierPrivateKey fromPrimes(PaillierParameters parameters, BigInteger p, BigInteger q,
      SecretAccess access) throws InvalidKeyException {
    Objects.requireNonNull(access, "secret access token is required");
    int primeBits = parameters.modulusBits() / 2;
    if (p.bitLength() != primeBits || q.bitLength() != primeBits) {
      throw new InvalidKeyException("Paillier primes must both have " + primeBits + " bits, got "
          + p.bitLength() + " and " + q.bitLength());
    }
    if (p.equals(q)) {
      throw new InvalidKeyException("Paillier primes must be distinct");
    }
    if (!p.isProbablePrime(PaillierKeyGenerator.PRIME_CERTAINTY)
        || !q.isProbablePrime(PaillierKeyGenerator.PRIME_CERTAINTY)) {
      throw new InvalidKeyException("Paillier key factor is not prime");
    }
    BigInteger n = p.multiply(q);
    BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
    if (!n.gcd(phi).equals(BigInteger.ONE)) {
      throw new InvalidKeyException("Paillier primes give gcd(n, φ(n)) ≠ 1");
    }
    PaillierPublicKey.checkModulus(parameters, n);
    return new PaillierPrivateKey(new PaillierPublicKey(parameters, n), p, q);
  }

  /** The version-1 serialized form. Every call site is a place where the whole private key leaves memory. */
  public byte[] toBytes(SecretAccess access) {
    Objects.requireNonNull(access, "secret access token is required");
    int modulusBytes = publicKey.parameters().modulusBytes();
    int primeBytes = modulusBytes / 2;
    byte[] out = new byte[SERIALIZED_HEADER_BYTES + 2 * modulusBytes];
    out[0] = SERIALIZED_VERSION;
    out[1] = (byte) (publicKey.parameters().modulusBits() >>> 8);
    out[2] = (byte) publicKey.parameters().modulusBits();
    BigIntegers.writeFixed(publicKey.modulus(), out, SERIALIZED_HEADER_BYTES, modulusBytes);
    BigInteger small = p.min(q);
    BigInteger large = p.max(q);
    BigIntegers.writeFixed(small, out, SERIALIZED_HEADER_BYTES + modulusBytes, primeBytes);
    BigIntegers.writeFixed(large, out, SERIALIZED_HEADER_BYTES + modulusBytes + primeBytes, primeBytes);
    return out;
  }

  /**
   * Reads the version-1 form, checking the length for the declared size, the version, the size of each
   * prime, their order and primality, and that p·q equals the stored n. Messages name the failed check,
   * never a secret value.
   */
  public static PaillierPrivateKey fromBytes(byte[] bytes, SecretAccess access) throws InvalidKeyException {
    Objects.requireNonNull(access, "secret access token is required");
    if (bytes.length < SERIALIZED_HEADER_BYTES) {
      throw new InvalidKeyException("Paillier private key is truncated: " + bytes.length
          + " bytes, header needs " + SERIALIZED_HEADER_BYTES);
    }
    if (bytes[0] != SERIALIZED_VERSION) {
      throw new InvalidKeyException("Paillier private key has version " + bytes[0] + "; this build reads version "
          + SERIALIZED_VERSION);
    }
    int modulusBits = ((bytes[1] & 0xff) << 8) | (bytes[2] & 0xff);
    PaillierParameters parameters;
    try {
      parameters = PaillierParameters.forModulusBits(modulusBits);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyException("Paillier private key: " + e.getMessage(), e);
    }
    int modulusBytes = parameters.modulusBytes();
    int primeBytes = modulusBytes / 2;
    int expected = SERIALIZED_HEADER_BYTES + 2 * modulusBytes;
    if (bytes.length != expected) {
      throw new InvalidKeyException("Paillier private key of " + modulusBits + " bits must be " + expected
          + " bytes, got " + bytes.length);
    }
    BigInteger n = new BigInteger(1, bytes, SERIALIZED_HEADER_BYTES, modulusBytes);
    BigInteger p = new BigInteger(1, bytes, SERIALIZED_HEADER_BYTES + modulusBytes, primeBytes);
    BigInteger q = new BigInteger(1, bytes, SERIALIZED_HEADER_BYTES + modulusBytes + primeBytes, primeBytes);
    if (p.compareTo(q) >= 0) {
      throw new InvalidKeyException("Paillier private key primes are not stored in increasing order");
    }
    if (!p.multiply(q).equals(n)) {
      throw new InvalidKeyException("Paillier private key is inconsistent: p·q ≠ stored n");
    }
    return fromPrimes(parameters, p, q, access);
  }

  /**
   * Like {@link #fromBytes(byte[], SecretAccess)}, and also refuses a key whose public part is not
   * {@code expected}: an institution reloading its inquiry key checks it against the one registered.
   */
  public static PaillierPrivateKey fromBytes(byte[] bytes, PaillierPublicKey expected, SecretAccess access)
      throws InvalidKeyException {
    PaillierPrivateKey key = fromBytes(bytes, access);
    if (!key.publicKey().equals(expected)) {
      throw new InvalidKeyException("Paillier private key belongs to public key " + key.publicKey().fingerprintHex()
          + ", expected " + expected.fingerprintHex());
    }
    return key;
  }

  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  public BigInteger p(SecretAccess access) {
    Objects.requireNonNull(access, "secret access token is required");
    return p;
  }

  public BigInteger q(SecretAccess access) {
    Objects.requireNonNull(access, "secret access token is required");
    return q;
  }

  BigInteger p() {
    return p;
  }

  BigInteger q() {
    return q;
  }

  @Override
  public String toString() {
    return "PaillierPrivateKey[public=" + publicKey + "]";
  }
}
