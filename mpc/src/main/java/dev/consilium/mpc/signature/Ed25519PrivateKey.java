package dev.consilium.mpc.signature;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032 §5.1.5, held as {@link SecretBytes}, and the public
 * key derived from it once.
 *
 * <p>The seed leaves only through {@link #seed()} and then {@code SecretBytes.toByteArray(SecretAccess)};
 * {@code toString} shows the public key's fingerprint, never the seed.
 */
public final class Ed25519PrivateKey {
  public static final int SEED_LENGTH_BYTES = Ed25519.SECRET_KEY_SIZE;

  private final SecretBytes seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(SecretBytes seed, Ed25519PublicKey publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
  }

  /** A new key from 32 bytes of {@code random}. */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    return fromSeed(SecretBytes.random(SEED_LENGTH_BYTES, random));
  }

  /** The key whose RFC 8032 seed ("secret key" in §7.1's test vectors) is {@code seed}. */
  public static Ed25519PrivateKey fromSeed(SecretBytes seed) {
    if (seed.size() != SEED_LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "an Ed25519 seed is " + SEED_LENGTH_BYTES + " bytes, was " + seed.size());
    }
    byte[] raw = seed.toByteArray(SecretAccess.get());
    try {
      Ed25519.PublicPoint point = Ed25519.generatePublicKey(raw, 0);
      byte[] encoded = new byte[Ed25519PublicKey.LENGTH_BYTES];
      Ed25519.encodePublicPoint(point, encoded, 0);
      return new Ed25519PrivateKey(seed, Ed25519PublicKey.fromDerived(encoded, point));
    } finally {
      SecretBytes.wipe(raw);
    }
  }

  /** The seed, still wrapped: reading its bytes takes {@code SecretAccess.get()}. */
  public SecretBytes seed() {
    return seed;
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** Constant-time on the seed. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PrivateKey other && seed.equalsSecretBytes(other.seed);
  }

  /** From the public key only: a function of the seed must not reach hash tables or logs. */
  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[public " + publicKey.fingerprint() + ", seed redacted]";
  }
}
