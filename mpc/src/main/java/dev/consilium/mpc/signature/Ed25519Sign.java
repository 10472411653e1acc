package dev.consilium.mpc.signature;

import dev.consilium.mpc.secret.SecretAccess;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signing (RFC 8032 §5.1.6, pure: no context, no prehash). Deterministic: the same key and data give
 * the same signature. Thread-safe: the state is read-only and BouncyCastle's sign keeps none.
 */
public final class Ed25519Sign implements PublicKeySign {
  public static final int SIGNATURE_LENGTH_BYTES = Ed25519.SIGNATURE_SIZE;

  private final byte[] seed;
  private final byte[] publicKey;

  private Ed25519Sign(byte[] seed, byte[] publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
  }

  public static Ed25519Sign create(Ed25519PrivateKey key) {
    return new Ed25519Sign(key.seed().toByteArray(SecretAccess.get()), key.publicKey().toByteArray());
  }

  @Override
  public byte[] sign(byte[] data) {
    byte[] signature = new byte[SIGNATURE_LENGTH_BYTES];
    // Passing the public key saves a base-point multiplication per signature (BouncyCastle would derive it).
    Ed25519.sign(seed, 0, publicKey, 0, data, 0, data.length, signature, 0);
    return signature;
  }

  @Override
  public String toString() {
    return "Ed25519Sign[seed redacted]";
  }
}
