package dev.consilium.runtime.session;

import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.runtime.discovery.Directory;
import java.nio.charset.StandardCharsets;

/**
 * The wording of outcome reasons, which end up on every member's ledger. Public for the protocols in
 * {@code roles} whose outcomes take reasons of the same bound (feature-learning tasks).
 */
public final class Reasons {
  private static final String ELLIPSIS = "…";

  private Reasons() {}

  /**
   * {@code reason} as the ledger takes it: control characters and lone surrogates become spaces, and a text
   * over {@link SessionOutcome#MAX_REASON_BYTES} is cut at a character boundary and ends with an ellipsis.
   */
  public static String fit(String reason) {
    String clean = reason.codePoints()
        .map(c -> Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? ' ' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (utf8Length(clean) <= SessionOutcome.MAX_REASON_BYTES) {
      return clean;
    }
    int budget = SessionOutcome.MAX_REASON_BYTES - utf8Length(ELLIPSIS);
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < clean.length(); i += Character.charCount(clean.codePointAt(i))) {
      String character = new String(Character.toChars(clean.codePointAt(i)));
      used += utf8Length(character);
      if (used > budget) {
        break;
      }
      cut.append(character);
    }
    return cut.append(ELLIPSIS).toString();
  }

  public static String describe(Directory.Loss loss) {
    return switch (loss) {
      case UNREACHABLE -> "became unreachable";
      case LEFT -> "left the cluster";
      case REMOVED -> "was removed from the cluster";
      case REVOKED -> "was revoked";
    };
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
