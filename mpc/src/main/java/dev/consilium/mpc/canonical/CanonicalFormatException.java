package dev.consilium.mpc.canonical;

/**
 * Input that is not the canonical encoding of a value of the expected schema. The message names the byte
 * offset, the field and what was wrong. Checked, because the input usually comes from another member and a
 * caller must decide what refusing it means (for a replica: refusing the block and reporting why).
 */
public final class CanonicalFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  CanonicalFormatException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** Offset in the input of the byte where the problem was found. */
  public int offset() {
    return offset;
  }
}
