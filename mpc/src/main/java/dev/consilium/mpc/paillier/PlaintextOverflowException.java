package dev.consilium.mpc.paillier;

/**
 * A plaintext left the range its encoding can represent: a signed value decrypted into the band between
 * n/3 and 2n/3 (the sum overflowed, or the ciphertext was decrypted under the wrong key), or a packed slot
 * would exceed its headroom.
 */
public final class PlaintextOverflowException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  public PlaintextOverflowException(String message) {
    super(message);
  }
}
