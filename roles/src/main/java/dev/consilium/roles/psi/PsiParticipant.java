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
import dev.consilium.mpc.psi.PsiIds;
import dev.consilium.mpc.psi.PsiParty;
import dev.consilium.mpc.psi.PsiPoints;
import dev.consilium.runtime.discovery.Directory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One member's side of one session, the leader's own included. It asks the member's {@link PsiPolicy}
 * (unless it leads), checks its ids and accepts with their number; then, once the leader sends the roster,
 * it hashes and blinds its ids in its secret order, sends that list through every other party in turn
 * (each blinds every point with its key and sends it back in the same order), sends the fully blinded list
 * to the leader, and meanwhile blinds the other parties' lists as they come. Its result is the leader's
 * positions mapped back to its ids, if designated, or word that the session completed.
 *
 * <p>What it learns: every party's set size; its own list blinded by the others (random points to it); the
 * other parties' lists blinded by some of the keys (random points as well); and, if designated, the
 * intersection. What it reveals: its set size, and its points, blinded with its key, never its ids, key or
 * order.
 *
 * <p>Every transfer is chunked with at most {@code maxInFlightChunks} chunks in flight; a chunk that is
 * malformed (wrong length, a point that is not valid, a repeat with other content, out of order beyond the
 * window) ends the session as refused; a chunk unanswered for {@code chunkTimeoutMs} ends it as timed out;
 * a party lost while this side still needs it ends it as participant lost; and so does the whole session's
 * deadline. Whoever ends the session tells every party.
 */
final class PsiParticipant extends AbstractBehavior<PsiParticipant.Command> {
  /** What this side answers to; local, from its {@link PsiMember}. */
  sealed interface Command {}

  /** A member's message for this session. */
  record Received(PsiMessage.ToParty message) implements Command {}

  /** The directory lost {@code did}. */
  record PartyLost(Did did, Directory.Loss loss) implements Command {}

  private record Answered(PsiAnswer answer, Throwable failure) implements Command {}

  private record Validated(PsiParty party, Throwable failure) implements Command {}

  private record Prepared(byte[][] chunks, Throwable failure) implements Command {}

  private record ReplyChecked(int pass, int index, byte[] points, Throwable failure) implements Command {}

  private record Blinded(Did requester, int index, byte[] points, Throwable failure) implements Command {}

  private record Mapped(List<String> ids, Throwable failure) implements Command {}

  private enum Tick implements Command { INSTANCE }

  private enum AnswerDeadline implements Command { INSTANCE }

  private enum SessionDeadline implements Command { INSTANCE }

  private enum Linger implements Command { INSTANCE }

  private enum Phase {
    ASKING, VALIDATING, JOINED, MAPPING,
    /** Ended; the actor lingers to answer repeats, then stops. */
    DONE, FAILED, DECLINED
  }

  private final PsiSettings settings;
  private final Did self;
  private final PsiMessage.Invite invite;
  private final ActorRef<PsiMember.Command> member;
  private final TimerScheduler<Command> timers;
  private final Executor cpu;
  private final SecureRandom random = new SecureRandom();
  private Phase phase = Phase.ASKING;
  private ActorRef<PsiResult> resultTo;
  private String declined;
  /** How the session ended here, once it did not complete. */
  private Outcome endOutcome;
  private String endReason;
  private PsiParty party;
  /** Every party's set size, in the invitation's party order; null before the roster. */
  private List<Integer> roster;
  /** The other parties, in the order this side's list goes through them. */
  private List<Did> passPeers = List.of();
  /** This member's list as it stands, by chunk; null until hashed. */
  private byte[][] current;
  private int passIndex;
  private OutgoingChunks pass;
  private byte[][] passReplies;
  private OutgoingChunks upload;
  private final Map<Did, IncomingChunks> serving = new HashMap<>();
  /**
   * Chunks that came before the roster, a window's worth per sender: a party starts once it has the roster,
   * which may reach it before this side, and sending them again would wait a whole chunk retry.
   */
  private final Map<Did, List<PsiMessage.BlindRequest>> early = new HashMap<>();
  private ResultParts resultLayout;
  private IncomingChunks results;
  private byte[][] resultBitmaps;

  private PsiParticipant(ActorContext<Command> context, TimerScheduler<Command> timers, PsiSettings settings,
      Did self, PsiMessage.Invite invite, ActorRef<PsiMember.Command> member) {
    super(context);
    context.setLoggerName(PsiParticipant.class);
    this.timers = timers;
    this.settings = settings;
    this.self = self;
    this.invite = invite;
    this.member = member;
    this.cpu = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  /**
   * This member's side of the session {@code invite} opens. {@code preset}: the leader's own ids and
   * caller; null to ask {@code policy}.
   */
  static Behavior<Command> create(PsiSettings settings, Did self, PsiMessage.Invite invite, PsiAnswer.Join preset,
      PsiPolicy policy, ActorRef<PsiMember.Command> member) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new PsiParticipant(context, timers, settings, self, invite, member).start(preset, policy)));
  }

  private Behavior<Command> start(PsiAnswer.Join preset, PsiPolicy policy) {
    String problem = InviteChecks.problem(invite, self, settings);
    if (problem != null) {
      if (preset != null) {
        resultTo = preset.resultTo();
      }
      return decline(problem, problem);
    }
    int selfIndex = invite.parties().indexOf(self);
    List<Did> peers = new ArrayList<>();
    for (int step = 1; step < invite.parties().size(); step++) {
      // Each party starts with the one after it, so no member serves everyone's first pass at once.
      peers.add(invite.parties().get((selfIndex + step) % invite.parties().size()));
    }
    passPeers = List.copyOf(peers);
    timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(settings.retryIntervalMs()));
    timers.startSingleTimer(SessionDeadline.INSTANCE, Duration.ofMillis(sessionTimeoutMs()));
    if (preset != null) {
      return join(preset);
    }
    timers.startSingleTimer(AnswerDeadline.INSTANCE, Duration.ofMillis(settings.inviteTimeoutMs()));
    PsiInvitation invitation = new PsiInvitation(invite.sessionId(), invite.from(), invite.parties(),
        invite.designated(), invite.purpose());
    CompletionStage<PsiAnswer> answer;
    try {
      answer = policy.answer(invitation);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(answer, Answered::new);
    return this;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Received.class, this::onReceived)
        .onMessage(PartyLost.class, this::onPartyLost)
        .onMessage(Answered.class, this::onAnswered)
        .onMessage(Validated.class, this::onValidated)
        .onMessage(Prepared.class, this::onPrepared)
        .onMessage(ReplyChecked.class, this::onReplyChecked)
        .onMessage(Blinded.class, this::onBlinded)
        .onMessage(Mapped.class, this::onMapped)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessageEquals(AnswerDeadline.INSTANCE, this::onAnswerDeadline)
        .onMessageEquals(SessionDeadline.INSTANCE, this::onSessionDeadline)
        .onMessageEquals(Linger.INSTANCE, Behaviors::stopped)
        .build();
  }

  // ---- joining ----

  private Behavior<Command> onAnswered(Answered answered) {
    if (phase != Phase.ASKING) {
      // The deadline passed first, or the session ended: a caller named now still hears how it ended.
      if (answered.answer() instanceof PsiAnswer.Join late && ended()) {
        late.resultTo().tell(new PsiResult.Failed(invite.sessionId(), endOutcome, endReason));
      }
      return this;
    }
    if (answered.failure() != null) {
      // The details may name this member's data: they stay in its log.
      getContext().getLog().error("PSI session {}: the policy failed", invite.sessionId(), answered.failure());
      return decline("the member's policy failed", null);
    }
    if (answered.answer() instanceof PsiAnswer.Join join) {
      return join(join);
    }
    if (answered.answer() instanceof PsiAnswer.Refuse refuse) {
      return decline(refuse.reason(), null);
    }
    return decline("the member's policy gave no answer", null);
  }

  private Behavior<Command> join(PsiAnswer.Join join) {
    resultTo = join.resultTo();
    phase = Phase.VALIDATING;
    List<String> ids = new ArrayList<>(join.ids());
    getContext().pipeToSelf(PsiWork.run(cpu, () ->
        PsiParty.create(invite.sessionId(), PsiIds.of(ids, settings.maxIds()), random)), Validated::new);
    return this;
  }

  private Behavior<Command> onValidated(Validated validated) {
    if (phase != Phase.VALIDATING) {
      return this;
    }
    if (validated.failure() != null) {
      // The caller hears which id was wrong; the leader only that the ids were not acceptable.
      return decline("its ids were not acceptable",
          "this member's ids were refused: " + PsiWork.message(validated.failure()));
    }
    party = validated.party();
    phase = Phase.JOINED;
    send(invite.from(), new PsiMessage.Accept(invite.sessionId(), self, party.size()));
    ChunkLayout layout = new ChunkLayout(party.size(), invite.chunkPoints());
    PsiParty own = party;
    getContext().pipeToSelf(PsiWork.run(cpu, () -> {
      byte[][] chunks = new byte[layout.count()][];
      for (int i = 0; i < chunks.length; i++) {
        chunks[i] = PsiPoints.join(own.ownPoints(layout.from(i), layout.from(i) + layout.itemsIn(i)));
      }
      return chunks;
    }), Prepared::new);
    return this;
  }

  private Behavior<Command> onPrepared(Prepared prepared) {
    if (phase != Phase.JOINED) {
      return this;
    }
    if (prepared.failure() != null) {
      return fail(Outcome.REFUSED, self + " could not hash its ids: " + PsiWork.message(prepared.failure()));
    }
    current = prepared.chunks();
    return startPassesIfReady();
  }

  // ---- messages ----

  private Behavior<Command> onReceived(Received received) {
    PsiMessage.ToParty message = received.message();
    if (message.from() == null || !invite.parties().contains(message.from())) {
      getContext().getLog().warn("PSI session {}: ignoring a {} from {}, not a party", invite.sessionId(),
          message.getClass().getSimpleName(), message.from());
      return this;
    }
    if (message instanceof PsiMessage.Invite) {
      return onRepeatedInvite();
    } else if (message instanceof PsiMessage.Abort abort) {
      return onAbort(abort);
    } else if (ended() && phase != Phase.DONE) {
      return this;
    } else if (message instanceof PsiMessage.BlindRequest request && roster == null && !ended()) {
      return keepEarly(request);
    } else if (message instanceof PsiMessage.ResultPart part) {
      return fromLeader(part) ? onResultPart(part) : this;
    } else if (phase != Phase.JOINED) {
      return this;
    } else if (message instanceof PsiMessage.Begin begin) {
      return fromLeader(begin) ? onBegin(begin) : this;
    } else if (message instanceof PsiMessage.BlindRequest request) {
      return onBlindRequest(request);
    } else if (message instanceof PsiMessage.BlindReply reply) {
      return onBlindReply(reply);
    } else if (message instanceof PsiMessage.FinalAck ack) {
      return fromLeader(ack) ? onFinalAck(ack) : this;
    }
    return this;
  }

  private Behavior<Command> onRepeatedInvite() {
    if (phase == Phase.DECLINED) {
      send(invite.from(), new PsiMessage.Decline(invite.sessionId(), self, declined));
    } else if (party != null && !ended()) {
      send(invite.from(), new PsiMessage.Accept(invite.sessionId(), self, party.size()));
    }
    return this;
  }

  private Behavior<Command> onBegin(PsiMessage.Begin begin) {
    if (roster != null) {
      if (!roster.equals(begin.items())) {
        return fail(Outcome.REFUSED, "the leader sent two different rosters");
      }
      send(invite.from(), new PsiMessage.Began(invite.sessionId(), self));
      return this;
    }
    String problem = rosterProblem(begin.items());
    if (problem != null) {
      return fail(Outcome.REFUSED, "the leader's roster is malformed: " + problem);
    }
    roster = List.copyOf(begin.items());
    for (int i = 0; i < invite.parties().size(); i++) {
      Did other = invite.parties().get(i);
      if (!other.equals(self)) {
        int count = new ChunkLayout(roster.get(i), invite.chunkPoints()).count();
        serving.put(other, new IncomingChunks(count, invite.maxInFlightChunks()));
      }
    }
    resultLayout = new ResultParts(invite.designated().contains(self), party.size(), invite.chunkPoints());
    results = new IncomingChunks(resultLayout.count(), invite.maxInFlightChunks());
    resultBitmaps = new byte[resultLayout.count()][];
    send(invite.from(), new PsiMessage.Began(invite.sessionId(), self));
    Behavior<Command> next = startPassesIfReady();
    List<PsiMessage.BlindRequest> waiting = early.values().stream().flatMap(List::stream).toList();
    early.clear();
    for (PsiMessage.BlindRequest request : waiting) {
      if (phase != Phase.JOINED) {
        break;
      }
      next = onBlindRequest(request);
    }
    return next;
  }

  private Behavior<Command> keepEarly(PsiMessage.BlindRequest request) {
    List<PsiMessage.BlindRequest> kept = early.computeIfAbsent(request.from(), from -> new ArrayList<>());
    if (kept.size() < invite.maxInFlightChunks()) {
      kept.add(request);
    }
    return this;
  }

  private String rosterProblem(List<Integer> items) {
    if (items == null || items.size() != invite.parties().size()) {
      return "it lists " + (items == null ? 0 : items.size()) + " sizes for " + invite.parties().size() + " parties";
    }
    for (int i = 0; i < items.size(); i++) {
      Integer size = items.get(i);
      if (size == null || size < 0 || size > settings.maxIds()) {
        return "size " + size + " of " + invite.parties().get(i) + " is not in 0.." + settings.maxIds();
      }
    }
    int own = items.get(invite.parties().indexOf(self));
    if (own != party.size()) {
      return "it gives this member " + own + " ids, not the " + party.size() + " it accepted with";
    }
    return null;
  }

  // ---- this member's list through the others, then to the leader ----

  private Behavior<Command> startPassesIfReady() {
    if (roster == null || current == null || pass != null || upload != null) {
      return this;
    }
    passIndex = 0;
    return openPass();
  }

  /** Opens the pass through the next peer, skipping passes with nothing to send; after the last, the upload. */
  private Behavior<Command> openPass() {
    while (passIndex < passPeers.size()) {
      pass = new OutgoingChunks(current.length, invite.maxInFlightChunks());
      passReplies = new byte[current.length][];
      if (!pass.complete()) {
        pump();
        return this;
      }
      passIndex++;
    }
    pass = null;
    upload = new OutgoingChunks(current.length, invite.maxInFlightChunks());
    pump();
    return this;
  }

  private Behavior<Command> onBlindReply(PsiMessage.BlindReply reply) {
    int peerPass = passPeers.indexOf(reply.from());
    if (pass == null || peerPass != passIndex) {
      boolean stale = peerPass >= 0 && (peerPass < passIndex || (pass == null && upload != null));
      return stale ? this : fail(Outcome.REFUSED, reply.from() + " sent blinded chunk " + reply.index()
          + " of a pass that is not its");
    }
    switch (pass.answer(reply.index())) {
      case NOT_SENT -> {
        return fail(Outcome.REFUSED, reply.from() + " sent blinded chunk " + reply.index() + ", which was never sent"
            + " to it");
      }
      case REPEAT -> {
        return this;
      }
      case NEW -> { }
    }
    int expected = new ChunkLayout(party.size(), invite.chunkPoints()).itemsIn(reply.index());
    byte[] points = reply.points() == null ? new byte[0] : reply.points();
    int passNow = passIndex;
    getContext().pipeToSelf(PsiWork.run(cpu, () -> {
      PsiPoints.checkAll(PsiPoints.split(points, expected));
      return points;
    }), (checked, failure) -> new ReplyChecked(passNow, reply.index(), checked, failure));
    return this;
  }

  private Behavior<Command> onReplyChecked(ReplyChecked checked) {
    if (phase != Phase.JOINED || pass == null || checked.pass() != passIndex) {
      return this;
    }
    Did peer = passPeers.get(passIndex);
    if (checked.failure() != null) {
      return fail(Outcome.REFUSED, "blinded chunk " + checked.index() + " from " + peer + " refused: "
          + PsiWork.message(checked.failure()));
    }
    passReplies[checked.index()] = checked.points();
    pass.settle(checked.index());
    if (!pass.complete()) {
      pump();
      return this;
    }
    current = passReplies;
    passIndex++;
    return openPass();
  }

  private Behavior<Command> onFinalAck(PsiMessage.FinalAck ack) {
    if (upload == null) {
      return this;
    }
    switch (upload.answer(ack.index())) {
      case NOT_SENT -> {
        return fail(Outcome.REFUSED, "the leader acknowledged final chunk " + ack.index() + ", which was never sent");
      }
      case REPEAT -> {
        return this;
      }
      case NEW -> upload.settle(ack.index());
    }
    pump();
    return this;
  }

  /** Sends what is due on the running pass or the upload: new chunks while the window has room, and retries. */
  private void pump() {
    long now = nowMs();
    if (pass != null) {
      Did peer = passPeers.get(passIndex);
      for (int index : pass.due(now, settings.chunkRetryMs())) {
        send(peer, new PsiMessage.BlindRequest(invite.sessionId(), self, index, current[index]));
      }
    } else if (upload != null) {
      for (int index : upload.due(now, settings.chunkRetryMs())) {
        send(invite.from(), new PsiMessage.FinalChunk(invite.sessionId(), self, index, current[index]));
      }
    }
  }

  // ---- the other parties' lists through this member ----

  private Behavior<Command> onBlindRequest(PsiMessage.BlindRequest request) {
    IncomingChunks incoming = serving.get(request.from());
    if (incoming == null) {
      return this; // from this member itself, which never asks itself
    }
    IncomingChunks.Verdict verdict = incoming.admit(request.index(), request.points());
    switch (verdict.kind()) {
      case NEW, REPEAT -> blindFor(request);
      case IGNORE -> { }
      case REFUSE -> {
        return fail(Outcome.REFUSED, "chunk from " + request.from() + " refused: " + verdict.reason());
      }
    }
    return this;
  }

  private void blindFor(PsiMessage.BlindRequest request) {
    int size = roster.get(invite.parties().indexOf(request.from()));
    int expected = new ChunkLayout(size, invite.chunkPoints()).itemsIn(request.index());
    byte[] points = request.points() == null ? new byte[0] : request.points();
    PsiParty own = party;
    getContext().pipeToSelf(PsiWork.run(cpu, () -> PsiPoints.join(own.blindForPeer(PsiPoints.split(points, expected)))),
        (blinded, failure) -> new Blinded(request.from(), request.index(), blinded, failure));
  }

  private Behavior<Command> onBlinded(Blinded blinded) {
    if (phase != Phase.JOINED) {
      return this;
    }
    if (blinded.failure() != null) {
      return fail(Outcome.REFUSED, "chunk " + blinded.index() + " from " + blinded.requester() + " refused: "
          + PsiWork.message(blinded.failure()));
    }
    send(blinded.requester(), new PsiMessage.BlindReply(invite.sessionId(), self, blinded.index(), blinded.points()));
    serving.get(blinded.requester()).done(blinded.index());
    return this;
  }

  // ---- the result ----

  private Behavior<Command> onResultPart(PsiMessage.ResultPart part) {
    if (results == null) {
      return this; // before the roster: the leader sends it again
    }
    IncomingChunks.Verdict verdict = results.admit(part.index(), part.bitmap());
    switch (verdict.kind()) {
      case NEW -> {
        String problem = resultLayout.problem(part.index(), part.bitmap());
        if (problem != null) {
          return fail(Outcome.REFUSED, "the leader's result is malformed: " + problem);
        }
        resultBitmaps[part.index()] = part.bitmap() == null ? new byte[0] : part.bitmap();
      }
      case REPEAT -> { }
      case IGNORE -> {
        return this;
      }
      case REFUSE -> {
        return fail(Outcome.REFUSED, "result part refused: " + verdict.reason());
      }
    }
    results.done(part.index());
    send(invite.from(), new PsiMessage.ResultAck(invite.sessionId(), self, part.index()));
    return phase == Phase.JOINED && results.complete() ? deliver() : this;
  }

  private Behavior<Command> deliver() {
    phase = Phase.MAPPING;
    if (!resultLayout.designated()) {
      resultTo.tell(new PsiResult.SizesOnly(invite.sessionId(), sizes()));
      return done("sizes only");
    }
    int[] positions = resultLayout.decode(Arrays.asList(resultBitmaps));
    PsiParty own = party;
    getContext().pipeToSelf(PsiWork.run(cpu, () -> own.idsAt(positions)), Mapped::new);
    return this;
  }

  private Behavior<Command> onMapped(Mapped mapped) {
    if (phase != Phase.MAPPING) {
      return this;
    }
    if (mapped.failure() != null) {
      return fail(Outcome.REFUSED, "the leader's result is malformed: " + PsiWork.message(mapped.failure()));
    }
    resultTo.tell(new PsiResult.Intersection(invite.sessionId(), mapped.ids(), sizes()));
    return done(mapped.ids().size() + " common ids");
  }

  private Map<Did, Integer> sizes() {
    Map<Did, Integer> sizes = new HashMap<>();
    for (int i = 0; i < invite.parties().size(); i++) {
      sizes.put(invite.parties().get(i), roster.get(i));
    }
    return sizes;
  }

  // ---- endings ----

  private Behavior<Command> onAbort(PsiMessage.Abort abort) {
    if (ended()) {
      return this;
    }
    Outcome outcome = abort.outcome() == null ? Outcome.REFUSED : abort.outcome();
    return end(outcome, abort.from() + " ended the session: " + PsiReasons.fit(abort.reason()), false);
  }

  private Behavior<Command> onPartyLost(PartyLost lost) {
    if (ended() || lost.did().equals(self) || !invite.parties().contains(lost.did())) {
      return this;
    }
    boolean uploaded = upload != null && upload.complete();
    if (uploaded && !lost.did().equals(invite.from())) {
      return this; // this side needs only the leader now; the leader decides for the others
    }
    return fail(Outcome.PARTICIPANT_LOST, "party " + lost.did() + " " + PsiReasons.describe(lost.loss()));
  }

  private Behavior<Command> onTick() {
    if (phase != Phase.JOINED) {
      return this;
    }
    long now = nowMs();
    if (pass != null) {
      int late = pass.overdue(now, settings.chunkTimeoutMs());
      if (late >= 0) {
        return fail(Outcome.TIMED_OUT, passPeers.get(passIndex) + " did not blind chunk " + late + " within "
            + settings.chunkTimeoutMs() + " ms");
      }
    } else if (upload != null) {
      int late = upload.overdue(now, settings.chunkTimeoutMs());
      if (late >= 0) {
        return fail(Outcome.TIMED_OUT, "the leader " + invite.from() + " did not take final chunk " + late
            + " within " + settings.chunkTimeoutMs() + " ms");
      }
    }
    pump();
    return this;
  }

  private Behavior<Command> onAnswerDeadline() {
    return phase == Phase.ASKING ? decline("the member's policy did not answer within " + settings.inviteTimeoutMs()
        + " ms", null) : this;
  }

  private Behavior<Command> onSessionDeadline() {
    return ended() ? this
        : fail(Outcome.TIMED_OUT, "no result within " + sessionTimeoutMs() + " ms of the invitation");
  }

  /** Declines the invitation with {@code reason} for the leader; the caller, if known, hears {@code detail}. */
  private Behavior<Command> decline(String reason, String detail) {
    declined = PsiReasons.fit(reason);
    phase = Phase.DECLINED;
    endOutcome = Outcome.REFUSED;
    endReason = "this member declined: " + declined;
    send(invite.from(), new PsiMessage.Decline(invite.sessionId(), self, declined));
    if (resultTo != null) {
      resultTo.tell(new PsiResult.Failed(invite.sessionId(), Outcome.REFUSED,
          PsiReasons.fit(detail != null ? detail : reason)));
    }
    getContext().getLog().info("PSI session {}: declined: {}", invite.sessionId(), declined);
    return linger();
  }

  /** Ends the session with {@code reason} for this member's caller and every party. */
  private Behavior<Command> fail(Outcome outcome, String reason) {
    return end(outcome, reason, true);
  }

  private Behavior<Command> end(Outcome outcome, String reason, boolean tellParties) {
    String fitted = PsiReasons.fit(reason);
    phase = Phase.FAILED;
    endOutcome = outcome;
    endReason = fitted;
    if (resultTo != null) {
      resultTo.tell(new PsiResult.Failed(invite.sessionId(), outcome, fitted));
    }
    if (tellParties) {
      // This member's own leader, if it leads, hears it through its member like the others.
      for (Did other : invite.parties()) {
        send(other, new PsiMessage.Abort(invite.sessionId(), self, outcome, fitted));
      }
    }
    getContext().getLog().info("PSI session {} ended {}: {}", invite.sessionId(), outcome, fitted);
    return linger();
  }

  private Behavior<Command> done(String what) {
    phase = Phase.DONE;
    getContext().getLog().info("PSI session {} completed here: {}", invite.sessionId(), what);
    return linger();
  }

  /** Stays a little to answer repeats of messages whose answers were lost, then stops. */
  private Behavior<Command> linger() {
    timers.cancelAll();
    timers.startSingleTimer(Linger.INSTANCE, Duration.ofMillis(3 * settings.retryIntervalMs()));
    return this;
  }

  private boolean ended() {
    return phase == Phase.DONE || phase == Phase.FAILED || phase == Phase.DECLINED;
  }

  private boolean fromLeader(PsiMessage message) {
    return invite.from().equals(message.from());
  }

  private long sessionTimeoutMs() {
    return Math.min(invite.sessionTimeoutMs(), settings.sessionTimeoutMs());
  }

  private void send(Did to, PsiMessage message) {
    member.tell(new PsiMember.Send(to, message));
  }

  private static long nowMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }
}
