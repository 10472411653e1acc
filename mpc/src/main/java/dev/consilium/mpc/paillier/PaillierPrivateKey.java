package dev.consilium.mpc.paillier;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Objects;

/**
 * A Paillier private key: the primes p and q of n, with the values CRT decryption needs precomputed.
 *
 * <p>p and q leave this object only through {@link #p(SecretAccess)} and {@link #q(SecretAccess)}; nothing
 * secret appears in {@code toString}.
 */
public final class PaillierPrivateKey {
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
