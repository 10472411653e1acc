package dev.consilium.roles.psi;

import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.session.Reasons;

/** The wording of public reasons: what a session's parties are told about why it ended or was declined. */
final class PsiReasons {
  private PsiReasons() {}

  /**
   * {@code reason} as it may travel: control characters and lone surrogates become spaces, and a text over
   * the ledger's {@link SessionOutcome#MAX_REASON_BYTES} is cut short with an ellipsis, since a reason
   * from a peer may be any length.
   */
  static String fit(String reason) {
    return Reasons.fit(reason == null ? "no reason given" : reason);
  }

  static String describe(Directory.Loss loss) {
    return Reasons.describe(loss);
  }
}
