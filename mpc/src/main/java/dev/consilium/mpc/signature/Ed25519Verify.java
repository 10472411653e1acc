package dev.consilium.mpc.signature;

import java.security.GeneralSecurityException;
import java.security.SignatureException;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032 §5.1.7, pure variant) against a validated public key.
 *
 * <p>BouncyCastle refuses a non-canonical R and an S not below the group order, so a valid signature cannot
 * be altered into a second valid one (RFC 8032 §5.1.7 step 1). The key was checked when built to lie in the
 * prime-order subgroup. Thread-safe: the key's precomputed point is only read.
 */
public final class Ed25519Verify implements PublicKeyVerify {
  private final Ed25519PublicKey key;

  private Ed25519Verify(Ed25519PublicKey key) {
    this.key = key;
  }

  public static Ed25519Verify create(Ed25519PublicKey key) {
    return new Ed25519Verify(key);
  }

  @Override
  public void verify(byte[] signature, byte[] data) throws GeneralSecurityException {
    if (signature.length != Ed25519Sign.SIGNATURE_LENGTH_BYTES) {
      throw new SignatureException("an Ed25519 signature is " + Ed25519Sign.SIGNATURE_LENGTH_BYTES
          + " bytes, was " + signature.length + " (key " + key.fingerprint() + ")");
    }
    // The precomputed point skips decompressing the key (a field square root) on every call.
    if (!Ed25519.verify(signature, 0, key.point(), data, 0, data.length)) {
      throw new SignatureException("Ed25519 signature does not verify under key " + key.fingerprint());
    }
  }

  /** Verifiers of the same key are equal: verification depends on the key's bytes alone. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Verify other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519Verify[" + key.fingerprint() + "]";
  }
}
