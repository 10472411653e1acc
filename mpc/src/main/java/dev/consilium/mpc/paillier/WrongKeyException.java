package dev.consilium.mpc.paillier;

import java.security.GeneralSecurityException;

/** A ciphertext was made under one key and handed to an operation holding another. */
public final class WrongKeyException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public WrongKeyException(String message) {
    super(message);
  }

  static WrongKeyException mismatch(String operation, PaillierPublicKey expected, String actualFingerprint) {
    return new WrongKeyException(operation + ": ciphertext was made under key " + actualFingerprint
        + ", but this operation holds key " + expected.fingerprintHex());
  }
}
