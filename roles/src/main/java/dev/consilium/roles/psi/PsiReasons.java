package dev.consilium.roles.psi;

import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.runtime.discovery.Directory;
import java.nio.charset.StandardCharsets;

/** The wording of public reasons: what a session's parties are told about why it ended or was declined. */
final class PsiReasons {
  private PsiReasons() {}

  /**
   * {@code reason} as it may travel: control characters and lone surrogates become spaces, and a text over
   * the ledger's {@link SessionOutcome#MAX_REASON_BYTES} is cut short with an ellipsis, since a reason
   * from a peer may be any length.
   */
  static String fit(String reason) {
    String text = reason == null ? "no reason given" : reason;
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      boolean bad = Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
      String character = bad ? " " : new String(Character.toChars(c));
      bytes += character.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > SessionOutcome.MAX_REASON_BYTES - 3) {
        return out.append('…').toString();
      }
      out.append(character);
    }
    return out.toString();
  }

  static String describe(Directory.Loss loss) {
    return switch (loss) {
      case UNREACHABLE -> "became unreachable";
      case LEFT -> "left the cluster";
      case REMOVED -> "was removed from the cluster";
      case REVOKED -> "was revoked";
    };
  }
}
