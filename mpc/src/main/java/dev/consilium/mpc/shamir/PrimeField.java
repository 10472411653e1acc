package dev.consilium.mpc.shamir;

import java.math.BigInteger;
import java.security.SecureRandom;

/** The integers mod a prime p. Immutable. */
public final class PrimeField {
  /** 2¹²⁷ − 1 (a Mersenne prime): secrets up to 15 bytes, e.g. AES-128 keys. */
  public static final PrimeField MERSENNE_127 =
      new PrimeField(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE), "2^127-1");

  /** 2⁵²¹ − 1 (a Mersenne prime): secrets up to 65 bytes, e.g. 32-byte PRG seeds and Ed25519/X25519 keys. */
  public static final PrimeField MERSENNE_521 =
      new PrimeField(BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE), "2^521-1");

  /** Error probability of the primality check: 2^-128. */
  private static final int PRIMALITY_CERTAINTY = 128;

  private final BigInteger modulus;
  private final String name;

  private PrimeField(BigInteger modulus, String name) {
    this.modulus = modulus;
    this.name = name;
  }

  /** Throws {@link IllegalArgumentException} unless {@code prime} is a prime of at least 2 bits. */
  public static PrimeField of(BigInteger prime) {
    if (prime.compareTo(BigInteger.TWO) <= 0) {
      throw new IllegalArgumentException("field modulus must be a prime above 2, was " + prime);
    }
    if (!prime.isProbablePrime(PRIMALITY_CERTAINTY)) {
      throw new IllegalArgumentException("field modulus is not prime: " + prime);
    }
    return new PrimeField(prime, "a " + prime.bitLength() + "-bit prime");
  }

  public BigInteger modulus() {
    return modulus;
  }

  /**
   * The longest byte string every value of which is an element: {@code (bitLength − 1) / 8} bytes, so that
   * 2^(8·bytes) ≤ p.
   */
  public int maxSecretBytes() {
    return (modulus.bitLength() - 1) / 8;
  }

  /** True when {@code 0 ≤ v < p}. */
  public boolean contains(BigInteger v) {
    return v.signum() >= 0 && v.compareTo(modulus) < 0;
  }

  /** Uniform in [0, p), by rejection: no modulo bias. */
  BigInteger randomElement(SecureRandom random) {
    BigInteger candidate;
    do {
      candidate = new BigInteger(modulus.bitLength(), random);
    } while (candidate.compareTo(modulus) >= 0);
    return candidate;
  }

  BigInteger add(BigInteger a, BigInteger b) {
    return a.add(b).mod(modulus);
  }

  BigInteger subtract(BigInteger a, BigInteger b) {
    return a.subtract(b).mod(modulus);
  }

  BigInteger multiply(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(modulus);
  }

  BigInteger inverse(BigInteger a) {
    return a.modInverse(modulus);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimeField other && modulus.equals(other.modulus);
  }

  @Override
  public int hashCode() {
    return modulus.hashCode();
  }

  /** "2^127-1" for the constants, the bit length otherwise. */
  @Override
  public String toString() {
    return "PrimeField[" + name + "]";
  }
}
