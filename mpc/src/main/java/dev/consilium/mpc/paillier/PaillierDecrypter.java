package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/**
 * Decrypts with the private key by the Chinese remainder theorem: two exponentiations mod p² and q² with
 * half-length exponents instead of one mod n² with a full-length one. Thread-safe.
 */
public final class PaillierDecrypter {
  private final PaillierPrivateKey key;

  private PaillierDecrypter(PaillierPrivateKey key) {
    this.key = key;
  }

  public static PaillierDecrypter create(PaillierPrivateKey key) {
    return new PaillierDecrypter(key);
  }

  public PaillierPublicKey publicKey() {
    return key.publicKey();
  }

  /** The plaintext in [0, n). */
  public BigInteger decrypt(PaillierCiphertext ciphertext) throws WrongKeyException {
    PaillierPublicKey publicKey = key.publicKey();
    if (!publicKey.equals(ciphertext.publicKey())) {
      throw WrongKeyException.mismatch("decrypt", publicKey, ciphertext.publicKey().fingerprintHex());
    }
    BigInteger c = ciphertext.value();
    BigInteger p = key.p();
    BigInteger q = key.q();
    BigInteger mp = lFunction(c.mod(key.pSquared).modPow(key.pMinusOne, key.pSquared), p)
        .multiply(key.hp).mod(p);
    BigInteger mq = lFunction(c.mod(key.qSquared).modPow(key.qMinusOne, key.qSquared), q)
        .multiply(key.hq).mod(q);
    // m = mq + q·((mp − mq)·q⁻¹ mod p), the unique value in [0, n) congruent to both.
    return mp.subtract(mq).multiply(key.qInverseModP).mod(p).multiply(q).add(mq);
  }

  /** The signed plaintext; an overflow (or another key's ciphertext) is detected, see {@link SignedEncoding}. */
  public BigInteger decryptSigned(PaillierCiphertext ciphertext) throws WrongKeyException {
    return SignedEncoding.decode(decrypt(ciphertext), key.publicKey());
  }

  /** The signed plaintext as a long; one that does not fit is an overflow. */
  public long decryptLong(PaillierCiphertext ciphertext) throws WrongKeyException {
    BigInteger m = decryptSigned(ciphertext);
    if (m.bitLength() > 63) {
      throw new PlaintextOverflowException("decrypted value does not fit a long; use decryptSigned");
    }
    return m.longValue();
  }

  /** The slot-wise sums held by a packed ciphertext. */
  public long[] decryptPacked(PackedCiphertext packed) throws WrongKeyException {
    return packed.layout().unpack(decrypt(packed.ciphertext()), packed.count(), packed.summands());
  }

  /** L_p(x) = (x − 1) / p, exact for x ≡ 1 (mod p). */
  private static BigInteger lFunction(BigInteger x, BigInteger p) {
    return x.subtract(BigInteger.ONE).divide(p);
  }

  @Override
  public String toString() {
    return "PaillierDecrypter[" + key.publicKey() + "]";
  }
}
