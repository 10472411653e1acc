package dev.consilium.runtime.session;

import dev.consilium.ledger.session.Outcome;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a protocol does on a participating member: its step of each phase it acts in. One instance per
 * protocol and member, called from the member's {@link SessionParticipant} actor: {@code perform} must start
 * its work and return at once (run heavy work on another executor).
 */
public interface ParticipantSteps {
  /**
   * Does this member's step, once per session and phase however often the coordinator asks. The output goes
   * to the coordinator only. To refuse, fail the stage with a {@link StepRefusedException}, whose message is
   * public; any other failure declines with a generic reason and its details stay in this member's log.
   */
  CompletionStage<byte[]> perform(StepRequest request);

  /**
   * The session ended, with the outcome when this member heard it (empty when the session was forgotten
   * without word from the coordinator): drop whatever was kept for it.
   */
  default void ended(String sessionId, Optional<Outcome> outcome) {}
}
