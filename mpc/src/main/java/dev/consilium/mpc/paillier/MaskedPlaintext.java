package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/**
 * A signed amount plus a zero-sum mask, as one Paillier plaintext: (SignedEncoding(amount) + mask) mod n.
 *
 * <p>The masks of all contributors (and, after a dropout, their corrections) sum to 0 mod n, so the sum of
 * the plaintexts is SignedEncoding(Σ amounts) and decrypts with {@link PaillierDecrypter#decryptSigned};
 * each single plaintext is uniform mod n and tells the key holder nothing about its amount.
 */
public final class MaskedPlaintext {
  private MaskedPlaintext() {}

  /** (SignedEncoding(amount) + mask) mod n; the mask must already lie in [0, n). */
  public static BigInteger of(BigInteger amount, BigInteger mask, PaillierPublicKey key) {
    requireMaskInRange(mask, key);
    return SignedEncoding.encode(amount, key).add(mask).mod(key.modulus());
  }

  public static BigInteger of(long amount, BigInteger mask, PaillierPublicKey key) {
    return of(BigInteger.valueOf(amount), mask, key);
  }

  /** Encrypts a masked amount under the encrypter's key. */
  public static PaillierCiphertext encrypt(PaillierEncrypter encrypter, long amount, BigInteger mask) {
    return encrypter.encrypt(of(amount, mask, encrypter.publicKey()));
  }

  /** Encrypts a mask correction alone (a zero amount plus the correction), for a contributor at the deadline. */
  public static PaillierCiphertext encryptCorrection(PaillierEncrypter encrypter, BigInteger correction) {
    return encrypter.encrypt(of(BigInteger.ZERO, correction, encrypter.publicKey()));
  }

  /**
   * (packed + mask) mod n, for a plaintext of packed values ({@link PackingLayout#pack}) in [0, n): packed
   * sums are decoded slot by slot, not as signed numbers, so no signed encoding is applied. The masks of all
   * contributors cancel in the sum, which then decrypts to the slot-wise sum of their packed values.
   */
  public static BigInteger ofPacked(BigInteger packed, BigInteger mask, PaillierPublicKey key) {
    requireMaskInRange(mask, key);
    if (packed.signum() < 0 || packed.compareTo(key.modulus()) >= 0) {
      throw new IllegalArgumentException("packed plaintext is not in [0, n) for key " + key.fingerprintHex());
    }
    return packed.add(mask).mod(key.modulus());
  }

  /** Encrypts packed values plus a mask under the encrypter's key. */
  public static PaillierCiphertext encryptPacked(PaillierEncrypter encrypter, BigInteger packed, BigInteger mask) {
    return encrypter.encrypt(ofPacked(packed, mask, encrypter.publicKey()));
  }

  private static void requireMaskInRange(BigInteger mask, PaillierPublicKey key) {
    if (mask.signum() < 0 || mask.compareTo(key.modulus()) >= 0) {
      // The mask's value is secret; only the fact that it is out of range is reported.
      throw new IllegalArgumentException("mask is not reduced mod n of key " + key.fingerprintHex());
    }
  }
}
