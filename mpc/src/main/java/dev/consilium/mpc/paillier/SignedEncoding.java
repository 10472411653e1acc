package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/**
 * Signed integers in Z_n: m ∈ (−n/3, n/3) maps to m mod n.
 *
 * <p>Sums and scalar products may only leave the range by overflowing; the band between n/3 and 2n/3 is
 * kept empty so that such an overflow, or a decryption under the wrong key (which yields a uniform value,
 * landing in the band with probability 1/3 each time), is detected rather than misread.
 */
public final class SignedEncoding {
  private SignedEncoding() {}

  /** m mod n, refusing |m| ≥ n/3. */
  public static BigInteger encode(BigInteger m, PaillierPublicKey key) {
    if (m.abs().compareTo(key.signedBound()) > 0) {
      // Neither the plaintext nor its size goes into the message: both would leak a secret.
      throw new IllegalArgumentException("signed plaintext is outside (−n/3, n/3) for key " + key.fingerprintHex());
    }
    return m.signum() >= 0 ? m : m.add(key.modulus());
  }

  /** The signed value of a plaintext in [0, n), or an overflow if it lies in the band [n/3, 2n/3]. */
  public static BigInteger decode(BigInteger raw, PaillierPublicKey key) {
    BigInteger bound = key.signedBound();
    if (raw.compareTo(bound) <= 0) {
      return raw;
    }
    BigInteger negative = raw.subtract(key.modulus());
    if (negative.negate().compareTo(bound) <= 0) {
      return negative;
    }
    throw new PlaintextOverflowException("decrypted value lies between n/3 and 2n/3 for key "
        + key.fingerprintHex() + ": the computation overflowed (−n/3, n/3) or the ciphertext is under another key");
  }
}
