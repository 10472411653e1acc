package dev.consilium.ledger.validation;

import java.util.OptionalInt;

/**
 * A block or entry the ledger refused: the reason, the block height it concerns, the index of the offending
 * entry where there is one, and a detail naming the values that failed.
 */
public final class RefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;
  private final long height;
  private final int entryIndex;
  private final String detail;

  private RefusedException(RefusalReason reason, long height, int entryIndex, String detail) {
    super(message(reason, height, entryIndex, detail));
    this.reason = reason;
    this.height = height;
    this.entryIndex = entryIndex;
    this.detail = detail;
  }

  public static RefusedException block(RefusalReason reason, long height, String detail) {
    return new RefusedException(reason, height, -1, detail);
  }

  public static RefusedException entry(RefusalReason reason, long height, int entryIndex, String detail) {
    return new RefusedException(reason, height, entryIndex, detail);
  }

  public RefusalReason reason() {
    return reason;
  }

  public long height() {
    return height;
  }

  public OptionalInt entryIndex() {
    return entryIndex < 0 ? OptionalInt.empty() : OptionalInt.of(entryIndex);
  }

  public String detail() {
    return detail;
  }

  private static String message(RefusalReason reason, long height, int entryIndex, String detail) {
    return reason + " at height " + height + (entryIndex < 0 ? "" : ", entry " + entryIndex) + ": " + detail;
  }
}
