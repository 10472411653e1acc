package dev.consilium.mpc.signature;

import java.security.GeneralSecurityException;

/**
 * Verifies signatures with a public key. Implementations are thread-safe, and two verifiers that are
 * {@code equals} give the same verdict on every signature and message (callers may reuse a verdict).
 */
public interface PublicKeyVerify {
  /**
   * Returns normally if {@code signature} is valid for {@code data}; otherwise throws, with a message
   * naming the key (by fingerprint) and what was wrong.
   */
  void verify(byte[] signature, byte[] data) throws GeneralSecurityException;
}
