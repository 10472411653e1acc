package dev.consilium.runtime.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.pattern.StatusReply;
import dev.consilium.ledger.identity.Did;
import dev.consilium.runtime.discovery.Directory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the sessions of one protocol that this member coordinates: one child {@link Session} per session, at
 * most {@code maxSessions} at once. It checks each plan before starting it and passes the directory's lost
 * members on to the sessions they take part in.
 *
 * <p>A protocol plugs in by starting sessions here with its plan and its {@link CoordinatorSteps}, and by
 * running a {@link SessionParticipant} with its {@link ParticipantSteps} on every member that takes part
 * (the coordinator's own member included, when it acts in a phase).
 */
public final class SessionCoordinator extends AbstractBehavior<SessionCoordinator.Command> {
  /** What the coordinator answers to; local only. */
  public sealed interface Command {}

  /**
   * Starts a session of {@code plan}, driven by {@code steps}. The reply says whether it started (or why
   * not: a bad plan, a session id already running, too many sessions); {@code resultTo} hears how it ended.
   */
  public record Start(SessionPlan plan, CoordinatorSteps steps, ActorRef<SessionResult> resultTo,
      ActorRef<StatusReply<Started>> replyTo) implements Command {}

  /** The session is running; steps go to {@code session}. */
  public record Started(String sessionId, ActorRef<Session.Command> session) {}

  private record Lost(Directory.MemberLost lost) implements Command {}

  private record SessionStopped(String sessionId) implements Command {}

  private record Running(ActorRef<Session.Command> session, Set<Did> participants) {}

  private final String protocol;
  private final SessionSettings settings;
  private final LocalMember member;
  private Map<String, Running> running = Map.of();

  private SessionCoordinator(ActorContext<Command> context, String protocol, SessionSettings settings,
      LocalMember member) {
    super(context);
    context.setLoggerName(SessionCoordinator.class);
    this.protocol = protocol;
    this.settings = settings;
    this.member = member;
  }

  /** The coordinator of {@code protocol}'s sessions on {@code member}. */
  public static Behavior<Command> create(String protocol, SessionSettings settings, LocalMember member) {
    return Behaviors.setup(context -> {
      member.directory().tell(new Directory.SubscribeLost(context.messageAdapter(Directory.MemberLost.class, Lost::new)));
      return new SessionCoordinator(context, protocol, settings, member);
    });
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Start.class, this::onStart)
        .onMessage(Lost.class, this::onLost)
        .onMessage(SessionStopped.class, this::onSessionStopped)
        .build();
  }

  private Behavior<Command> onStart(Start start) {
    SessionPlan plan = start.plan();
    String problem = startProblem(plan);
    if (problem != null) {
      start.replyTo().tell(StatusReply.error(problem));
      return this;
    }
    ActorRef<Session.Command> session = getContext().spawn(
        Session.create(plan, start.steps(), settings, member, start.resultTo()), "session-" + plan.sessionId());
    getContext().watchWith(session, new SessionStopped(plan.sessionId()));
    Map<String, Running> next = new HashMap<>(running);
    next.put(plan.sessionId(), new Running(session, Set.copyOf(plan.participants())));
    running = Map.copyOf(next);
    start.replyTo().tell(StatusReply.success(new Started(plan.sessionId(), session)));
    return this;
  }

  private String startProblem(SessionPlan plan) {
    if (!plan.protocol().equals(protocol)) {
      return "this coordinator runs " + protocol + " sessions, not " + plan.protocol();
    }
    if (!plan.coordinator().equals(member.did())) {
      return "session " + plan.sessionId() + " names " + plan.coordinator() + " as coordinator; this member is "
          + member.did();
    }
    if (!member.membership().isAdmitted(member.did())) {
      return "this member, " + member.did() + ", is not admitted: the ledger would refuse the session's outcome";
    }
    String problem = plan.problemUnder(settings);
    if (problem != null) {
      return problem;
    }
    if (running.containsKey(plan.sessionId())) {
      return "session " + plan.sessionId() + " is already running";
    }
    if (running.size() >= settings.maxSessions()) {
      return "already " + running.size() + " " + protocol + " sessions running; consilium.sessions.max-sessions is "
          + settings.maxSessions();
    }
    for (Did participant : plan.participants()) {
      if (!member.membership().isAdmitted(participant)) {
        return "participant " + participant + " of session " + plan.sessionId() + " is not an admitted member";
      }
    }
    return null;
  }

  private Behavior<Command> onLost(Lost lost) {
    Did did = lost.lost().did();
    running.values().stream().filter(session -> session.participants().contains(did))
        .forEach(session -> session.session().tell(new Session.ParticipantLost(did, lost.lost().loss())));
    return this;
  }

  private Behavior<Command> onSessionStopped(SessionStopped stopped) {
    Map<String, Running> next = new HashMap<>(running);
    next.remove(stopped.sessionId());
    running = Map.copyOf(next);
    return this;
  }
}
