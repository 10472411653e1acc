package dev.consilium.runtime.session;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.SessionOutcome;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One phase of a session: its name (the step every acting party does in it), its deadline, and the
 * participants that act in it. A phase ends when every acting party still in the session has done its step,
 * or at its deadline.
 */
public record PhasePlan(String name, long timeoutMs, SortedSet<Did> actors) {
  public PhasePlan {
    String problem = SessionOutcome.nameProblem("phase", name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("phase " + name + ": timeoutMs must be positive, was " + timeoutMs);
    }
    actors = Collections.unmodifiableSortedSet(new TreeSet<>(actors));
  }

  public static PhasePlan of(String name, long timeoutMs, Collection<Did> actors) {
    return new PhasePlan(name, timeoutMs, new TreeSet<>(actors));
  }
}
