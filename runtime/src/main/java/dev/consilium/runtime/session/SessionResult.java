package dev.consilium.runtime.session;

import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.session.SessionOutcome;
import java.util.Optional;

/**
 * How a session ended, told to whoever started it: the outcome, and the ledger's receipt for it, or why it
 * could not be recorded (after every attempt; another party may have recorded the session first).
 */
public record SessionResult(SessionOutcome outcome, Optional<Receipt> receipt, Optional<String> recordFailure) {
  public boolean recorded() {
    return receipt.isPresent();
  }
}
