package dev.consilium.mpc.agreement;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 private key: the 32-byte scalar of RFC 7748 §5 (clamped when used), held as {@link SecretBytes},
 * and the public key derived from it once.
 *
 * <p>The scalar leaves only through {@link #scalar()} and then {@code SecretBytes.toByteArray(SecretAccess)};
 * {@code toString} shows the public key, never the scalar.
 */
public final class X25519PrivateKey {
  public static final int LENGTH_BYTES = X25519.SCALAR_SIZE;

  private final SecretBytes scalar;
  private final X25519PublicKey publicKey;

  private X25519PrivateKey(SecretBytes scalar, X25519PublicKey publicKey) {
    this.scalar = scalar;
    this.publicKey = publicKey;
  }

  /** A new key from {@code random}. */
  public static X25519PrivateKey generate(SecureRandom random) {
    byte[] k = new byte[LENGTH_BYTES];
    X25519.generatePrivateKey(random, k);
    try {
      return fromScalar(k);
    } finally {
      SecretBytes.wipe(k);
    }
  }

  /** A key from its 32-byte scalar, as stored by {@code scalar().toByteArray(SecretAccess.get())}. */
  public static X25519PrivateKey fromBytes(byte[] scalar, SecretAccess access) throws InvalidKeyException {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
    if (scalar.length != LENGTH_BYTES) {
      throw new InvalidKeyException("X25519 private key must be " + LENGTH_BYTES + " bytes, got " + scalar.length);
    }
    return fromScalar(scalar);
  }

  /** The scalar; read it with {@code toByteArray(SecretAccess.get())}. */
  public SecretBytes scalar() {
    return scalar;
  }

  public X25519PublicKey publicKey() {
    return publicKey;
  }

  /**
   * The 32-byte shared secret X25519(k, u) of RFC 7748 §6.1, refusing an all-zero result: the peer's key is
   * a low-order point and the "secret" would be known to anyone.
   */
  public SecretBytes agree(X25519PublicKey peer) throws InvalidKeyException {
    byte[] k = scalar.toByteArray(SecretAccess.get());
    byte[] shared = new byte[X25519.POINT_SIZE];
    try {
      if (!X25519.calculateAgreement(k, 0, peer.bytesForAgreement(), 0, shared, 0)) {
        throw new InvalidKeyException("X25519 agreement with " + peer + " gives all zeros: low-order public key");
      }
      return SecretBytes.copyFrom(shared, SecretAccess.get());
    } finally {
      SecretBytes.wipe(k);
      SecretBytes.wipe(shared);
    }
  }

  @Override
  public String toString() {
    return "X25519PrivateKey[public=" + publicKey + "]";
  }

  private static X25519PrivateKey fromScalar(byte[] k) {
    byte[] u = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(k, 0, u, 0);
    return new X25519PrivateKey(SecretBytes.copyFrom(k, SecretAccess.get()), X25519PublicKey.wrap(u));
  }
}
