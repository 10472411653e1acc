package dev.consilium.mpc.paillier;

import java.security.GeneralSecurityException;

/** A ciphertext from outside that is malformed: wrong length or version, or not an element of Z*_{n²}. */
public final class InvalidCiphertextException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public InvalidCiphertextException(String message) {
    super(message);
  }
}
