package dev.consilium.runtime.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.pattern.StatusReply;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.runtime.admission.Admission;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.serialization.CborSerializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The coordinator's side of one session: it opens the phases in order, asks each acting party for its step
 * (again every {@code retryIntervalMs}, since messages are at most once), accepts each step once, and ends
 * the session with exactly one outcome, which {@link OutcomeRecorder} then puts on the ledger.
 *
 * <p>What each party learns: the coordinator learns every step's output; a participant learns the session's
 * plan (id, protocol, participants, phases it acts in), its own inputs, and how the session ended; every
 * member, through the ledger, learns the outcome: session id, protocol, coordinator, participants, the phase
 * it ended in and the reason, never a step's content.
 *
 * <p>Steps are idempotent by (session, party, phase): a step already accepted is acknowledged again and
 * changes nothing, and the protocol's {@link CoordinatorSteps#check} sees each once. A participant that is lost
 * (its node unreachable, leaving, removed, or the member revoked), declines, or misses a phase's deadline is
 * dropped while at least {@link SessionPlan#minParticipants()} remain; otherwise the session ends as
 * {@code PARTICIPANT_LOST}, {@code REFUSED} or {@code TIMED_OUT}. Messages from non-admitted senders never
 * reach it ({@link Admission}).
 */
public final class Session extends AbstractBehavior<Session.Command> {
  /** What a session answers to. */
  public sealed interface Command {}

  /** A participant's step of {@code phase} is done, with its output for the coordinator. */
  public record StepDone(String sessionId, Did from, String phase, byte[] output,
      ActorRef<StatusReply<StepAck>> replyTo) implements Command, CborSerializable, FromMember {}

  /** A participant refuses its step of {@code phase}, for a public reason. */
  public record Decline(String sessionId, Did from, String phase, String reason)
      implements Command, CborSerializable, FromMember {}

  /** The step of {@code party} in {@code phase} is accepted; sent again for every retry of it. */
  public record StepAck(String sessionId, String phase, Did party) implements CborSerializable {}

  /** From this node's {@link SessionCoordinator}: the directory lost {@code did}. */
  record ParticipantLost(Did did, Directory.Loss loss) implements Command {}

  private record Resolved(Did did, Directory.Found<SessionParticipant.Command> found) implements Command {}

  private enum Retry implements Command { INSTANCE }

  private record PhaseDeadline(int index) implements Command {}

  /** The ledger's receipt for attempt {@code attempt} of recording the outcome. */
  record Recorded(int attempt, Receipt receipt) implements Command {}

  /** Attempt {@code attempt} of recording the outcome failed or took too long. */
  record RecordFailed(int attempt, String reason) implements Command {}

  /** Time to try recording the outcome again. */
  enum RecordAgain implements Command { INSTANCE }

  private static final String DEADLINE = "phase-deadline";
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Directory.Found<SessionParticipant.Command>> FOUND = (Class) Directory.Found.class;

  private final CoordinatorSteps steps;
  private final SessionSettings settings;
  private final LocalMember member;
  private final ActorRef<SessionResult> resultTo;
  private final TimerScheduler<Command> timers;
  private SessionState state;

  private Session(ActorContext<Command> context, TimerScheduler<Command> timers, SessionPlan plan,
      CoordinatorSteps steps, SessionSettings settings, LocalMember member, ActorRef<SessionResult> resultTo) {
    super(context);
    context.setLoggerName(Session.class);
    this.timers = timers;
    this.steps = steps;
    this.settings = settings;
    this.member = member;
    this.resultTo = resultTo;
    this.state = SessionState.start(plan);
  }

  /** A session of {@code plan}; {@link SessionCoordinator} checks the plan before it spawns one. */
  static Behavior<Command> create(SessionPlan plan, CoordinatorSteps steps, SessionSettings settings,
      LocalMember member, ActorRef<SessionResult> resultTo) {
    Behavior<Command> session = Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new Session(context, timers, plan, steps, settings, member, resultTo).start()));
    // A bug met by one message must not end the session without an outcome: the state before it stands.
    return Behaviors.supervise(Admission.admitted(member.membership(), Command.class, session))
        .onFailure(RuntimeException.class, SupervisorStrategy.resume());
  }

  private Behavior<Command> start() {
    state.plan().participants().forEach(this::lookUp);
    timers.startTimerWithFixedDelay(Retry.INSTANCE, Duration.ofMillis(settings.retryIntervalMs()));
    Behavior<Command> opened = open();
    return opened == this ? advanceWhileDone() : opened;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(StepDone.class, this::onStepDone)
        .onMessage(Decline.class, this::onDecline)
        .onMessage(ParticipantLost.class, this::onParticipantLost)
        .onMessage(Resolved.class, this::onResolved)
        .onMessageEquals(Retry.INSTANCE, this::onRetry)
        .onMessage(PhaseDeadline.class, this::onPhaseDeadline)
        .build();
  }

  private Behavior<Command> onStepDone(StepDone step) {
    if (step.replyTo() == null || step.sessionId() == null || step.phase() == null) {
      getContext().getLog().warn("Ignoring a malformed step from {}", step.from());
      return this;
    }
    String problem = stepProblem(step);
    if (problem != null) {
      step.replyTo().tell(StatusReply.error(problem));
      return this;
    }
    StepAck ack = new StepAck(step.sessionId(), step.phase(), step.from());
    if (state.output(step.phase(), step.from()) != null) {
      step.replyTo().tell(StatusReply.success(ack)); // a retry: acknowledged again, nothing changes
      return this;
    }
    byte[] output = step.output() == null ? new byte[0] : step.output().clone();
    Optional<String> refusal = call("check", () -> steps.check(state.view(), step.from(), output));
    if (refusal.isPresent()) {
      step.replyTo().tell(StatusReply.error(refusal.get()));
      return end(Outcome.REFUSED, "step of " + step.from() + " refused: " + refusal.get());
    }
    state = state.withOutput(step.from(), output);
    step.replyTo().tell(StatusReply.success(ack));
    return advanceWhileDone();
  }

  /** Why {@code step} cannot count now, or null; an accepted step's retry has none. */
  private String stepProblem(StepDone step) {
    SessionPlan plan = state.plan();
    int phase = phaseIndex(step.phase());
    if (!plan.sessionId().equals(step.sessionId())) {
      return "this is session " + plan.sessionId() + ", not " + step.sessionId();
    }
    if (!plan.participants().contains(step.from())) {
      return step.from() + " is not a participant of session " + plan.sessionId();
    }
    if (phase < 0) {
      return "session " + plan.sessionId() + " has no phase " + step.phase();
    }
    if (state.output(step.phase(), step.from()) != null) {
      return null;
    }
    if (!state.participants().contains(step.from())) {
      return step.from() + " was dropped from session " + plan.sessionId() + ": " + state.dropped().get(step.from());
    }
    if (!plan.phases().get(phase).actors().contains(step.from())) {
      return step.from() + " does not act in phase " + step.phase();
    }
    if (phase > state.index()) {
      return "phase " + step.phase() + " is not open yet";
    }
    if (phase < state.index()) {
      return "phase " + step.phase() + " closed without a step from " + step.from();
    }
    return null;
  }

  private Behavior<Command> onDecline(Decline decline) {
    if (!state.plan().sessionId().equals(decline.sessionId()) || !state.participants().contains(decline.from())) {
      return this;
    }
    return drop(single(decline.from()), "declined in phase " + decline.phase() + ": " + decline.reason(),
        Outcome.REFUSED);
  }

  private Behavior<Command> onParticipantLost(ParticipantLost lost) {
    if (!state.participants().contains(lost.did())) {
      return this;
    }
    if (!state.needs(lost.did())) {
      // Every step it had to do is in: the session does not need it any more.
      getContext().getLog().info("Session {}: participant {} {} after its last step", state.plan().sessionId(),
          lost.did(), Reasons.describe(lost.loss()));
      return this;
    }
    return drop(single(lost.did()), Reasons.describe(lost.loss()) + " in phase " + state.phase().name(),
        Outcome.PARTICIPANT_LOST);
  }

  private Behavior<Command> onPhaseDeadline(PhaseDeadline deadline) {
    SortedSet<Did> late = state.pending();
    if (deadline.index() != state.index() || late.isEmpty()) {
      return this; // the deadline of a phase already closed
    }
    return drop(late, "no step in phase " + state.phase().name() + " within " + state.phase().timeoutMs() + " ms",
        Outcome.TIMED_OUT);
  }

  /**
   * Goes on without {@code parties} if the plan allows that many fewer; otherwise ends the session with
   * {@code otherwise}, naming them.
   */
  private Behavior<Command> drop(SortedSet<Did> parties, String why, Outcome otherwise) {
    if (state.participants().size() - parties.size() < state.plan().minParticipants()) {
      return end(otherwise, "participant" + (parties.size() > 1 ? "s " : " ") + parties + " " + why);
    }
    getContext().getLog().info("Session {} goes on without {}: {}", state.plan().sessionId(), parties, why);
    state = state.without(parties, why);
    return advanceWhileDone();
  }

  private Behavior<Command> onResolved(Resolved resolved) {
    Optional<ActorRef<SessionParticipant.Command>> actor = resolved.found().anyOf(resolved.did());
    if (actor.isPresent()) {
      state = state.withActor(resolved.did(), actor.get());
      if (state.pending().contains(resolved.did())) {
        ask(resolved.did());
      }
    }
    return this;
  }

  private Behavior<Command> onRetry() {
    for (Did party : state.pending()) {
      if (state.actor(party) == null) {
        lookUp(party);
      } else {
        ask(party);
      }
    }
    return this;
  }

  /** Closes every phase whose steps are all in, opening the next, until one waits or the session ends. */
  private Behavior<Command> advanceWhileDone() {
    while (state.pending().isEmpty()) {
      Optional<String> refusal = call("close", () -> steps.close(state.view()));
      if (refusal.isPresent()) {
        return end(Outcome.REFUSED, "phase " + state.phase().name() + " refused: " + refusal.get());
      }
      if (state.isLastPhase()) {
        String without = state.dropped().isEmpty() ? "" : "completed without " + state.dropped();
        return end(Outcome.COMPLETED, without);
      }
      state = state.advance();
      Behavior<Command> next = open();
      if (next != this) {
        return next;
      }
    }
    return this;
  }

  /**
   * Opens the current phase: asks the protocol for inputs, starts the deadline, asks every acting party.
   * A phase with nobody left to act is closed by the caller's {@link #advanceWhileDone()}.
   */
  private Behavior<Command> open() {
    Map<Did, byte[]> inputs = new HashMap<>();
    try {
      Map<Did, byte[]> given = steps.open(state.view());
      if (given != null) {
        given.forEach((party, input) -> inputs.put(party, input == null ? new byte[0] : input));
      }
    } catch (RuntimeException e) {
      return failed("open", e);
    }
    state = state.withInputs(inputs);
    timers.startSingleTimer(DEADLINE, new PhaseDeadline(state.index()), Duration.ofMillis(state.phase().timeoutMs()));
    state.pending().forEach(this::ask);
    return this;
  }

  private void ask(Did party) {
    ActorRef<SessionParticipant.Command> actor = state.actor(party);
    if (actor == null) {
      return; // asked as soon as the directory finds it
    }
    SessionPlan plan = state.plan();
    actor.tell(new SessionParticipant.PerformStep(plan.sessionId(), plan.protocol(), member.did(), plan.participants(),
        state.phase().name(), state.phase().timeoutMs(), state.remainingMs(), state.input(party),
        getContext().getSelf()));
  }

  private void lookUp(Did party) {
    ProtocolKey<SessionParticipant.Command> key = SessionParticipant.key(state.plan().protocol());
    // No answer in time counts as none found: the next retry looks again.
    getContext().ask(FOUND, member.directory(), Duration.ofMillis(settings.retryIntervalMs()),
        replyTo -> new Directory.Lookup<>(key, party, replyTo),
        (found, failure) -> new Resolved(party, found != null ? found : new Directory.Found<>(key, Map.of())));
  }

  /** Ends the session: tells every participant found, then records the outcome. */
  private Behavior<Command> end(Outcome outcome, String reason) {
    timers.cancelAll();
    SessionPlan plan = state.plan();
    SessionOutcome ended = new SessionOutcome(plan.sessionId(), plan.protocol(), plan.coordinator(),
        plan.participants(), outcome, state.phase().name(), Reasons.fit(reason));
    getContext().getLog().info("Session {} ended {} in phase {}: {}", plan.sessionId(), outcome,
        state.phase().name(), ended.reason());
    for (Did party : plan.participants()) {
      ActorRef<SessionParticipant.Command> actor = state.actor(party);
      if (actor != null) {
        actor.tell(new SessionParticipant.SessionEnded(plan.sessionId(), member.did(), outcome, ended.reason()));
      }
    }
    return new OutcomeRecorder(getContext(), timers, settings, member.ledger(), ended, resultTo);
  }

  private Optional<String> call(String hook, Supplier<Optional<String>> call) {
    try {
      Optional<String> refusal = call.get();
      return refusal == null ? Optional.empty() : refusal;
    } catch (RuntimeException e) {
      getContext().getLog().error("Protocol {} failed in {} of session {}", state.plan().protocol(), hook,
          state.plan().sessionId(), e);
      return Optional.of("the coordinator failed in phase " + state.phase().name());
    }
  }

  private Behavior<Command> failed(String hook, RuntimeException e) {
    getContext().getLog().error("Protocol {} failed in {} of session {}", state.plan().protocol(), hook,
        state.plan().sessionId(), e);
    return end(Outcome.REFUSED, "the coordinator failed in phase " + state.phase().name());
  }

  private int phaseIndex(String phase) {
    for (int i = 0; i < state.plan().phases().size(); i++) {
      if (state.plan().phases().get(i).name().equals(phase)) {
        return i;
      }
    }
    return -1;
  }

  private static SortedSet<Did> single(Did did) {
    return new TreeSet<>(List.of(did));
  }
}
