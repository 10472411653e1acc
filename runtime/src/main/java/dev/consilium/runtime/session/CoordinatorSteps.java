package dev.consilium.runtime.session;

import dev.consilium.ledger.identity.Did;
import java.util.Map;
import java.util.Optional;

/**
 * What a protocol does on the coordinator's side of one session: what each party gets when a phase opens,
 * whether a party's output is acceptable, and whether a finished phase lets the session go on. The framework
 * does the rest: deadlines, retries, duplicates, lost participants and the recorded outcome.
 *
 * <p>One instance per session, called only from that session's actor and one call at a time, so it may keep
 * state of its own session. Calls must be quick and must not block: heavy work (decrypting a total,
 * running a model) belongs in a phase the coordinator's own member acts in, where it runs through
 * {@link ParticipantSteps} off the actor. A call that throws ends the session as refused.
 */
public interface CoordinatorSteps {
  /**
   * The input each acting party receives when {@code phase} opens (called once per phase); a party left out
   * gets an empty input. Inputs travel to that party only.
   */
  default Map<Did, byte[]> open(PhaseView phase) {
    return Map.of();
  }

  /**
   * Checks {@code party}'s output for the current phase, once per party and phase: a retried step never
   * reaches it. A reason refuses the step and ends the session as refused with that reason, which is public.
   */
  default Optional<String> check(PhaseView phase, Did party, byte[] output) {
    return Optional.empty();
  }

  /**
   * Called when every acting party still in the session has done the phase, before the next one opens or
   * the session completes; a reason ends the session as refused instead. Dropped participants, if the plan
   * allows any, show as absent from {@link PhaseView#participants()}.
   */
  default Optional<String> close(PhaseView phase) {
    return Optional.empty();
  }
}
