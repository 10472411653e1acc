package dev.consilium.mpc.paillier;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/** Generates Paillier keys: p and q of equal length with n = pq of exactly the requested length. */
public final class PaillierKeyGenerator {
  /** Miller–Rabin/Lucas error bound 2^-100 for each prime. */
  static final int PRIME_CERTAINTY = 100;
  // Bounds the search; reaching it means the random source is broken, not bad luck (p ≈ 2^-1000).
  private static final int MAX_ATTEMPTS = 1_000;

  private PaillierKeyGenerator() {}

  public static PaillierPrivateKey generate(PaillierParameters parameters, SecureRandom random) {
    int primeBits = parameters.modulusBits() / 2;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      BigInteger p = primeWithTopTwoBits(primeBits, random);
      BigInteger q = primeWithTopTwoBits(primeBits, random);
      try {
        return PaillierPrivateKey.fromPrimes(parameters, p, q, SecretAccess.get());
      } catch (InvalidKeyException e) {
        // p = q, or a property that fails with negligible probability: draw again.
      }
    }
    throw new IllegalStateException("no valid Paillier key after " + MAX_ATTEMPTS + " attempts");
  }

  /**
   * A prime whose two top bits are set, so that the product of two of them has exactly twice as many bits
   * (each is at least 1.5·2^(k−1), and 2.25·2^(2k−2) ≥ 2^(2k−1)).
   */
  private static BigInteger primeWithTopTwoBits(int bits, SecureRandom random) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      BigInteger candidate = new BigInteger(bits, PRIME_CERTAINTY, random);
      if (candidate.bitLength() == bits && candidate.testBit(bits - 2)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no " + bits + "-bit prime after " + MAX_ATTEMPTS + " attempts");
  }
}
