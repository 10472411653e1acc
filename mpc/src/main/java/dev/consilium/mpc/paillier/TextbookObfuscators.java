package dev.consilium.mpc.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The textbook obfuscator r^n mod n² with r uniform in Z*_n: one full exponentiation per encryption. Kept as
 * the reference the faster {@link DjnObfuscators} are measured against, and for the credit benchmark's naive
 * baseline (the seed article's design); use {@link DjnObfuscators} otherwise. Thread-safe.
 */
public final class TextbookObfuscators implements ObfuscatorSource {
  private final PaillierPublicKey publicKey;
  private final SecureRandom random;

  public TextbookObfuscators(PaillierPublicKey publicKey, SecureRandom random) {
    this.publicKey = publicKey;
    this.random = random;
  }

  @Override
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  @Override
  public BigInteger next() {
    BigInteger n = publicKey.modulus();
    BigInteger r;
    do {
      r = new BigInteger(n.bitLength(), random);
    } while (r.signum() == 0 || r.compareTo(n) >= 0 || !r.gcd(n).equals(BigInteger.ONE));
    return r.modPow(n, publicKey.modulusSquared());
  }

  @Override
  public String toString() {
    return "TextbookObfuscators[" + publicKey + "]";
  }
}
