package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.storage.JournalTruncation;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.runtime.ledger.MembershipView;
import dev.consilium.runtime.serialization.CborSerializable;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A member's side of the replicated ledger (DESIGN §4): it owns the local {@link LedgerReplica} and the
 * {@link EpochLog}, answers sequencers (promises, blocks to append) and peers (blocks to catch up from).
 *
 * <p>Rules that keep a committed block from being lost or replaced:
 * <ul>
 *   <li>a promise to epoch e is on disk before it is answered, and from then on blocks sent under an older
 *       epoch are refused ({@link Replicated.Status#STALE_EPOCH});</li>
 *   <li>every block is re-checked by the replica ({@link BlockRules}) before it is persisted, whoever sent it;</li>
 *   <li>only a block above the highest committed height this endpoint has heard of may be dropped, and only
 *       in favour of a block of a later epoch at the same height: the later epoch's sequencer caught up from a
 *       majority before it sealed anything, so it holds every committed block.</li>
 * </ul>
 *
 * <p>One change at a time: while the replica appends, truncates or the promise is written, other requests
 * wait in a bounded stash. Reads (heads, blocks for peers) are answered at once.
 */
public final class ReplicaEndpoint extends AbstractBehavior<ReplicaEndpoint.Command> {
  /** Every member's endpoint registers under this key; sequencers and peers find each other through it. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "consilium-ledger-replica");
  private static final int STASH_CAPACITY = 10_000;
  /** A replica remembers this many recent block hashes, to answer a repeated block without reading disk. */
  private static final int RECENT_HASHES = 1_024;
  /** Bounds the truncations of one catch-up; a correct sequencer leaves at most one uncommitted block. */
  private static final int MAX_TRUNCATIONS_PER_CATCH_UP = 16;
  /** Blocks with fewer entries are checked on the replica's thread alone; larger ones on every core first. */
  private static final int PARALLEL_CHECK_MIN_ENTRIES = 32;

  /** What the endpoint answers to. */
  public sealed interface Command {}

  /** From a sequencer opening {@code epoch}: promise to refuse older epochs, and report the head. */
  public record Promise(long epoch, Did sequencer, ActorRef<Promised> replyTo)
      implements Command, CborSerializable {}

  /** The answer to {@link Promise}; when not granted, {@code promisedEpoch} says which epoch to exceed. */
  public record Promised(Did replica, ActorRef<Command> endpoint, long epoch, boolean granted, long promisedEpoch,
      long headHeight, Sha256Hash headHash, long headEpoch) implements CborSerializable {}

  /**
   * From the sequencer of {@code epoch}: persist {@code block}. {@code committedHeight} is the height up to
   * which the sequencer knows blocks are committed; {@code source} is an endpoint that holds the blocks
   * before this one, to catch up from.
   */
  public record Replicate(long epoch, Block block, long committedHeight, ActorRef<Command> source,
      ActorRef<Replicated> replyTo) implements Command, CborSerializable {}

  /** The answer to {@link Replicate}. */
  public record Replicated(Did replica, ActorRef<Command> endpoint, long epoch, long height, Sha256Hash blockHash,
      Status status, String detail) implements CborSerializable {
    public enum Status { ACCEPTED, STALE_EPOCH, CATCHING_UP, REFUSED }
  }

  /**
   * From the sequencer of {@code epoch}: block {@code height} of hash {@code hash} is committed. A replica
   * that holds that very block learns its committed height from it (otherwise only the next block tells).
   */
  public record Committed(long epoch, long height, Sha256Hash hash) implements Command, CborSerializable {}

  /** From a peer catching up: blocks from {@code fromHeight} on, answered to the peer's endpoint. */
  public record GetBlocks(long fromHeight, int maxBlocks, ActorRef<Command> replyTo)
      implements Command, CborSerializable {}

  /**
   * Blocks {@code fromHeight}, {@code fromHeight + 1}, ... of {@code peer}, whose head is at {@code peerHead}
   * and who knows its chain committed up to {@code peerCommitted}.
   */
  public record Blocks(Did peer, long fromHeight, List<Block> blocks, long peerHead, long peerCommitted)
      implements Command, CborSerializable {}

  /** This endpoint's head, promise and committed height as it knows it. */
  public record GetHead(ActorRef<Head> replyTo) implements Command, CborSerializable {}

  public record Head(Did replica, long height, Sha256Hash hash, long epoch, long promisedEpoch,
      long committedHeight) implements CborSerializable {}

  /** Local only: the replica's state (head and ledger state). */
  public record GetState(ActorRef<ReplicaState> replyTo) implements Command {}

  /**
   * Local only, from a sequencer opening an epoch: hold {@code peer}'s head, block {@code targetHeight} of hash
   * {@code targetHash} and epoch {@code targetEpoch}, catching up from {@code peer} as needed.
   */
  public record CatchUp(ActorRef<Command> peer, long targetHeight, Sha256Hash targetHash, long targetEpoch,
      ActorRef<StatusReply<Head>> replyTo) implements Command {}

  private record ReplicaStarted(ReplicaState state) implements Command {}

  private record ReplicaFailed(String what, Throwable cause) implements Command {}

  private record AppendDone(Block block, Throwable failure) implements Command {}

  private record PreVerified(Block block) implements Command {}

  private record StateRead(ReplicaState state) implements Command {}

  private record PromiseDone(Promise request, EpochLog.Promise promise, Throwable failure) implements Command {}

  private record RaiseDone(EpochLog.Promise promise, Throwable failure) implements Command {}

  private record PromiseLoaded(EpochLog.Promise promise, Throwable failure) implements Command {}

  private record ReplicaStopped(long keepHeight) implements Command {}

  private record Truncated(Throwable failure) implements Command {}

  private record PeersChanged(Set<ActorRef<Command>> peers) implements Command {}

  private record BlocksRead(GetBlocks request, List<Block> blocks, Throwable failure) implements Command {}

  private enum Tick implements Command { INSTANCE }

  private enum CatchUpTimedOut implements Command { INSTANCE }

  /** A catch-up in progress: from whom, how far, who waits for it, and the request it interrupted. */
  private static final class CatchUpRun {
    final ActorRef<Command> peer;
    final long targetHeight; // -1: as far as the peer goes
    final Sha256Hash targetHash; // null when not known
    final long targetEpoch; // -1 when not known
    final List<ActorRef<StatusReply<Head>>> waiters = new ArrayList<>();
    Replicate interrupted;
    int truncations;
    long peerCommitted = -1; // the peer's committed height, once this replica's head is found on its chain

    CatchUpRun(ActorRef<Command> peer, long targetHeight, Sha256Hash targetHash, long targetEpoch) {
      this.peer = peer;
      this.targetHeight = targetHeight;
      this.targetHash = targetHash;
      this.targetEpoch = targetEpoch;
    }

    boolean reachedBy(BlockHeader head, Sha256Hash hashAtTarget) {
      return head != null && head.height() >= targetHeight
          && (targetHash == null || targetHash.equals(hashAtTarget));
    }
  }

  private final ActorContext<Command> context;
  private final StashBuffer<Command> stash;
  private final TimerScheduler<Command> timers;
  private final Did self;
  private final String channel;
  private final BlockRules rules;
  private final int snapshotEveryBlocks;
  private final StorageSettings storage;
  private final Block genesis;
  private final MembershipView membership;
  private final ReplicationSettings settings;
  private final ActorRef<EpochLog.Command> epochLog;
  private final BlockReader blockReader;
  private final Executor verifiers;

  private ActorRef<LedgerReplica.Command> replica;
  private int replicaGeneration;
  private BlockHeader head; // null until the replica has started
  private EpochLog.Promise promise; // loaded before the replica starts
  private long committedHeight; // the highest height known committed; blocks at or below are never dropped
  // A commit notice for a block this replica did not hold yet: notices travel on the ordinary channel and
  // may overtake the block itself, which travels on the large-message channel. Kept until the block is here.
  private Committed earlyNotice;
  private final Map<Long, Sha256Hash> recentHashes = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Sha256Hash> eldest) {
      return size() > RECENT_HASHES;
    }
  };
  private boolean busy; // a change is under way: the replica appends or truncates, or a promise is written
  private final Deque<Block> toAppend = new ArrayDeque<>(); // catch-up blocks waiting for the replica
  private CatchUpRun catchUp;
  private Replicate lastInterrupted; // the request the last catch-up was for: not a reason for another one
  private Sha256Hash refusedHash; // the last block the replica refused, and why: answered to its retries
  private String refusal;
  private List<ActorRef<Command>> peers = List.of();

  private ReplicaEndpoint(ActorContext<Command> context, StashBuffer<Command> stash, TimerScheduler<Command> timers,
      Did self, BlockRules rules, int snapshotEveryBlocks, StorageSettings storage, Block genesis,
      MembershipView membership, ReplicationSettings settings) {
    super(context);
    this.context = context;
    this.stash = stash;
    this.timers = timers;
    this.self = self;
    this.rules = rules;
    this.snapshotEveryBlocks = snapshotEveryBlocks;
    this.storage = storage;
    this.genesis = genesis;
    this.membership = membership;
    this.settings = settings;
    this.channel = genesis.entries().get(0).channel();
    this.epochLog = context.spawn(EpochLog.create(channel), "epoch-log");
    this.blockReader = new BlockReader(context.getSystem(), channel);
    this.verifiers = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  /**
   * The endpoint of member {@code self} for the ledger that starts with {@code genesis} (the pinned block:
   * a local journal that starts otherwise stops the endpoint). Each committed state's membership is
   * published to {@code membership}.
   */
  public static Behavior<Command> create(Did self, BlockRules rules, int snapshotEveryBlocks, StorageSettings storage,
      Block genesis, MembershipView membership, ReplicationSettings settings) {
    return Behaviors.withStash(STASH_CAPACITY, stash -> Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      ReplicaEndpoint endpoint = new ReplicaEndpoint(context, stash, timers, self, rules, snapshotEveryBlocks,
          storage, genesis, membership, settings);
      context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
      context.getSystem().receptionist().tell(Receptionist.subscribe(KEY,
          context.messageAdapter(Receptionist.Listing.class, listing -> new PeersChanged(listing.getServiceInstances(KEY)))));
      // The promise first, then the replica: one operation at a time from the start.
      endpoint.busy = true;
      context.ask(EpochLog.Promise.class, endpoint.epochLog, settings.localAskTimeout(), EpochLog.Get::new,
          PromiseLoaded::new);
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(settings.catchUpIntervalMs()));
      return endpoint;
    })));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        // Answers to this endpoint's own operations, and reads, are handled at once.
        .onMessage(ReplicaStarted.class, this::onReplicaStarted)
        .onMessage(ReplicaFailed.class, failed -> {
          throw new IllegalStateException("ledger replica " + failed.what(), failed.cause());
        })
        .onMessage(AppendDone.class, this::onAppendDone)
        .onMessage(PreVerified.class, this::onPreVerified)
        .onMessage(StateRead.class, this::onStateRead)
        .onMessage(PromiseDone.class, this::onPromiseDone)
        .onMessage(RaiseDone.class, this::onRaiseDone)
        .onMessage(PromiseLoaded.class, this::onPromiseLoaded)
        .onMessage(ReplicaStopped.class, this::onReplicaStopped)
        .onMessage(Truncated.class, this::onTruncated)
        .onMessage(PeersChanged.class, this::onPeersChanged)
        .onMessage(GetBlocks.class, this::onGetBlocks)
        .onMessage(BlocksRead.class, this::onBlocksRead)
        .onMessage(GetHead.class, this::onGetHead)
        .onMessage(GetState.class, this::onGetState)
        .onMessage(Blocks.class, this::onBlocks)
        .onMessage(Committed.class, this::onCommitted)
        .onMessageEquals(CatchUpTimedOut.INSTANCE, this::onCatchUpTimedOut)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        // Changes wait while another change is under way.
        .onMessage(Promise.class, this::onPromise)
        .onMessage(Replicate.class, this::onReplicate)
        .onMessage(CatchUp.class, this::onCatchUp)
        .build();
  }

  // ---- start-up and the replica child ----

  private void startReplica() {
    busy = true;
    replicaGeneration++;
    replica = context.spawn(LedgerReplica.create(channel, rules, snapshotEveryBlocks), "replica-" + replicaGeneration);
    context.watchWith(replica, new ReplicaStopped(-1));
    context.ask(ReplicaState.class, replica, settings.localAskTimeout(), LedgerReplica.GetState::new,
        (state, failure) -> failure == null ? new ReplicaStarted(state) : new ReplicaFailed("did not start", failure));
  }

  private Behavior<Command> onReplicaStarted(ReplicaStarted started) {
    ReplicaState state = started.state();
    if (state.isEmpty()) {
      // A new member: its ledger starts with the pinned genesis block, checked like any other block.
      appendToReplica(genesis);
      return this;
    }
    head = state.head();
    publish(state);
    context.getLog().info("Ledger replica of {} at height {} ({})", self, head.height(), head.hash().toHex());
    if (catchUp != null) {
      requestBlocks(); // the replica restarted after dropping an uncommitted block: go on catching up
      return this;
    }
    if (replicaGeneration == 1) {
      checkPinnedGenesis();
    }
    return idle();
  }

  /** The journal on disk must start with the genesis this member was configured with. */
  private void checkPinnedGenesis() {
    busy = true;
    blockReader.read(0, 1, Long.MAX_VALUE).whenComplete((blocks, failure) -> {
      if (failure != null || blocks.isEmpty() || !blocks.get(0).hash().equals(genesis.hash())) {
        context.getSelf().tell(new ReplicaFailed("holds a ledger whose genesis block "
            + (failure != null || blocks.isEmpty() ? "cannot be read" : blocks.get(0).hash().toHex())
            + " is not the configured genesis " + genesis.hash().toHex(), failure));
      } else {
        context.getSelf().tell(new StateRead(null));
      }
    });
  }

  private Behavior<Command> onStateRead(StateRead read) {
    if (read.state() != null) {
      publish(read.state());
    }
    return idle();
  }

  private void publish(ReplicaState state) {
    membership.publish(state.ledger().membership());
  }

  // ---- promises ----

  private Behavior<Command> onPromise(Promise request) {
    if (busy || head == null) {
      return stashed(request);
    }
    busy = true;
    context.askWithStatus(EpochLog.Promise.class, epochLog, settings.localAskTimeout(),
        replyTo -> new EpochLog.Raise(request.epoch(), request.sequencer(), replyTo),
        (promised, failure) -> new PromiseDone(request, promised, failure));
    return this;
  }

  private Behavior<Command> onPromiseDone(PromiseDone done) {
    Promise request = done.request();
    boolean granted = done.failure() == null;
    if (granted) {
      promise = done.promise();
    }
    request.replyTo().tell(new Promised(self, context.getSelf(), request.epoch(), granted, promise.epoch(),
        head.height(), head.hash(), head.epoch()));
    return idle();
  }

  private Behavior<Command> onPromiseLoaded(PromiseLoaded loaded) {
    if (loaded.failure() != null) {
      throw new IllegalStateException("the epoch log did not recover", loaded.failure());
    }
    promise = loaded.promise();
    startReplica();
    return this;
  }

  private Behavior<Command> onRaiseDone(RaiseDone done) {
    if (done.failure() != null) {
      throw new IllegalStateException("the epoch log could not record epoch " + done.promise(), done.failure());
    }
    promise = done.promise();
    return idle();
  }

  // ---- blocks from the sequencer ----

  private Behavior<Command> onReplicate(Replicate request) {
    if (busy || head == null) {
      return stashed(request);
    }
    if (request.epoch() < promise.epoch()) {
      reply(request, Replicated.Status.STALE_EPOCH, "epoch " + promise.epoch() + " was promised to "
          + promise.sequencer());
      return this;
    }
    if (request.epoch() > promise.epoch()) {
      // A sequencer of a later epoch that did not ask this replica: record the later epoch first, so that
      // after a restart this replica still refuses the older one.
      busy = true;
      Did sequencer = request.block().header().sequencer();
      context.askWithStatus(EpochLog.Promise.class, epochLog, settings.localAskTimeout(),
          replyTo -> new EpochLog.Raise(request.epoch(), sequencer, replyTo),
          (promised, failure) -> new RaiseDone(promised, failure));
      stash.stash(request);
      return this;
    }
    Block block = request.block();
    long height = block.height();
    if (height <= head.height() && block.hash().equals(hashAt(height))) {
      // This replica holds the sequencer's block, hence (hash chain) every block before it: only now does
      // the sequencer's committed height say something about this replica's own blocks.
      committedHeight = Math.max(committedHeight, Math.min(request.committedHeight(), height));
      reply(request, Replicated.Status.ACCEPTED, "already held");
      return this;
    }
    if (height == head.height() + 1 && block.header().previousHash().equals(head.hash())) {
      if (answerRefusal(request)) {
        return this;
      }
      busy = true;
      appendToReplica(block);
      stash.stash(request); // answered from the new head once the append is done
      return this;
    }
    // Behind, or this replica's tip is a block that was never committed: catch up from the sender's side.
    if (catchUp != null || request == lastInterrupted) {
      reply(request, Replicated.Status.CATCHING_UP, "head is at " + head.height());
      return this;
    }
    catchUp = new CatchUpRun(request.source(), height - 1, block.header().previousHash(), -1);
    catchUp.interrupted = request;
    requestBlocks();
    return this;
  }

  private Behavior<Command> onAppendDone(AppendDone done) {
    if (done.failure() != null) {
      context.getLog().warn("Replica of {} refused block {}: {}", self, done.block().height(),
          done.failure().getMessage());
      // The stashed request that asked for it (if any) is answered with the refusal when it is replayed.
      refusedHash = done.block().hash();
      refusal = done.failure().getMessage();
      if (head == null) {
        throw new IllegalStateException("the configured genesis block is refused: " + refusal, done.failure());
      }
      toAppend.clear();
      if (catchUp != null) {
        finishCatchUp("a caught-up block was refused: " + refusal);
      }
      return idle();
    }
    head = done.block().header();
    recentHashes.put(head.height(), head.hash());
    learnCommittedFromPeer();
    if (earlyNotice != null && earlyNotice.height() <= head.height()) {
      applyNotice(earlyNotice);
      earlyNotice = null;
    }
    if (!toAppend.isEmpty()) {
      appendNextCaughtUp();
      return this;
    }
    context.ask(ReplicaState.class, replica, settings.localAskTimeout(), LedgerReplica.GetState::new,
        (state, failure) -> failure == null ? new StateRead(state) : new ReplicaFailed("did not report", failure));
    if (catchUp != null) {
      continueCatchUp();
    }
    return this;
  }

  /** During a catch-up whose peer's chain holds this replica's head: the peer's committed height is ours too. */
  private void learnCommittedFromPeer() {
    if (catchUp != null && catchUp.peerCommitted >= 0 && head != null) {
      committedHeight = Math.max(committedHeight, Math.min(catchUp.peerCommitted, head.height()));
    }
  }

  private void reply(Replicate request, Replicated.Status status, String detail) {
    request.replyTo().tell(new Replicated(self, context.getSelf(), request.epoch(), request.block().height(),
        request.block().hash(), status, detail));
  }

  /** Answers a replayed request whose block was refused by the replica. */
  private boolean answerRefusal(Replicate request) {
    if (refusedHash != null && refusedHash.equals(request.block().hash())) {
      reply(request, Replicated.Status.REFUSED, refusal);
      return true;
    }
    return false;
  }

  private Behavior<Command> onCommitted(Committed committed) {
    if (!applyNotice(committed) && head != null && committed.height() > head.height()
        && (earlyNotice == null || committed.height() > earlyNotice.height())) {
      earlyNotice = committed;
    }
    return this;
  }

  /** Raises the committed height by {@code notice} if this replica holds the block it names; says whether. */
  private boolean applyNotice(Committed notice) {
    // Only for this replica's own chain: a block it holds under that hash, hence every block before it.
    if (head != null && promise != null && notice.epoch() >= promise.epoch()
        && notice.hash().equals(hashAt(notice.height()))) {
      committedHeight = Math.max(committedHeight, notice.height());
      return true;
    }
    return false;
  }

  // ---- catch-up ----

  private Behavior<Command> onCatchUp(CatchUp request) {
    if (busy || head == null || catchUp != null) {
      return stashed(request);
    }
    CatchUpRun run = new CatchUpRun(request.peer(), request.targetHeight(), request.targetHash(),
        request.targetEpoch());
    if (run.reachedBy(head, hashAt(request.targetHeight()))) {
      request.replyTo().tell(StatusReply.success(headReport()));
      return this;
    }
    catchUp = run;
    catchUp.waiters.add(request.replyTo());
    requestBlocks();
    return this;
  }

  private Behavior<Command> onTick() {
    if (busy || catchUp != null || head == null || peers.isEmpty()) {
      return this;
    }
    ActorRef<Command> peer = peers.get(ThreadLocalRandom.current().nextInt(peers.size()));
    catchUp = new CatchUpRun(peer, -1, null, -1);
    requestBlocks();
    return this;
  }

  private void requestBlocks() {
    busy = true;
    catchUp.peer.tell(new GetBlocks(head.height(), settings.catchUpBatchBlocks(), context.getSelf()));
    timers.startSingleTimer(CatchUpTimedOut.INSTANCE, Duration.ofMillis(settings.catchUpTimeoutMs()));
  }

  private Behavior<Command> onBlocks(Blocks answer) {
    if (catchUp == null || answer.fromHeight() != head.height() || toAppend.size() > 0) {
      return this; // late or unasked-for: ignored
    }
    timers.cancel(CatchUpTimedOut.INSTANCE);
    List<Block> blocks = answer.blocks();
    if (blocks.isEmpty()) {
      if (catchUp.targetEpoch > head.epoch() && answer.peerHead() < head.height() && answer.peerHead() >= 0) {
        // The peer's chain is shorter but of a later epoch: our tip above its head was never committed.
        return dropTip(answer.peer(), catchUp.targetEpoch);
      }
      finishCatchUp(answer.peer() + " holds no block at height " + head.height());
      return idle();
    }
    Block first = blocks.get(0);
    if (!first.hash().equals(head.hash())) {
      return onDiverged(answer, first);
    }
    // Our head is the peer's block at that height, so up to it our chain is the peer's, and so is every block
    // we append from this answer: the peer's committed height holds for them too. A replica that restarted
    // from its journal learns a committed height this way, not only from the sequencer's next block.
    catchUp.peerCommitted = answer.peerCommitted();
    learnCommittedFromPeer();
    for (int i = 1; i < blocks.size(); i++) {
      toAppend.addLast(blocks.get(i));
    }
    if (toAppend.isEmpty()) {
      finishCatchUp(null);
      return idle();
    }
    appendNextCaughtUp();
    return this;
  }

  /** The peer holds another block at this replica's head height: drop ours only if it cannot be committed. */
  private Behavior<Command> onDiverged(Blocks answer, Block theirs) {
    return dropTip(answer.peer(), theirs.header().epoch());
  }

  /**
   * Drops this replica's tip for a peer's chain of {@code theirEpoch}, if the tip is of an older epoch and
   * above the committed height; otherwise keeps it and ends the catch-up.
   */
  private Behavior<Command> dropTip(Did peer, long theirEpoch) {
    if (theirEpoch <= head.epoch() || head.height() <= committedHeight || head.height() == 0
        || catchUp.truncations >= MAX_TRUNCATIONS_PER_CATCH_UP) {
      context.getLog().warn("Replica of {} and {} differ at height {} (ours epoch {}, theirs epoch {}); keeping ours",
          self, peer, head.height(), head.epoch(), theirEpoch);
      finishCatchUp("diverged from " + peer + " at height " + head.height());
      return idle();
    }
    catchUp.truncations++;
    catchUp.peerCommitted = -1; // learnt again from the next answer that finds our head on the peer's chain
    context.getLog().warn("Replica of {} drops its uncommitted block {} (epoch {}) for {}'s chain of epoch {}",
        self, head.height(), head.epoch(), peer, theirEpoch);
    long keepHeight = head.height() - 1;
    context.unwatch(replica);
    context.watchWith(replica, new ReplicaStopped(keepHeight));
    context.stop(replica);
    return this;
  }

  private Behavior<Command> onReplicaStopped(ReplicaStopped stopped) {
    if (stopped.keepHeight() < 0) {
      throw new IllegalStateException("the ledger replica of " + self + " stopped unexpectedly");
    }
    if (stopped.keepHeight() < committedHeight) {
      throw new IllegalStateException("refusing to truncate to height " + stopped.keepHeight()
          + " below the committed height " + committedHeight);
    }
    long keepSequenceNr = stopped.keepHeight() + 1; // sequence number = height + 1
    CompletableFuture.runAsync(() -> {
      try {
        JournalTruncation.truncateAbove(storage, LedgerReplica.persistenceId(channel), keepSequenceNr);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("truncating the ledger journal failed: " + e.getMessage(), e);
      }
    }, context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()))
        .whenComplete((ignored, failure) -> context.getSelf().tell(new Truncated(failure)));
    return this;
  }

  private Behavior<Command> onTruncated(Truncated truncated) {
    if (truncated.failure() != null) {
      throw new IllegalStateException("the ledger journal could not be truncated", truncated.failure());
    }
    recentHashes.remove(head.height());
    head = null;
    startReplica();
    return this;
  }

  /**
   * The replica checks the block and persists it, or refuses it; either way an {@link AppendDone} follows.
   * The entries' signatures, the main cost, are checked first on every core (the replica itself checks on
   * one thread, and then finds each verdict remembered by the entry).
   */
  private void appendToReplica(Block block) {
    busy = true;
    List<Entry> entries = block.entries();
    if (entries.size() < PARALLEL_CHECK_MIN_ENTRIES) {
      askAppend(block);
      return;
    }
    MembershipState members = membership.current();
    int parts = Math.min(entries.size() / PARALLEL_CHECK_MIN_ENTRIES, Runtime.getRuntime().availableProcessors());
    CompletableFuture<?>[] checks = new CompletableFuture<?>[parts];
    for (int part = 0; part < parts; part++) {
      List<Entry> slice = entries.subList(part * entries.size() / parts, (part + 1) * entries.size() / parts);
      checks[part] = CompletableFuture.runAsync(() -> preVerify(slice, members), verifiers);
    }
    CompletableFuture.allOf(checks).whenComplete((ignored, failure) -> context.getSelf().tell(new PreVerified(block)));
  }

  private static void preVerify(List<Entry> entries, MembershipState members) {
    for (Entry entry : entries) {
      members.find(entry.submitter()).ifPresent(member -> {
        try {
          entry.verify(member.document().verifier());
        } catch (GeneralSecurityException e) {
          // The replica checks again and refuses the block, naming the entry and the reason.
        }
      });
    }
  }

  private Behavior<Command> onPreVerified(PreVerified verified) {
    askAppend(verified.block());
    return this;
  }

  private void askAppend(Block block) {
    context.askWithStatus(LedgerReplica.Appended.class, replica, settings.localAskTimeout(),
        replyTo -> new LedgerReplica.Append(block, replyTo),
        (appended, failure) -> new AppendDone(block, failure));
  }

  private void appendNextCaughtUp() {
    Block block = toAppend.pollFirst();
    busy = true;
    appendToReplica(block);
  }

  private void continueCatchUp() {
    boolean targetReached = catchUp.targetHeight >= 0 && catchUp.reachedBy(head, hashAt(catchUp.targetHeight));
    if (targetReached) {
      finishCatchUp(null);
      idle();
    } else {
      requestBlocks();
    }
  }

  private Behavior<Command> onCatchUpTimedOut() {
    if (catchUp != null && toAppend.isEmpty()) {
      finishCatchUp("peer did not answer within " + settings.catchUpTimeoutMs() + " ms");
      return idle();
    }
    return this;
  }

  private void finishCatchUp(String problem) {
    timers.cancel(CatchUpTimedOut.INSTANCE);
    CatchUpRun run = catchUp;
    catchUp = null;
    boolean reached = head != null && run.reachedBy(head, hashAt(run.targetHeight));
    for (ActorRef<StatusReply<Head>> waiter : run.waiters) {
      waiter.tell(reached ? StatusReply.success(headReport())
          : StatusReply.error("catch-up stopped at height " + (head == null ? -1 : head.height()) + " of "
              + run.targetHeight + (problem == null ? "" : ": " + problem)));
    }
    if (run.interrupted != null) {
      lastInterrupted = run.interrupted;
      stash.stash(run.interrupted);
    }
  }

  // ---- reads ----

  private Behavior<Command> onGetBlocks(GetBlocks request) {
    long maxBlocks = Math.min(request.maxBlocks(), settings.catchUpBatchBlocks());
    blockReader.read(request.fromHeight(), maxBlocks, settings.catchUpBatchBytes())
        .whenComplete((blocks, failure) -> context.getSelf().tell(new BlocksRead(request, blocks, failure)));
    return this;
  }

  private Behavior<Command> onBlocksRead(BlocksRead read) {
    if (read.failure() != null) {
      context.getLog().warn("Could not read blocks from {} for a peer: {}", read.request().fromHeight(),
          read.failure().getMessage());
      return this;
    }
    read.request().replyTo().tell(new Blocks(self, read.request().fromHeight(), read.blocks(),
        head == null ? -1 : head.height(), committedHeight));
    return this;
  }

  private Behavior<Command> onGetHead(GetHead request) {
    if (head == null) {
      return stashed(request);
    }
    request.replyTo().tell(headReport());
    return this;
  }

  private Behavior<Command> onGetState(GetState request) {
    if (busy || head == null) {
      return stashed(request);
    }
    replica.tell(new LedgerReplica.GetState(request.replyTo()));
    return this;
  }

  private Head headReport() {
    return new Head(self, head.height(), head.hash(), head.epoch(), promise == null ? 0 : promise.epoch(),
        committedHeight);
  }

  private Behavior<Command> onPeersChanged(PeersChanged changed) {
    List<ActorRef<Command>> others = new ArrayList<>();
    for (ActorRef<Command> peer : changed.peers()) {
      if (!peer.equals(context.getSelf())) {
        others.add(peer);
      }
    }
    peers = List.copyOf(others);
    return this;
  }

  // ---- the one-change-at-a-time discipline ----

  private Sha256Hash hashAt(long height) {
    if (head == null) {
      return null;
    }
    return height == head.height() ? head.hash() : recentHashes.get(height);
  }

  private Behavior<Command> stashed(Command command) {
    if (stash.isFull()) {
      context.getLog().warn("Replica endpoint of {} is overloaded: dropping {}", self,
          command.getClass().getSimpleName());
      return this;
    }
    stash.stash(command);
    return this;
  }

  /** The change under way is done: take the waiting requests in order. */
  private Behavior<Command> idle() {
    if (catchUp != null || !toAppend.isEmpty()) {
      return this;
    }
    busy = false;
    if (head == null) {
      return this;
    }
    // Replayed requests that find the endpoint busy again are stashed again, behind the rest.
    int waiting = stash.size();
    for (int i = 0; i < waiting && !busy && !stash.isEmpty(); i++) {
      stash.unstash(this, 1, command -> command);
    }
    return this;
  }
}
