package dev.consilium.runtime.session;

import dev.consilium.ledger.identity.Did;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a coordinator's {@link CoordinatorSteps} see of a session at one phase: the plan, which phase, who is
 * still in the session, and every output accepted so far, by phase and party. The byte arrays are the
 * session's own: read them, do not change them.
 */
public record PhaseView(SessionPlan plan, int index, SortedSet<Did> participants,
    Map<String, Map<Did, byte[]>> outputs) {
  public PhasePlan phase() {
    return plan.phases().get(index);
  }

  /** The parties acting in this phase that are still in the session. */
  public SortedSet<Did> actors() {
    SortedSet<Did> actors = new TreeSet<>(phase().actors());
    actors.retainAll(participants);
    return actors;
  }

  /** The outputs accepted in {@code phase}, by party; empty for a phase not reached. */
  public Map<Did, byte[]> outputsOf(String phase) {
    return outputs.getOrDefault(phase, Map.of());
  }
}
