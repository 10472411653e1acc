package dev.consilium.ledger.proof;

/**
 * A list of headers that is not one unbroken hash chain, or does not extend the expected head. The message
 * starts with the first bad height and says what failed. Checked, because the headers come from another
 * member and the caller must decide what refusing them means.
 */
public final class BrokenChainException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long height;

  BrokenChainException(long height, String problem) {
    super("height " + height + ": " + problem);
    this.height = height;
  }

  /** The first height at which the chain fails. */
  public long height() {
    return height;
  }
}
