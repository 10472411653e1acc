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
import dev.consilium.ledger.session.SessionsContract;
import dev.consilium.runtime.admission.Admission;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.serialization.CborSerializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A member's side of one protocol's sessions: it does this member's step of each phase when the session's
 * coordinator asks, once per (session, phase) however often it is asked, and answers every repeated request
 * with the same output. Registered with the {@link Directory} under {@link #key(String)}.
 *
 * <p>What it learns: the plan of each session it is asked into, its own inputs and the outcome. What it
 * reveals: its outputs, to the coordinator only, and the reason when it declines.
 *
 * <p>It holds at most {@code maxSessions} sessions and {@code maxPhases} steps per session, and forgets a
 * session when the coordinator says it ended or, failing word, once all its deadlines have passed. When the
 * directory reports the coordinator lost, it records the session as {@code PARTICIPANT_LOST} itself, so the
 * session still ends on the ledger; if the coordinator, or another participant, recorded first, the ledger
 * refuses the second record and that is fine.
 */
public final class SessionParticipant extends AbstractBehavior<SessionParticipant.Command> {
  /** What the participant answers to. */
  public sealed interface Command {}

  /** The coordinator asks for this member's step of {@code phase}; the answer goes to {@code session}. */
  public record PerformStep(String sessionId, String protocol, Did from, List<Did> participants, String phase,
      long timeoutMs, long remainingMs, byte[] input, ActorRef<Session.Command> session)
      implements Command, CborSerializable, FromMember {}

  /** The coordinator ended the session. */
  public record SessionEnded(String sessionId, Did from, Outcome outcome, String reason)
      implements Command, CborSerializable, FromMember {}

  private record Performed(String sessionId, String phase, byte[] output, Throwable failure) implements Command {}

  private record Acknowledged(StatusReply<Session.StepAck> reply) implements Command {}

  private record Expired(String sessionId) implements Command {}

  private record Lost(Directory.MemberLost lost) implements Command {}

  private record LostRecorded(String sessionId, Throwable failure) implements Command {}

  /** One step's state: running, done with its output, or declined with its public reason. */
  private record Step(byte[] output, String declined) {
    static final Step RUNNING = new Step(null, null);

    boolean running() {
      return output == null && declined == null;
    }
  }

  private record Joined(String protocol, Did coordinator, List<Did> participants, ActorRef<Session.Command> session,
      String lastPhase, Map<String, Step> steps) {
    Joined with(String phase, Step step, ActorRef<Session.Command> replyTo) {
      Map<String, Step> next = new HashMap<>(steps);
      next.put(phase, step);
      return new Joined(protocol, coordinator, participants, replyTo, phase, Map.copyOf(next));
    }
  }

  private final String protocol;
  private final ParticipantSteps steps;
  private final SessionSettings settings;
  private final LocalMember member;
  private final TimerScheduler<Command> timers;
  private final ActorRef<StatusReply<Session.StepAck>> acknowledged;
  private Map<String, Joined> sessions = Map.of();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private SessionParticipant(ActorContext<Command> context, TimerScheduler<Command> timers, String protocol,
      ParticipantSteps steps, SessionSettings settings, LocalMember member) {
    super(context);
    context.setLoggerName(SessionParticipant.class);
    this.timers = timers;
    this.protocol = protocol;
    this.steps = steps;
    this.settings = settings;
    this.member = member;
    this.acknowledged = (ActorRef) context.messageAdapter(StatusReply.class, reply -> new Acknowledged(reply));
  }

  /** The key a member's participant actor of {@code protocol} is registered under. */
  public static ProtocolKey<Command> key(String protocol) {
    return new ProtocolKey<>(protocol, Command.class);
  }

  /** {@code member}'s participant in {@code protocol}'s sessions, registered with its directory. */
  public static Behavior<Command> create(String protocol, ParticipantSteps steps, SessionSettings settings,
      LocalMember member) {
    Behavior<Command> participant = Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      member.directory().tell(new Directory.Register<>(key(protocol), context.getSelf()));
      member.directory().tell(new Directory.SubscribeLost(context.messageAdapter(Directory.MemberLost.class, Lost::new)));
      return new SessionParticipant(context, timers, protocol, steps, settings, member);
    }));
    // A malformed message must not take every session of this protocol down with the actor.
    return Behaviors.supervise(Admission.admitted(member.membership(), Command.class, participant))
        .onFailure(RuntimeException.class, SupervisorStrategy.resume());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PerformStep.class, this::onPerformStep)
        .onMessage(Performed.class, this::onPerformed)
        .onMessage(Acknowledged.class, this::onAcknowledged)
        .onMessage(SessionEnded.class, this::onSessionEnded)
        .onMessage(Expired.class, this::onExpired)
        .onMessage(Lost.class, this::onLost)
        .onMessage(LostRecorded.class, this::onLostRecorded)
        .build();
  }

  private Behavior<Command> onPerformStep(PerformStep request) {
    String problem = requestProblem(request);
    if (problem != null) {
      getContext().getLog().warn("Ignoring a step request for session {} from {}: {}", request.sessionId(),
          request.from(), problem);
      return this;
    }
    Joined joined = sessions.get(request.sessionId());
    if (joined == null && sessions.size() >= settings.maxSessions()) {
      request.session().tell(new Session.Decline(request.sessionId(), member.did(), request.phase(),
          "participant busy: " + sessions.size() + " sessions already"));
      return this;
    }
    if (joined == null) {
      // Sorted and distinct, as the ledger wants them, whatever order the request used.
      joined = new Joined(request.protocol(), request.from(), List.copyOf(new TreeSet<>(request.participants())),
          request.session(), request.phase(), Map.of());
    }
    Step step = joined.steps().get(request.phase());
    if (step == null && joined.steps().size() >= settings.maxPhases()) {
      step = new Step(null, "more than " + settings.maxPhases() + " phases");
    }
    if (step == null) {
      step = Step.RUNNING;
      perform(request, joined.participants());
    }
    joined = joined.with(request.phase(), step, request.session());
    put(request.sessionId(), joined);
    answer(request.sessionId(), joined, request.phase());
    // Forgotten once every deadline has passed, unless the coordinator asks again or says it ended.
    long remainingMs = Math.min(request.remainingMs(), settings.maxPhases() * settings.maxPhaseTimeoutMs());
    timers.startSingleTimer(request.sessionId(), new Expired(request.sessionId()),
        Duration.ofMillis(Math.max(remainingMs, 0) + settings.retryIntervalMs()));
    return this;
  }

  private String requestProblem(PerformStep request) {
    if (request.sessionId() == null || request.phase() == null || request.participants() == null
        || request.session() == null || request.participants().stream().anyMatch(Objects::isNull)) {
      return "the request lacks a field";
    }
    if (!protocol.equals(request.protocol())) {
      return "this participant takes part in " + protocol + " sessions, not " + request.protocol();
    }
    if (request.participants().size() > SessionOutcome.MAX_PARTICIPANTS) {
      return "a session has at most " + SessionOutcome.MAX_PARTICIPANTS + " participants, the request names "
          + request.participants().size();
    }
    if (!request.participants().contains(member.did())) {
      return "this member is not among the session's participants";
    }
    String problem = SessionOutcome.sessionIdProblem(request.sessionId());
    if (problem == null) {
      problem = SessionOutcome.nameProblem("phase", request.phase());
    }
    if (problem != null) {
      return problem;
    }
    Joined joined = sessions.get(request.sessionId());
    if (joined != null && !joined.coordinator().equals(request.from())) {
      return "the session is coordinated by " + joined.coordinator();
    }
    return null;
  }

  private void perform(PerformStep request, List<Did> participants) {
    StepRequest step = new StepRequest(request.sessionId(), request.protocol(), request.from(), participants,
        request.phase(), request.input() == null ? new byte[0] : request.input());
    CompletionStage<byte[]> output;
    try {
      output = steps.perform(step);
    } catch (RuntimeException e) {
      output = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(output, (done, failure) -> new Performed(request.sessionId(), request.phase(),
        done == null && failure == null ? new byte[0] : done, failure));
  }

  private Behavior<Command> onPerformed(Performed performed) {
    Joined joined = sessions.get(performed.sessionId());
    if (joined == null) {
      return this; // ended while the step ran
    }
    Step step = performed.failure() == null ? new Step(performed.output(), null)
        : new Step(null, publicReason(performed.phase(), performed.failure()));
    joined = joined.with(performed.phase(), step, joined.session());
    put(performed.sessionId(), joined);
    answer(performed.sessionId(), joined, performed.phase());
    return this;
  }

  /** Sends the step's result, if there is one yet, to the session: the first time or again. */
  private void answer(String sessionId, Joined joined, String phase) {
    Step step = joined.steps().get(phase);
    if (step.running()) {
      return;
    }
    if (step.declined() != null) {
      joined.session().tell(new Session.Decline(sessionId, member.did(), phase, step.declined()));
    } else {
      joined.session().tell(new Session.StepDone(sessionId, member.did(), phase, step.output(), acknowledged));
    }
  }

  private String publicReason(String phase, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof StepRefusedException refused) {
      return refused.getMessage();
    }
    // The details may hold private values: they stay in this member's log.
    getContext().getLog().error("Step {} of {} failed", phase, protocol, cause);
    return "the participant failed its step of phase " + phase;
  }

  private Behavior<Command> onAcknowledged(Acknowledged acknowledged) {
    if (acknowledged.reply().isError()) {
      getContext().getLog().info("A step was not accepted: {}", acknowledged.reply().getError().getMessage());
    }
    return this;
  }

  private Behavior<Command> onSessionEnded(SessionEnded ended) {
    Joined joined = ended.sessionId() == null ? null : sessions.get(ended.sessionId());
    if (joined != null && joined.coordinator().equals(ended.from())) {
      forget(ended.sessionId(), Optional.ofNullable(ended.outcome()));
    }
    return this;
  }

  private Behavior<Command> onExpired(Expired expired) {
    if (sessions.containsKey(expired.sessionId())) {
      getContext().getLog().info("Forgetting session {}: its deadlines passed without word from the coordinator",
          expired.sessionId());
      forget(expired.sessionId(), Optional.empty());
    }
    return this;
  }

  private Behavior<Command> onLost(Lost lost) {
    Did coordinator = lost.lost().did();
    for (Map.Entry<String, Joined> entry : Map.copyOf(sessions).entrySet()) {
      if (entry.getValue().coordinator().equals(coordinator)) {
        recordCoordinatorLost(entry.getKey(), entry.getValue(), lost.lost().loss());
        forget(entry.getKey(), Optional.of(Outcome.PARTICIPANT_LOST));
      }
    }
    return this;
  }

  private void recordCoordinatorLost(String sessionId, Joined joined, Directory.Loss loss) {
    SessionOutcome outcome = new SessionOutcome(sessionId, joined.protocol(), joined.coordinator(),
        joined.participants(), Outcome.PARTICIPANT_LOST, joined.lastPhase(),
        Reasons.fit("coordinator " + joined.coordinator() + " " + Reasons.describe(loss) + " in phase "
            + joined.lastPhase()));
    CompletionStage<Receipt> receipt;
    try {
      receipt = member.ledger().submit(SessionsContract.NAME, SessionsContract.OUTCOME,
          SessionsContract.outcomePayload(outcome));
    } catch (RuntimeException e) {
      receipt = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(receipt, (done, failure) -> new LostRecorded(sessionId, failure));
  }

  private Behavior<Command> onLostRecorded(LostRecorded recorded) {
    if (recorded.failure() != null) {
      // Often another party recorded the session first, which is as good.
      getContext().getLog().info("Did not record session {} as participant lost: {}", recorded.sessionId(),
          recorded.failure().getMessage());
    }
    return this;
  }

  private void forget(String sessionId, Optional<Outcome> outcome) {
    Map<String, Joined> next = new HashMap<>(sessions);
    next.remove(sessionId);
    sessions = Map.copyOf(next);
    timers.cancel(sessionId);
    try {
      steps.ended(sessionId, outcome);
    } catch (RuntimeException e) {
      getContext().getLog().error("Protocol {} failed when session {} ended", protocol, sessionId, e);
    }
  }

  private void put(String sessionId, Joined joined) {
    Map<String, Joined> next = new HashMap<>(sessions);
    next.put(sessionId, joined);
    sessions = Map.copyOf(next);
  }
}
