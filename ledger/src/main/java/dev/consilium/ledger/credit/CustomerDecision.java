package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * The asker's decision on one customer of an inquiry: approve or refuse, with a reason code (1 to 32
 * characters of [a-z0-9-], such as {@code debt-over-income}); a code, never free text that could carry an
 * amount.
 */
public record CustomerDecision(boolean approved, String reasonCode) implements CanonicalEncodable {
  public static final int MAX_REASON_CHARS = 32;

  public CustomerDecision {
    String problem = reasonProblem(reasonCode);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static CustomerDecision read(CanonicalReader reader) throws CanonicalFormatException {
    boolean approved = reader.readBoolean();
    String reasonCode = reader.readString(MAX_REASON_CHARS);
    String problem = reasonProblem(reasonCode);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new CustomerDecision(approved, reasonCode);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeBoolean(approved).writeString(reasonCode);
  }

  static String reasonProblem(String code) {
    if (code.isEmpty() || code.length() > MAX_REASON_CHARS) {
      return "reason code '" + code + "' must have 1 to " + MAX_REASON_CHARS + " characters";
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "reason code '" + code + "' may hold only a-z, 0-9 and '-'";
      }
    }
    return null;
  }
}
