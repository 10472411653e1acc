package dev.consilium.runtime.session;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.SessionOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a coordinator starts: the session's id (unique for ever: the ledger accepts one outcome per id), its
 * protocol, its coordinator, its participants, its ordered phases, and the fewest participants it may go on
 * with. With {@code minParticipants} equal to the number of participants, a lost or late participant ends
 * the session; below it, the protocol accepts to continue without them (a credit inquiry with a minimum of
 * contributors, say), and they are dropped from the later phases instead.
 */
public record SessionPlan(String sessionId, String protocol, Did coordinator, List<Did> participants,
    List<PhasePlan> phases, int minParticipants) {
  public SessionPlan {
    participants = List.copyOf(new TreeSet<>(participants));
    phases = List.copyOf(phases);
    String problem = problem(sessionId, protocol, participants, phases, minParticipants);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** A plan whose participants are given in any order; they are kept sorted by DID. */
  public static SessionPlan of(String sessionId, String protocol, Did coordinator, Collection<Did> participants,
      int minParticipants, PhasePlan... phases) {
    return new SessionPlan(sessionId, protocol, coordinator, new ArrayList<>(participants), List.of(phases),
        minParticipants);
  }

  /** Steps the session asks for: one per acting party of each phase. */
  public int stepCount() {
    return phases.stream().mapToInt(phase -> phase.actors().size()).sum();
  }

  /** Why this plan exceeds {@code settings}, or null if it fits. */
  String problemUnder(SessionSettings settings) {
    if (phases.size() > settings.maxPhases()) {
      return "session " + sessionId + " has " + phases.size() + " phases; consilium.sessions.max-phases is "
          + settings.maxPhases();
    }
    if (stepCount() > settings.maxStepsPerSession()) {
      return "session " + sessionId + " asks for " + stepCount() + " steps; consilium.sessions.max-steps-per-session is "
          + settings.maxStepsPerSession();
    }
    for (PhasePlan phase : phases) {
      if (phase.timeoutMs() > settings.maxPhaseTimeoutMs()) {
        return "phase " + phase.name() + " of session " + sessionId + " has a deadline of " + phase.timeoutMs()
            + " ms; consilium.sessions.max-phase-timeout-ms is " + settings.maxPhaseTimeoutMs();
      }
    }
    return null;
  }

  private static String problem(String sessionId, String protocol, List<Did> participants, List<PhasePlan> phases,
      int minParticipants) {
    String problem = SessionOutcome.sessionIdProblem(sessionId);
    if (problem == null) {
      problem = SessionOutcome.nameProblem("protocol", protocol);
    }
    if (problem != null) {
      return problem;
    }
    if (participants.isEmpty() || participants.size() > SessionOutcome.MAX_PARTICIPANTS) {
      return "session " + sessionId + " needs 1 to " + SessionOutcome.MAX_PARTICIPANTS + " participants, has "
          + participants.size();
    }
    if (minParticipants < 1 || minParticipants > participants.size()) {
      return "session " + sessionId + ": minParticipants must be between 1 and " + participants.size() + ", was "
          + minParticipants;
    }
    if (phases.isEmpty()) {
      return "session " + sessionId + " has no phase";
    }
    Set<String> names = new HashSet<>();
    for (PhasePlan phase : phases) {
      if (!names.add(phase.name())) {
        return "session " + sessionId + " has two phases named " + phase.name();
      }
      if (!participants.containsAll(phase.actors())) {
        Set<Did> strangers = new TreeSet<>(phase.actors());
        strangers.removeAll(participants);
        return "phase " + phase.name() + " of session " + sessionId + " names actors that are not participants: "
            + strangers;
      }
    }
    return null;
  }
}
