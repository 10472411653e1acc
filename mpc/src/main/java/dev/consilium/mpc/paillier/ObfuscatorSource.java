package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/**
 * Supplies the random factor of a Paillier encryption: a fresh uniformly looking element of the n-th
 * residues mod n², by which (1 + m·n) is multiplied. Implementations are thread-safe.
 */
public interface ObfuscatorSource {
  /** The public key whose n-th residues this source produces. */
  PaillierPublicKey publicKey();

  /** A fresh obfuscator; never reuse one, or the two ciphertexts' quotient reveals m₁ − m₂. */
  BigInteger next();
}
