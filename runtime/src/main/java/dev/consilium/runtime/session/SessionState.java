package dev.consilium.runtime.session;

import akka.actor.typed.ActorRef;
import dev.consilium.ledger.identity.Did;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A running session as its coordinator knows it: the current phase, who is still in, who was dropped and
 * why, the inputs of the current phase, every accepted output, and the participants' actors found so far.
 * Immutable: every change returns a new state.
 */
final class SessionState {
  private final SessionPlan plan;
  private final int index;
  private final SortedSet<Did> participants;
  private final SortedMap<Did, String> dropped;
  private final Map<Did, byte[]> inputs;
  private final Map<String, Map<Did, byte[]>> outputs;
  private final Map<Did, ActorRef<SessionParticipant.Command>> actors;

  private SessionState(SessionPlan plan, int index, SortedSet<Did> participants, SortedMap<Did, String> dropped,
      Map<Did, byte[]> inputs, Map<String, Map<Did, byte[]>> outputs,
      Map<Did, ActorRef<SessionParticipant.Command>> actors) {
    this.plan = plan;
    this.index = index;
    this.participants = Collections.unmodifiableSortedSet(participants);
    this.dropped = Collections.unmodifiableSortedMap(dropped);
    this.inputs = Collections.unmodifiableMap(inputs);
    this.outputs = Collections.unmodifiableMap(outputs);
    this.actors = Collections.unmodifiableMap(actors);
  }

  /** Before the first phase opens: everyone in, nothing found or done. */
  static SessionState start(SessionPlan plan) {
    return new SessionState(plan, 0, new TreeSet<>(plan.participants()), new TreeMap<>(), Map.of(), Map.of(), Map.of());
  }

  SessionPlan plan() {
    return plan;
  }

  int index() {
    return index;
  }

  PhasePlan phase() {
    return plan.phases().get(index);
  }

  boolean isLastPhase() {
    return index == plan.phases().size() - 1;
  }

  SortedSet<Did> participants() {
    return participants;
  }

  SortedMap<Did, String> dropped() {
    return dropped;
  }

  /** Acting parties of the current phase still in the session whose step is not in yet. */
  SortedSet<Did> pending() {
    SortedSet<Did> pending = new TreeSet<>(phase().actors());
    pending.retainAll(participants);
    pending.removeAll(outputs.getOrDefault(phase().name(), Map.of()).keySet());
    return pending;
  }

  /** True while {@code party} still has a step to do: in this phase or a later one. */
  boolean needs(Did party) {
    if (pending().contains(party)) {
      return true;
    }
    return plan.phases().subList(index + 1, plan.phases().size()).stream()
        .anyMatch(phase -> phase.actors().contains(party));
  }

  byte[] input(Did party) {
    return inputs.getOrDefault(party, new byte[0]);
  }

  /** {@code party}'s accepted output of {@code phase}, or null. */
  byte[] output(String phase, Did party) {
    return outputs.getOrDefault(phase, Map.of()).get(party);
  }

  ActorRef<SessionParticipant.Command> actor(Did party) {
    return actors.get(party);
  }

  /** The time left if every phase from the current one runs to its deadline. */
  long remainingMs() {
    return plan.phases().subList(index, plan.phases().size()).stream().mapToLong(PhasePlan::timeoutMs).sum();
  }

  PhaseView view() {
    return new PhaseView(plan, index, participants, outputs);
  }

  SessionState withActor(Did party, ActorRef<SessionParticipant.Command> actor) {
    Map<Did, ActorRef<SessionParticipant.Command>> next = new HashMap<>(actors);
    next.put(party, actor);
    return new SessionState(plan, index, participants, dropped, inputs, outputs, next);
  }

  SessionState withOutput(Did party, byte[] output) {
    Map<String, Map<Did, byte[]>> next = new HashMap<>(outputs);
    Map<Did, byte[]> ofPhase = new HashMap<>(next.getOrDefault(phase().name(), Map.of()));
    ofPhase.put(party, output);
    next.put(phase().name(), Collections.unmodifiableMap(ofPhase));
    return new SessionState(plan, index, participants, dropped, inputs, next, actors);
  }

  /** Without {@code parties}, each remembered with why it was dropped. */
  SessionState without(SortedSet<Did> parties, String why) {
    SortedSet<Did> rest = new TreeSet<>(participants);
    rest.removeAll(parties);
    SortedMap<Did, String> nextDropped = new TreeMap<>(dropped);
    parties.forEach(party -> nextDropped.put(party, why));
    return new SessionState(plan, index, rest, nextDropped, inputs, outputs, actors);
  }

  /** The next phase, before its inputs are known. */
  SessionState advance() {
    return new SessionState(plan, index + 1, participants, dropped, Map.of(), outputs, actors);
  }

  /** The current phase's inputs, by party. */
  SessionState withInputs(Map<Did, byte[]> phaseInputs) {
    return new SessionState(plan, index, participants, dropped, Map.copyOf(phaseInputs), outputs, actors);
  }
}
