package dev.consilium.roles.psi;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.mpc.psi.PsiIntersection;
import dev.consilium.mpc.psi.PsiPoints;
import dev.consilium.runtime.discovery.Directory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The leader's coordination of one session: it invites the parties, sends the roster once all accepted,
 * takes every party's fully blinded list (checking each point), intersects them, and sends each party its
 * result: its positions in the intersection if designated, otherwise only word that the session ended.
 *
 * <p>What it learns: every party's set size, and every fully blinded list, from which it can count the
 * common points of any subset of the lists, pairwise ones included (the protocol's known leak), but not
 * which ids they stand for: only each owner knows its order, and no one can unblind.
 *
 * <p>The session ends for every party, with a named reason, when a party declines, does not answer the
 * invitation within {@code inviteTimeoutMs}, sends a malformed chunk, is lost before its list is in, or when
 * the session's deadline passes; its end is then sent as an {@link PsiMessage.Abort} to every party.
 */
final class PsiLeader extends AbstractBehavior<PsiLeader.Command> {
  /** What the coordination answers to; local, from its {@link PsiMember}. */
  sealed interface Command {}

  /** A member's message for this session. */
  record Received(PsiMessage.ToLeader message) implements Command {}

  /** The directory lost {@code did}. */
  record PartyLost(Did did, Directory.Loss loss) implements Command {}

  private enum Tick implements Command { INSTANCE }

  private enum InviteDeadline implements Command { INSTANCE }

  private enum SessionDeadline implements Command { INSTANCE }

  private record FinalChecked(Did party, int index, byte[] points, Throwable failure) implements Command {}

  private record Intersected(List<int[]> positions, Throwable failure) implements Command {}

  private enum Phase { INVITING, COLLECTING, INTERSECTING, DELIVERING }

  private final PsiSettings settings;
  private final Did self;
  private final PsiMessage.Invite invite;
  private final ActorRef<PsiMember.Command> member;
  private final Executor cpu;
  private Phase phase = Phase.INVITING;
  private final Map<Did, Integer> items = new HashMap<>();
  private final Set<Did> began = new HashSet<>();
  private final Map<Did, IncomingChunks> finals = new HashMap<>();
  private final Map<Did, byte[][]> finalChunks = new HashMap<>();
  private final Map<Did, OutgoingChunks> results = new HashMap<>();
  private final Map<Did, List<byte[]>> resultParts = new HashMap<>();

  private PsiLeader(ActorContext<Command> context, PsiSettings settings, Did self, PsiMessage.Invite invite,
      ActorRef<PsiMember.Command> member) {
    super(context);
    context.setLoggerName(PsiLeader.class);
    this.settings = settings;
    this.self = self;
    this.invite = invite;
    this.member = member;
    this.cpu = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  /** The coordination of the session {@code invite} opens; the leader's own acceptance comes like any other. */
  static Behavior<Command> create(PsiSettings settings, Did self, PsiMessage.Invite invite,
      ActorRef<PsiMember.Command> member) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(settings.retryIntervalMs()));
      timers.startSingleTimer(InviteDeadline.INSTANCE, Duration.ofMillis(settings.inviteTimeoutMs()));
      timers.startSingleTimer(SessionDeadline.INSTANCE, Duration.ofMillis(invite.sessionTimeoutMs()));
      PsiLeader leader = new PsiLeader(context, settings, self, invite, member);
      leader.sendInvites();
      return leader;
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Received.class, this::onReceived)
        .onMessage(PartyLost.class, this::onPartyLost)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessageEquals(InviteDeadline.INSTANCE, this::onInviteDeadline)
        .onMessageEquals(SessionDeadline.INSTANCE, this::onSessionDeadline)
        .onMessage(FinalChecked.class, this::onFinalChecked)
        .onMessage(Intersected.class, this::onIntersected)
        .build();
  }

  private Behavior<Command> onReceived(Received received) {
    PsiMessage.ToLeader message = received.message();
    if (message.from() == null || !invite.parties().contains(message.from())) {
      getContext().getLog().warn("PSI session {}: ignoring a {} from {}, not a party", invite.sessionId(),
          message.getClass().getSimpleName(), message.from());
      return this;
    }
    if (message instanceof PsiMessage.Accept accept) {
      return onAccept(accept);
    } else if (message instanceof PsiMessage.Decline decline) {
      return abort(Outcome.REFUSED, decline.from() + " declined: " + PsiReasons.fit(decline.reason()));
    } else if (message instanceof PsiMessage.Began begun) {
      began.add(begun.from());
      return this;
    } else if (message instanceof PsiMessage.FinalChunk chunk) {
      return onFinalChunk(chunk);
    } else if (message instanceof PsiMessage.ResultAck ack) {
      return onResultAck(ack);
    } else if (message instanceof PsiMessage.Abort abort) {
      return onAbort(abort);
    }
    return this;
  }

  private Behavior<Command> onAccept(PsiMessage.Accept accept) {
    Integer earlier = items.get(accept.from());
    if (earlier != null) {
      return earlier == accept.items() ? this
          : abort(Outcome.REFUSED, accept.from() + " accepted twice with different set sizes");
    }
    if (phase != Phase.INVITING) {
      return this;
    }
    if (accept.items() < 0 || accept.items() > settings.maxIds()) {
      return abort(Outcome.REFUSED, accept.from() + " offers " + accept.items() + " ids; this session takes 0 to "
          + settings.maxIds());
    }
    items.put(accept.from(), accept.items());
    if (items.size() < invite.parties().size()) {
      return this;
    }
    phase = Phase.COLLECTING;
    for (Did party : invite.parties()) {
      int count = new ChunkLayout(items.get(party), invite.chunkPoints()).count();
      finals.put(party, new IncomingChunks(count, invite.maxInFlightChunks()));
      finalChunks.put(party, new byte[count][]);
    }
    getContext().getLog().info("PSI session {}: every party accepted, sizes {}", invite.sessionId(), items);
    sendBegins();
    return intersectIfComplete();
  }

  private Behavior<Command> onFinalChunk(PsiMessage.FinalChunk chunk) {
    IncomingChunks incoming = finals.get(chunk.from());
    if (incoming == null) {
      return this; // before the roster: the party sends it again
    }
    IncomingChunks.Verdict verdict = incoming.admit(chunk.index(), chunk.points());
    switch (verdict.kind()) {
      case NEW -> checkFinal(chunk);
      case REPEAT -> {
        incoming.done(chunk.index());
        send(chunk.from(), new PsiMessage.FinalAck(invite.sessionId(), self, chunk.index()));
      }
      case IGNORE -> { }
      case REFUSE -> {
        return abort(Outcome.REFUSED, "final chunk from " + chunk.from() + " refused: " + verdict.reason());
      }
    }
    return this;
  }

  private void checkFinal(PsiMessage.FinalChunk chunk) {
    int expected = new ChunkLayout(items.get(chunk.from()), invite.chunkPoints()).itemsIn(chunk.index());
    byte[] points = chunk.points() == null ? new byte[0] : chunk.points();
    getContext().pipeToSelf(PsiWork.run(cpu, () -> {
      PsiPoints.checkAll(PsiPoints.split(points, expected));
      return points;
    }), (checked, failure) -> new FinalChecked(chunk.from(), chunk.index(), checked, failure));
  }

  private Behavior<Command> onFinalChecked(FinalChecked checked) {
    if (checked.failure() != null) {
      return abort(Outcome.REFUSED, "final chunk " + checked.index() + " from " + checked.party() + " refused: "
          + PsiWork.message(checked.failure()));
    }
    finalChunks.get(checked.party())[checked.index()] = checked.points();
    finals.get(checked.party()).done(checked.index());
    send(checked.party(), new PsiMessage.FinalAck(invite.sessionId(), self, checked.index()));
    return intersectIfComplete();
  }

  private Behavior<Command> intersectIfComplete() {
    if (phase != Phase.COLLECTING || !finals.values().stream().allMatch(IncomingChunks::complete)) {
      return this;
    }
    phase = Phase.INTERSECTING;
    List<byte[]> lists = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Did party : invite.parties()) {
      lists.add(concatenate(finalChunks.get(party)));
      names.add("the fully blinded list of " + party);
    }
    finalChunks.clear();
    getContext().pipeToSelf(PsiWork.run(cpu, () -> PsiIntersection.positions(lists, names)), Intersected::new);
    return this;
  }

  private Behavior<Command> onIntersected(Intersected intersected) {
    if (intersected.failure() != null) {
      return abort(Outcome.REFUSED, PsiWork.message(intersected.failure()));
    }
    phase = Phase.DELIVERING;
    for (int i = 0; i < invite.parties().size(); i++) {
      Did party = invite.parties().get(i);
      boolean designated = invite.designated().contains(party);
      ResultParts layout = new ResultParts(designated, items.get(party), invite.chunkPoints());
      List<byte[]> parts = layout.encode(designated ? intersected.positions().get(i) : new int[0]);
      resultParts.put(party, parts);
      results.put(party, new OutgoingChunks(parts.size(), invite.maxInFlightChunks()));
    }
    getContext().getLog().info("PSI session {}: intersection computed; {} common points, sending results",
        invite.sessionId(), intersected.positions().get(0).length);
    sendResults();
    return this;
  }

  private Behavior<Command> onResultAck(PsiMessage.ResultAck ack) {
    OutgoingChunks outgoing = results.get(ack.from());
    if (outgoing == null || outgoing.answer(ack.index()) != OutgoingChunks.Answer.NEW) {
      return this;
    }
    outgoing.settle(ack.index());
    sendResults();
    return finishedIfDelivered();
  }

  private Behavior<Command> finishedIfDelivered() {
    if (!results.values().stream().allMatch(OutgoingChunks::complete)) {
      return this;
    }
    getContext().getLog().info("PSI session {} completed: every party has its result", invite.sessionId());
    return Behaviors.stopped();
  }

  private Behavior<Command> onAbort(PsiMessage.Abort abort) {
    String reason = abort.from() + " ended the session: " + PsiReasons.fit(abort.reason());
    Outcome outcome = abort.outcome() == null ? Outcome.REFUSED : abort.outcome();
    getContext().getLog().info("PSI session {} ended {}: {}", invite.sessionId(), outcome, reason);
    // Passed on, since the party's own word to the others is at most once.
    for (Did party : invite.parties()) {
      if (!party.equals(abort.from())) {
        send(party, new PsiMessage.Abort(invite.sessionId(), self, outcome, reason));
      }
    }
    return Behaviors.stopped();
  }

  private Behavior<Command> onPartyLost(PartyLost lost) {
    if (!invite.parties().contains(lost.did())) {
      return this;
    }
    String reason = "party " + lost.did() + " " + PsiReasons.describe(lost.loss());
    if (phase == Phase.DELIVERING) {
      // The result is settled; the others still get theirs.
      getContext().getLog().info("PSI session {}: {} before it had its result", invite.sessionId(), reason);
      results.remove(lost.did());
      return finishedIfDelivered();
    }
    return abort(Outcome.PARTICIPANT_LOST, reason + " in phase " + phase.name().toLowerCase());
  }

  private Behavior<Command> onTick() {
    long now = nowMs();
    switch (phase) {
      case INVITING -> sendInvites();
      case COLLECTING -> sendBegins();
      case DELIVERING -> {
        for (Map.Entry<Did, OutgoingChunks> entry : Map.copyOf(results).entrySet()) {
          int late = entry.getValue().overdue(now, settings.chunkTimeoutMs());
          if (late >= 0) {
            getContext().getLog().warn("PSI session {}: {} did not take result part {} within {} ms; giving up on it",
                invite.sessionId(), entry.getKey(), late, settings.chunkTimeoutMs());
            results.remove(entry.getKey());
          }
        }
        sendResults();
        return finishedIfDelivered();
      }
      case INTERSECTING -> { }
    }
    return this;
  }

  private Behavior<Command> onInviteDeadline() {
    if (phase != Phase.INVITING) {
      return this;
    }
    List<Did> silent = invite.parties().stream().filter(party -> !items.containsKey(party)).toList();
    return abort(Outcome.TIMED_OUT, "no acceptance from " + silent + " within " + settings.inviteTimeoutMs() + " ms");
  }

  private Behavior<Command> onSessionDeadline() {
    if (phase == Phase.DELIVERING) {
      getContext().getLog().warn("PSI session {}: deadline passed before every party took its result; stopping",
          invite.sessionId());
      return Behaviors.stopped();
    }
    List<Did> missing = invite.parties().stream()
        .filter(party -> finals.get(party) == null || !finals.get(party).complete()).toList();
    return abort(Outcome.TIMED_OUT, "the session did not finish within " + invite.sessionTimeoutMs()
        + " ms; fully blinded lists missing from " + missing);
  }

  /** Ends the session for every party, this member's own side included. */
  private Behavior<Command> abort(Outcome outcome, String reason) {
    String fitted = PsiReasons.fit(reason);
    getContext().getLog().info("PSI session {} ended {}: {}", invite.sessionId(), outcome, fitted);
    for (Did party : invite.parties()) {
      send(party, new PsiMessage.Abort(invite.sessionId(), self, outcome, fitted));
    }
    return Behaviors.stopped();
  }

  private void sendInvites() {
    for (Did party : invite.parties()) {
      // The leader's own side was created with its ids and accepts by itself.
      if (!party.equals(self) && !items.containsKey(party)) {
        send(party, invite);
      }
    }
  }

  private void sendBegins() {
    List<Integer> sizes = invite.parties().stream().map(items::get).toList();
    for (Did party : invite.parties()) {
      if (!began.contains(party)) {
        send(party, new PsiMessage.Begin(invite.sessionId(), self, sizes));
      }
    }
  }

  private void sendResults() {
    long now = nowMs();
    for (Map.Entry<Did, OutgoingChunks> entry : results.entrySet()) {
      List<byte[]> parts = resultParts.get(entry.getKey());
      for (int index : entry.getValue().due(now, settings.retryIntervalMs())) {
        send(entry.getKey(), new PsiMessage.ResultPart(invite.sessionId(), self, index, parts.get(index)));
      }
    }
  }

  private void send(Did to, PsiMessage message) {
    member.tell(new PsiMember.Send(to, message));
  }

  private static byte[] concatenate(byte[][] chunks) {
    int length = 0;
    for (byte[] chunk : chunks) {
      length += chunk.length;
    }
    byte[] list = new byte[length];
    int offset = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, list, offset, chunk.length);
      offset += chunk.length;
    }
    return list;
  }

  private long nowMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }
}
