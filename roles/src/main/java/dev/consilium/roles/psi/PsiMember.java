package dev.consilium.roles.psi;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.runtime.admission.Admission;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.ledger.MembershipView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A member's part in private set intersection (see the package documentation for the protocol and what
 * each party learns). One per member, registered with the {@link Directory} under {@link #KEY}.
 *
 * <p>A local caller leads a session with {@link Start}; other members' invitations go to the
 * {@link PsiPolicy} this actor was created with, which answers with this member's ids or refuses. For each
 * session it runs a {@link PsiParticipant} (this member's side: blinding, passing its list through the
 * others, receiving its result) and, when leading, a {@link PsiLeader} (invitations, the roster, the
 * intersection of the fully blinded lists, the results). It routes the other members' messages to them,
 * finds the other members' actors through the directory, and tells the sessions about lost members.
 *
 * <p>Messages from members the ledger does not admit are dropped before they arrive ({@link Admission}).
 * At most {@code maxSessions} sessions run at once; an invitation beyond that is declined.
 */
public final class PsiMember extends AbstractBehavior<PsiMember.Command> {
  /** Where members find each other's PSI actors. */
  public static final ProtocolKey<Command> KEY = new ProtocolKey<>("psi", Command.class);
  /** The longest purpose a session may state, in chars. */
  public static final int MAX_PURPOSE_CHARS = 256;
  /** Ended sessions remembered, so that a late or repeated invitation to one is declined, not run again. */
  static final int MAX_REMEMBERED_SESSIONS = 4_096;

  /** What the member answers to: {@link Start} from local callers, {@link PsiMessage}s from members. */
  public sealed interface Command permits Start, PsiMessage, Send, Lost, PeerFound, LookUpAgain, SessionEnded {}

  /**
   * Leads a session: this member invites {@code parties} (itself among them), brings {@code ids}, and
   * {@code designated} (itself among them) learn the intersection. Whatever happens, exactly one
   * {@link PsiResult} goes to {@code resultTo}. The session id must be new to this member; {@code purpose}
   * is shown to every party's policy (at most {@link #MAX_PURPOSE_CHARS} chars).
   */
  public record Start(String sessionId, List<Did> parties, Set<Did> designated, String purpose, List<String> ids,
      ActorRef<PsiResult> resultTo) implements Command {
    @Override
    public String toString() {
      return "Start[" + sessionId + ", parties=" + parties + ", designated=" + designated + ", purpose=" + purpose
          + ", " + (ids == null ? "no" : ids.size()) + " ids]";
    }
  }

  /** From this member's sessions: deliver {@code message} to {@code to}'s PSI actor. */
  record Send(Did to, PsiMessage message) implements Command {}

  private record Lost(Directory.MemberLost lost) implements Command {}

  private record PeerFound(Did did, Directory.Found<Command> found) implements Command {}

  private record LookUpAgain(Did did) implements Command {}

  private record SessionEnded(String sessionId, boolean leader) implements Command {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Directory.Found<Command>> FOUND = (Class) Directory.Found.class;

  private final PsiSettings settings;
  private final TimerScheduler<Command> timers;
  private final Did self;
  private final ActorRef<Directory.Command> directory;
  private final PsiPolicy policy;
  private final Map<String, ActorRef<PsiLeader.Command>> leaders = new HashMap<>();
  private final Map<String, ActorRef<PsiParticipant.Command>> participants = new HashMap<>();
  /** Ended session ids, oldest first. */
  private final LinkedHashSet<String> ended = new LinkedHashSet<>();
  private final Map<Did, ActorRef<Command>> peers = new HashMap<>();
  /** Messages waiting for a peer's actor to be found; a few per peer, since every sender retries. */
  private final Map<Did, Deque<PsiMessage>> waiting = new HashMap<>();
  /** When the oldest message still waiting for each peer began to wait. */
  private final Map<Did, Long> waitingSinceMs = new HashMap<>();
  private final Set<Did> lookingUp = new HashSet<>();

  private PsiMember(ActorContext<Command> context, TimerScheduler<Command> timers, PsiSettings settings, Did self,
      ActorRef<Directory.Command> directory, PsiPolicy policy) {
    super(context);
    context.setLoggerName(PsiMember.class);
    this.timers = timers;
    this.settings = settings;
    this.self = self;
    this.directory = directory;
    this.policy = policy;
  }

  /**
   * The PSI actor of member {@code self}: registers with {@code directory}, admits senders by
   * {@code membership}, and answers invitations with {@code policy}.
   */
  public static Behavior<Command> create(PsiSettings settings, Did self, MembershipView membership,
      ActorRef<Directory.Command> directory, PsiPolicy policy) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(policy, "policy");
    Behavior<Command> member = Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      directory.tell(new Directory.Register<>(KEY, context.getSelf()));
      directory.tell(new Directory.SubscribeLost(context.messageAdapter(Directory.MemberLost.class, Lost::new)));
      return new PsiMember(context, timers, settings, self, directory, policy);
    }));
    // A malformed message must not take every session down with the actor.
    return Behaviors.supervise(Admission.admitted(membership, Command.class, member))
        .onFailure(RuntimeException.class, SupervisorStrategy.resume());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Start.class, this::onStart)
        .onMessage(PsiMessage.Invite.class, this::onInvite)
        .onMessage(PsiMessage.Abort.class, this::onAbort)
        .onMessage(PsiMessage.ToLeader.class, this::onToLeader)
        .onMessage(PsiMessage.ToParty.class, this::onToParty)
        .onMessage(Send.class, this::onSend)
        .onMessage(PeerFound.class, this::onPeerFound)
        .onMessage(LookUpAgain.class, again -> lookUpWhileWaiting(again.did()))
        .onMessage(Lost.class, this::onLost)
        .onMessage(SessionEnded.class, this::onSessionEnded)
        .build();
  }

  private Behavior<Command> onStart(Start start) {
    if (start.resultTo() == null) {
      getContext().getLog().warn("Ignoring a PSI start without a resultTo");
      return this;
    }
    String problem = startProblem(start);
    if (problem != null) {
      start.resultTo().tell(new PsiResult.Failed(start.sessionId(), Outcome.REFUSED, problem));
      return this;
    }
    List<Did> parties = List.copyOf(new TreeSet<>(start.parties()));
    List<Did> designated = List.copyOf(new TreeSet<>(start.designated()));
    PsiMessage.Invite invite = new PsiMessage.Invite(start.sessionId(), self, parties, designated, start.purpose(),
        settings.chunkPoints(), settings.maxInFlightChunks(), settings.sessionTimeoutMs());
    ActorRef<PsiLeader.Command> leader = getContext().spawn(
        PsiLeader.create(settings, self, invite, getContext().getSelf()), "leader-" + start.sessionId());
    getContext().watchWith(leader, new SessionEnded(start.sessionId(), true));
    leaders.put(start.sessionId(), leader);
    spawnParticipant(invite, new PsiAnswer.Join(start.ids(), start.resultTo()));
    getContext().getLog().info("PSI session {} started with {} parties, {} designated, purpose '{}'",
        start.sessionId(), parties.size(), designated.size(), start.purpose());
    return this;
  }

  private String startProblem(Start start) {
    if (start.sessionId() == null || start.parties() == null || start.designated() == null
        || start.purpose() == null || start.ids() == null) {
      return "a PSI start needs a session id, parties, designated parties, a purpose and ids";
    }
    String problem = SessionOutcome.sessionIdProblem(start.sessionId());
    if (problem != null) {
      return problem;
    }
    if (running(start.sessionId()) || ended.contains(start.sessionId())) {
      return "session id " + start.sessionId() + " is already in use on this member";
    }
    if (sessionCount() >= settings.maxSessions()) {
      return "this member runs " + sessionCount() + " PSI sessions already (consilium.psi.max-sessions)";
    }
    // Immutable collections and TreeSet throw on contains(null), so nulls are looked for one by one.
    if (start.parties().stream().anyMatch(Objects::isNull) || start.designated().stream().anyMatch(Objects::isNull)) {
      return "parties and designated parties must not contain null";
    }
    Set<Did> parties = new TreeSet<>(start.parties());
    if (parties.size() != start.parties().size()) {
      return "the parties of a session must be distinct";
    }
    if (parties.size() < 2 || parties.size() > settings.maxParties()) {
      return "a session has 2 to " + settings.maxParties() + " parties (consilium.psi.max-parties), got "
          + parties.size();
    }
    if (!parties.contains(self)) {
      return "the leader " + self + " must be one of the parties";
    }
    if (!start.designated().contains(self)) {
      return "the leader " + self + " must be one of the designated parties";
    }
    if (!parties.containsAll(start.designated())) {
      return "every designated party must be one of the parties";
    }
    if (start.purpose().length() > MAX_PURPOSE_CHARS) {
      return "a session's purpose has at most " + MAX_PURPOSE_CHARS + " chars, got " + start.purpose().length();
    }
    return null;
  }

  private Behavior<Command> onInvite(PsiMessage.Invite invite) {
    if (invite.sessionId() == null || invite.from() == null) {
      getContext().getLog().warn("Ignoring a PSI invitation without a session id or sender");
      return this;
    }
    ActorRef<PsiParticipant.Command> existing = participants.get(invite.sessionId());
    if (existing != null) {
      existing.tell(new PsiParticipant.Received(invite)); // a repeat: answered again
      return this;
    }
    String problem = SessionOutcome.sessionIdProblem(invite.sessionId());
    if (problem == null && ended.contains(invite.sessionId())) {
      problem = "session " + invite.sessionId() + " has already ended on this member";
    }
    if (problem == null && sessionCount() >= settings.maxSessions()) {
      problem = "busy: " + sessionCount() + " PSI sessions already";
    }
    if (problem != null) {
      send(invite.from(), new PsiMessage.Decline(invite.sessionId(), self, problem));
      return this;
    }
    spawnParticipant(invite, null);
    return this;
  }

  /** {@code preset}: the leader's own answer; null to ask the policy. */
  private void spawnParticipant(PsiMessage.Invite invite, PsiAnswer.Join preset) {
    ActorRef<PsiParticipant.Command> participant = getContext().spawn(
        PsiParticipant.create(settings, self, invite, preset, policy, getContext().getSelf()),
        "party-" + invite.sessionId());
    getContext().watchWith(participant, new SessionEnded(invite.sessionId(), false));
    participants.put(invite.sessionId(), participant);
  }

  private Behavior<Command> onAbort(PsiMessage.Abort abort) {
    ActorRef<PsiLeader.Command> leader = abort.sessionId() == null ? null : leaders.get(abort.sessionId());
    if (leader != null) {
      leader.tell(new PsiLeader.Received(abort));
    }
    ActorRef<PsiParticipant.Command> participant = abort.sessionId() == null ? null
        : participants.get(abort.sessionId());
    if (participant != null) {
      participant.tell(new PsiParticipant.Received(abort));
    }
    return this;
  }

  private Behavior<Command> onToLeader(PsiMessage.ToLeader message) {
    ActorRef<PsiLeader.Command> leader = message.sessionId() == null ? null : leaders.get(message.sessionId());
    if (leader == null) {
      getContext().getLog().debug("Dropping a {} for PSI session {}, which this member does not lead (now)",
          message.getClass().getSimpleName(), message.sessionId());
      return this;
    }
    leader.tell(new PsiLeader.Received(message));
    return this;
  }

  private Behavior<Command> onToParty(PsiMessage.ToParty message) {
    ActorRef<PsiParticipant.Command> participant = message.sessionId() == null ? null
        : participants.get(message.sessionId());
    if (participant == null) {
      getContext().getLog().debug("Dropping a {} for PSI session {}, which this member is not in (now)",
          message.getClass().getSimpleName(), message.sessionId());
      return this;
    }
    participant.tell(new PsiParticipant.Received(message));
    return this;
  }

  private Behavior<Command> onSend(Send send) {
    send(send.to(), send.message());
    return this;
  }

  private void send(Did to, PsiMessage message) {
    if (to.equals(self)) {
      getContext().getSelf().tell(message);
      return;
    }
    ActorRef<Command> peer = peers.get(to);
    if (peer != null) {
      peer.tell(message);
      return;
    }
    waitingSinceMs.putIfAbsent(to, nowMs());
    Deque<PsiMessage> queue = waiting.computeIfAbsent(to, did -> new ArrayDeque<>());
    if (queue.size() >= maxWaitingPerPeer()) {
      queue.removeFirst(); // the oldest goes: its sender sends it again if it still matters
    }
    queue.addLast(message);
    lookUp(to);
  }

  private void lookUp(Did did) {
    if (!lookingUp.add(did)) {
      return;
    }
    getContext().ask(FOUND, directory, Duration.ofMillis(settings.retryIntervalMs()),
        replyTo -> new Directory.Lookup<>(KEY, did, replyTo),
        (found, failure) -> new PeerFound(did, found != null ? found : new Directory.Found<>(KEY, Map.of())));
  }

  private Behavior<Command> onPeerFound(PeerFound found) {
    lookingUp.remove(found.did());
    found.found().anyOf(found.did()).ifPresentOrElse(peer -> {
      peers.put(found.did(), peer);
      waitingSinceMs.remove(found.did());
      Deque<PsiMessage> queue = waiting.remove(found.did());
      if (queue != null) {
        queue.forEach(peer::tell);
      }
    }, () -> {
      // Registrations spread through the cluster with a delay: a member that just joined is found a little later.
      getContext().getLog().debug("No PSI actor found for {} yet", found.did());
      timers.startSingleTimer(found.did(), new LookUpAgain(found.did()), Duration.ofMillis(settings.retryIntervalMs()));
    });
    return this;
  }

  /**
   * Looks again while messages wait for {@code did}; gives them up once the oldest has waited a chunk's
   * timeout, by when every session that sent them has ended or sent them again.
   */
  private Behavior<Command> lookUpWhileWaiting(Did did) {
    Long since = waitingSinceMs.get(did);
    if (since == null || !waiting.containsKey(did)) {
      return this;
    }
    if (nowMs() - since >= settings.chunkTimeoutMs()) {
      getContext().getLog().warn("No PSI actor found for {} within {} ms; dropping {} messages for it", did,
          settings.chunkTimeoutMs(), waiting.get(did).size());
      waiting.remove(did);
      waitingSinceMs.remove(did);
      return this;
    }
    lookUp(did);
    return this;
  }

  private Behavior<Command> onLost(Lost lost) {
    Did did = lost.lost().did();
    // Its node may come back as a new incarnation, with new actors: look it up afresh then.
    peers.remove(did);
    waiting.remove(did);
    waitingSinceMs.remove(did);
    leaders.values().forEach(leader -> leader.tell(new PsiLeader.PartyLost(did, lost.lost().loss())));
    participants.values().forEach(party -> party.tell(new PsiParticipant.PartyLost(did, lost.lost().loss())));
    return this;
  }

  private Behavior<Command> onSessionEnded(SessionEnded sessionEnded) {
    if (sessionEnded.leader()) {
      leaders.remove(sessionEnded.sessionId());
    } else {
      participants.remove(sessionEnded.sessionId());
    }
    ended.add(sessionEnded.sessionId());
    if (ended.size() > MAX_REMEMBERED_SESSIONS) {
      ended.remove(ended.iterator().next());
    }
    return this;
  }

  private boolean running(String sessionId) {
    return leaders.containsKey(sessionId) || participants.containsKey(sessionId);
  }

  private int sessionCount() {
    Set<String> ids = new HashSet<>(participants.keySet());
    ids.addAll(leaders.keySet());
    return ids.size();
  }

  private static long nowMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }

  private int maxWaitingPerPeer() {
    return 4 * settings.maxInFlightChunks() + 16;
  }
}
