package dev.consilium.ledger.verify;

/** The first height at which a ledger copy fails, and what failed there. */
public final class VerificationFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final long height;

  public VerificationFailure(long height, String what) {
    super("height " + height + ": " + what);
    this.height = height;
  }

  public long height() {
    return height;
  }
}
