package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.BlockBuilderSettings;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.validation.EntryRules;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.runtime.ledger.MembershipView;
import dev.consilium.runtime.serialization.CborSerializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * The consortium's sequencer, run as a cluster singleton on validators (DESIGN §4). Before it seals anything
 * it opens a new epoch: it asks every replica to promise that epoch, and once a quorum of validators has
 * promised it brings its own replica up to the most advanced head among them (latest epoch first, then
 * height). A committed block is on a quorum, and every quorum shares a replica with the one that promised,
 * so the new sequencer starts from a chain that holds every committed block. Only then does it accept
 * entries, which a {@link BlockBuilder} seals into blocks that a {@link QuorumAppender} commits.
 *
 * <p>Entries submitted while the epoch opens wait (bounded); past the bound, or if this sequencer is
 * superseded, submitters are told to retry.
 */
public final class LedgerSequencer extends AbstractBehavior<LedgerSequencer.Command> {
  private static final int STASH_CAPACITY = 10_000;
  /** Entries remembered as committed, to answer a resubmission with its receipt (about 30 s at full rate). */
  private static final int INDEXED_ENTRIES = 200_000;
  /** Blocks read back into that memory when an epoch opens: they may hold entries of the previous sequencer. */
  private static final int SEED_BLOCKS = 64;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final String REPLAYED_NONCE = "not above its last nonce";

  /** What the sequencer answers to. */
  public sealed interface Command {}

  /** Submit a signed entry: the reply is its receipt once its block is committed, or the refusal reason. */
  public record Submit(Entry entry, ActorRef<StatusReply<Receipt>> replyTo) implements Command, CborSerializable {}

  private record LocalHead(ReplicaEndpoint.Head head, Throwable failure) implements Command {}

  private record Endpoints(Set<ActorRef<ReplicaEndpoint.Command>> refs) implements Command {}

  private record GotPromise(ReplicaEndpoint.Promised promised) implements Command {}

  private record CaughtUp(ReplicaEndpoint.Head head, Throwable failure) implements Command {}

  private record ChildStopped(String which) implements Command {}

  /** The builder's answer for a submission this sequencer passed on. */
  private record Answered(Entry entry, Receipt receipt, Throwable failure) implements Command {}

  /** The block holding an entry submitted again, read back to make its receipt. */
  private record FoundBlock(Entry entry, CommittedEntries.Location location, ReplicaEndpoint.Command answer,
      Throwable failure) implements Command {}

  /** The newest blocks of this member's replica, read when the epoch opens. */
  private record Seeded(long fromHeight, ReplicaEndpoint.Command answer, Throwable failure) implements Command {}

  private enum ElectionTimedOut implements Command { INSTANCE }

  private enum Elect implements Command { INSTANCE }

  private final ActorContext<Command> context;
  private final StashBuffer<Command> stash;
  private final TimerScheduler<Command> timers;
  private final Did self;
  private final PublicKeySign signer;
  private final ActorRef<ReplicaEndpoint.Command> local;
  private final EntryRules rules;
  private final BlockBuilderSettings blockSettings;
  private final MembershipView membership;
  private final int minimumQuorum;
  private final ReplicationSettings settings;
  private final Clock clock;
  private final ActorRef<ReplicaEndpoint.Promised> promiseReplies;

  private Set<ActorRef<ReplicaEndpoint.Command>> endpoints = Set.of();
  private long epoch; // the epoch being opened or open; 0 before the first try
  private long highestSeen; // the highest epoch any replica reported
  private final Map<Did, ReplicaEndpoint.Promised> grants = new HashMap<>();
  private ActorRef<LedgerReplica.Command> appender;
  private ActorRef<BlockBuilder.Command> builder; // non-null once the epoch is open
  private final CommittedEntries committed = new CommittedEntries(INDEXED_ENTRIES);
  // Submissions passed on and not yet answered, by entry: a copy submitted meanwhile waits for the same answer.
  private final Map<Sha256Hash, List<ActorRef<StatusReply<Receipt>>>> pending = new HashMap<>();

  private LedgerSequencer(ActorContext<Command> context, StashBuffer<Command> stash, TimerScheduler<Command> timers,
      Did self, PublicKeySign signer, ActorRef<ReplicaEndpoint.Command> local, EntryRules rules,
      BlockBuilderSettings blockSettings, MembershipView membership, int minimumQuorum, ReplicationSettings settings,
      Clock clock) {
    super(context);
    this.context = context;
    this.stash = stash;
    this.timers = timers;
    this.self = self;
    this.signer = signer;
    this.local = local;
    this.rules = rules;
    this.blockSettings = blockSettings;
    this.membership = membership;
    this.minimumQuorum = minimumQuorum;
    this.settings = settings;
    this.clock = clock;
    this.promiseReplies = context.messageAdapter(ReplicaEndpoint.Promised.class, GotPromise::new);
  }

  /** The sequencer of member {@code self}, whose replica endpoint is {@code local}. */
  public static Behavior<Command> create(Did self, PublicKeySign signer, ActorRef<ReplicaEndpoint.Command> local,
      EntryRules rules, BlockBuilderSettings blockSettings, MembershipView membership, int minimumQuorum,
      ReplicationSettings settings, Clock clock) {
    return Behaviors.withStash(STASH_CAPACITY, stash -> Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      context.getSystem().receptionist().tell(Receptionist.subscribe(ReplicaEndpoint.KEY,
          context.messageAdapter(Receptionist.Listing.class,
              listing -> new Endpoints(listing.getServiceInstances(ReplicaEndpoint.KEY)))));
      context.getSelf().tell(Elect.INSTANCE);
      return new LedgerSequencer(context, stash, timers, self, signer, local, rules, blockSettings, membership,
          minimumQuorum, settings, clock);
    })));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onSignal(PostStop.class, signal -> onStopped())
        .onMessage(Submit.class, this::onSubmit)
        .onMessage(Endpoints.class, this::onEndpoints)
        .onMessageEquals(Elect.INSTANCE, this::onElect)
        .onMessage(LocalHead.class, this::onLocalHead)
        .onMessage(GotPromise.class, this::onPromise)
        .onMessageEquals(ElectionTimedOut.INSTANCE, this::onElectionTimedOut)
        .onMessage(CaughtUp.class, this::onCaughtUp)
        .onMessage(ChildStopped.class, this::onChildStopped)
        .onMessage(Answered.class, this::onAnswered)
        .onMessage(FoundBlock.class, this::onFoundBlock)
        .onMessage(Seeded.class, this::onSeeded)
        .build();
  }

  private Behavior<Command> onSubmit(Submit submit) {
    if (builder != null) {
      Entry entry = submit.entry();
      List<ActorRef<StatusReply<Receipt>>> waiting = pending.get(entry.hash());
      if (waiting != null) {
        waiting.add(submit.replyTo()); // the same entry again: one answer for both
        return this;
      }
      pending.put(entry.hash(), new ArrayList<>(List.of(submit.replyTo())));
      context.askWithStatus(Receipt.class, builder, ANSWER_TIMEOUT,
          replyTo -> new BlockBuilder.Submit(entry, replyTo),
          (receipt, failure) -> new Answered(entry, receipt, failure));
    } else if (stash.isFull()) {
      submit.replyTo().tell(StatusReply.error("sequencer is opening epoch " + epoch + " and " + stash.size()
          + " entries already wait; retry later"));
    } else {
      stash.stash(submit);
    }
    return this;
  }

  private Behavior<Command> onEndpoints(Endpoints listed) {
    Set<ActorRef<ReplicaEndpoint.Command>> added = new HashSet<>(listed.refs());
    added.removeAll(endpoints);
    endpoints = listed.refs();
    if (builder == null && timers.isTimerActive(ElectionTimedOut.INSTANCE)) {
      // Members still joining while the epoch opens: ask them too rather than wait for the next try.
      askPromises(added);
    }
    return this;
  }

  // ---- opening an epoch ----

  private Behavior<Command> onElect() {
    grants.clear();
    context.ask(ReplicaEndpoint.Head.class, local, settings.localAskTimeout(), ReplicaEndpoint.GetHead::new,
        LocalHead::new);
    return this;
  }

  private Behavior<Command> onLocalHead(LocalHead local) {
    if (local.failure() != null) {
      context.getLog().warn("Sequencer {}: own replica did not report its head: {}", self,
          local.failure().getMessage());
      return retryElection();
    }
    ReplicaEndpoint.Head head = local.head();
    epoch = Math.max(Math.max(epoch, highestSeen), Math.max(head.promisedEpoch(), head.epoch())) + 1;
    context.getLog().info("Sequencer {} opening epoch {} (own head {} of epoch {})", self, epoch, head.height(),
        head.epoch());
    Set<ActorRef<ReplicaEndpoint.Command>> targets = new HashSet<>(endpoints);
    targets.add(this.local);
    timers.startSingleTimer(ElectionTimedOut.INSTANCE, Duration.ofMillis(settings.promiseTimeoutMs()));
    askPromises(targets);
    return this;
  }

  private void askPromises(Set<ActorRef<ReplicaEndpoint.Command>> targets) {
    for (ActorRef<ReplicaEndpoint.Command> endpoint : targets) {
      endpoint.tell(new ReplicaEndpoint.Promise(epoch, self, promiseReplies));
    }
  }

  private Behavior<Command> onPromise(GotPromise got) {
    ReplicaEndpoint.Promised promised = got.promised();
    highestSeen = Math.max(highestSeen, promised.promisedEpoch());
    if (promised.epoch() != epoch || builder != null || !timers.isTimerActive(ElectionTimedOut.INSTANCE)) {
      return this; // an answer for an earlier try, or the quorum is already complete
    }
    if (!promised.granted() || !membership.current().isAdmittedWithRole(promised.replica(), "validator")) {
      return this;
    }
    grants.put(promised.replica(), promised);
    if (grants.size() < QuorumAppender.commitQuorum(membership, minimumQuorum)) {
      return this;
    }
    timers.cancel(ElectionTimedOut.INSTANCE);
    ReplicaEndpoint.Promised best = grants.values().stream()
        .max(Comparator.comparingLong(ReplicaEndpoint.Promised::headEpoch)
            .thenComparingLong(ReplicaEndpoint.Promised::headHeight))
        .orElseThrow();
    context.getLog().info("Sequencer {}: epoch {} promised by {} validators; most advanced head {} of epoch {} at {}",
        self, epoch, grants.size(), best.headHeight(), best.headEpoch(), best.replica());
    context.askWithStatus(ReplicaEndpoint.Head.class, local, settings.localAskTimeout(),
        replyTo -> new ReplicaEndpoint.CatchUp(best.endpoint(), best.headHeight(), best.headHash(), best.headEpoch(),
            replyTo),
        CaughtUp::new);
    return this;
  }

  private Behavior<Command> onElectionTimedOut() {
    context.getLog().warn("Sequencer {}: epoch {} promised by {} of the {} validators needed within {} ms", self,
        epoch, grants.size(), QuorumAppender.commitQuorum(membership, minimumQuorum), settings.promiseTimeoutMs());
    return retryElection();
  }

  private Behavior<Command> onCaughtUp(CaughtUp caughtUp) {
    if (caughtUp.failure() != null) {
      context.getLog().warn("Sequencer {}: own replica could not catch up for epoch {}: {}", self, epoch,
          caughtUp.failure().getMessage());
      return retryElection();
    }
    long fromHeight = Math.max(0, caughtUp.head().height() - SEED_BLOCKS + 1);
    context.ask(ReplicaEndpoint.Command.class, local, settings.localAskTimeout(),
        replyTo -> new ReplicaEndpoint.GetBlocks(fromHeight, SEED_BLOCKS, replyTo),
        (answer, failure) -> new Seeded(fromHeight, answer, failure));
    return this;
  }

  /** The newest blocks are remembered as committed (those of an older epoch are, once this one commits). */
  private Behavior<Command> onSeeded(Seeded seeded) {
    if (seeded.failure() != null || !(seeded.answer() instanceof ReplicaEndpoint.Blocks blocks)) {
      context.getLog().warn("Sequencer {}: own replica did not return its newest blocks for epoch {}", self, epoch);
      return retryElection();
    }
    for (Block block : blocks.blocks()) {
      remember(block);
    }
    appender = context.spawn(QuorumAppender.create(epoch, self, local, membership, minimumQuorum, settings),
        "appender-" + epoch);
    builder = context.spawn(BlockBuilder.create(appender, rules, blockSettings, epoch, self, signer, clock),
        "builder-" + epoch);
    context.watchWith(appender, new ChildStopped("appender"));
    context.watchWith(builder, new ChildStopped("block builder"));
    context.getLog().info("Sequencer {} sequencing in epoch {} after height {}", self, epoch,
        seeded.fromHeight() + blocks.blocks().size() - 1);
    return stash.unstashAll(this);
  }

  private Behavior<Command> onChildStopped(ChildStopped stopped) {
    if (builder == null) {
      return this;
    }
    context.getLog().warn("Sequencer {}: the {} of epoch {} stopped; opening a new epoch", self, stopped.which(),
        epoch);
    context.stop(builder);
    context.stop(appender);
    builder = null;
    appender = null;
    return retryElection();
  }

  /**
   * The singleton moved (this member leaves, or the cluster downed it): every submitter still waiting is told
   * to retry now rather than after its timeout. A copy sent to the next sequencer is answered with its
   * receipt if the entry's block was committed after all.
   */
  private Behavior<Command> onStopped() {
    StatusReply<Receipt> moved = StatusReply.error("the sequencer stopped on " + self
        + " before this entry was committed; retry with the same entry");
    pending.values().forEach(waiting -> waiting.forEach(replyTo -> replyTo.tell(moved)));
    pending.clear();
    return this;
  }

  private void remember(Block block) {
    for (int i = 0; i < block.entries().size(); i++) {
      committed.add(block.entries().get(i).hash(), block.height(), i);
    }
  }

  private Behavior<Command> onAnswered(Answered answered) {
    Entry entry = answered.entry();
    if (answered.failure() == null) {
      committed.add(entry.hash(), answered.receipt().height(), answered.receipt().index());
      answer(entry, StatusReply.success(answered.receipt()));
      return this;
    }
    String reason = answered.failure().getMessage();
    if (reason != null && reason.contains(REPLAYED_NONCE)) {
      Optional<CommittedEntries.Location> location = committed.find(entry.hash());
      if (location.isPresent()) {
        // Submitted again after it was committed (a timeout, a hand-over): its receipt, not a refusal.
        long height = location.get().height();
        context.ask(ReplicaEndpoint.Command.class, local, settings.localAskTimeout(),
            replyTo -> new ReplicaEndpoint.GetBlocks(height, 1, replyTo),
            (answer, failure) -> new FoundBlock(entry, location.get(), answer, failure));
        return this;
      }
      reason = reason + "; entry " + entry.hash().toHex() + " is not among the last " + committed.capacity()
          + " committed entries, so it was not committed and never can be: " + ClusterLedgerSubmitter.SIGN_AGAIN
          + " with a new nonce";
    }
    answer(entry, StatusReply.error(reason));
    return this;
  }

  private Behavior<Command> onFoundBlock(FoundBlock found) {
    Entry entry = found.entry();
    if (found.failure() == null && found.answer() instanceof ReplicaEndpoint.Blocks blocks
        && !blocks.blocks().isEmpty()) {
      Block block = blocks.blocks().get(0);
      int index = found.location().index();
      if (block.height() == found.location().height() && index < block.entries().size()
          && block.entries().get(index).hash().equals(entry.hash())) {
        answer(entry, StatusReply.success(new Receipt(block.height(), index, entry.hash(), block.hash(),
            block.inclusionProof(index))));
        return this;
      }
    }
    answer(entry, StatusReply.error("entry " + entry.hash().toHex() + " was committed at height "
        + found.location().height() + ", but that block could not be read back for its receipt; ask again"));
    return this;
  }

  private void answer(Entry entry, StatusReply<Receipt> reply) {
    List<ActorRef<StatusReply<Receipt>>> waiting = pending.remove(entry.hash());
    if (waiting != null) {
      waiting.forEach(replyTo -> replyTo.tell(reply));
    }
  }

  private Behavior<Command> retryElection() {
    timers.cancel(ElectionTimedOut.INSTANCE);
    timers.startSingleTimer(Elect.INSTANCE, Duration.ofMillis(settings.electionBackoffMs()));
    return this;
  }
}
