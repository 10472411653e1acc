package dev.consilium.mpc.additive;

/**
 * A real value does not fit the fixed-point encoding, or a decoded sum lies where no permitted sum can: the
 * ring wrapped around and the result is garbage.
 */
public final class FixedPointOverflowException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  public FixedPointOverflowException(String message) {
    super(message);
  }
}
