package dev.consilium.ledger.credit;

import dev.consilium.ledger.contract.RecordIds;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/** The form of an inquiry id: {@link RecordIds}' rules. */
final class InquiryIds {
  static final int MAX_CHARS = RecordIds.MAX_CHARS;
  private static final String KIND = "inquiry";

  private InquiryIds() {}

  /** Why {@code id} is not an inquiry id, or null when it is one. */
  static String problem(String id) {
    return RecordIds.problem(KIND, id);
  }

  static String read(CanonicalReader reader) throws CanonicalFormatException {
    return RecordIds.read(KIND, reader);
  }

  static String require(String id) {
    return RecordIds.require(KIND, id);
  }
}
