package dev.consilium.mpc.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Encrypts under a public key: E(m) = (1 + m·n) · r mod n², with r from an {@link ObfuscatorSource}
 * (Damgård–Jurik–Nielsen by default, optionally through an {@link ObfuscatorPool}). Thread-safe.
 */
public final class PaillierEncrypter {
  private final PaillierPublicKey publicKey;
  private final ObfuscatorSource obfuscators;

  private PaillierEncrypter(ObfuscatorSource obfuscators) {
    this.publicKey = obfuscators.publicKey();
    this.obfuscators = obfuscators;
  }

  /** An encrypter with its own DJN table; building it costs a few hundred milliseconds. */
  public static PaillierEncrypter create(PaillierPublicKey publicKey) {
    return new PaillierEncrypter(DjnObfuscators.create(publicKey, new SecureRandom()));
  }

  public static PaillierEncrypter create(ObfuscatorSource obfuscators) {
    return new PaillierEncrypter(obfuscators);
  }

  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /** Encrypts a plaintext in [0, n). */
  public PaillierCiphertext encrypt(BigInteger plaintext) {
    if (plaintext.signum() < 0 || plaintext.compareTo(publicKey.modulus()) >= 0) {
      throw new IllegalArgumentException("plaintext is outside [0, n) for key " + publicKey.fingerprintHex()
          + (plaintext.signum() < 0 ? ": it is negative (use encryptSigned)" : ""));
    }
    BigInteger n = publicKey.modulus();
    BigInteger nSquared = publicKey.modulusSquared();
    BigInteger gm = plaintext.multiply(n).add(BigInteger.ONE);
    return new PaillierCiphertext(publicKey, gm.multiply(obfuscators.next()).mod(nSquared));
  }

  /** Encrypts a signed integer in (−n/3, n/3); see {@link SignedEncoding}. */
  public PaillierCiphertext encryptSigned(BigInteger m) {
    return encrypt(SignedEncoding.encode(m, publicKey));
  }

  public PaillierCiphertext encryptSigned(long m) {
    return encryptSigned(BigInteger.valueOf(m));
  }

  /** Packs {@code values} with {@code layout} and encrypts them as one plaintext. */
  public PackedCiphertext encryptPacked(long[] values, PackingLayout layout) {
    layout.requireFits(publicKey.parameters());
    if (values.length == 0) {
      throw new IllegalArgumentException("nothing to pack: no values");
    }
    return new PackedCiphertext(encrypt(layout.pack(values)), layout, values.length, 1);
  }

  /** The same plaintext under fresh randomness, unlinkable to the input. */
  public PaillierCiphertext rerandomize(PaillierCiphertext ciphertext) throws WrongKeyException {
    if (!publicKey.equals(ciphertext.publicKey())) {
      throw WrongKeyException.mismatch("rerandomize", publicKey, ciphertext.publicKey().fingerprintHex());
    }
    BigInteger nSquared = publicKey.modulusSquared();
    return new PaillierCiphertext(publicKey, ciphertext.value().multiply(obfuscators.next()).mod(nSquared));
  }

  @Override
  public String toString() {
    return "PaillierEncrypter[" + publicKey + "]";
  }
}
