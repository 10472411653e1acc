package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.EntrySignatures;
import dev.consilium.ledger.validation.RefusedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows this member's replica: it reads the committed blocks as they come and checks each again, from
 * genesis, with its own copy of the rules and the state (links, roots, signatures, contracts), then hands the
 * checked blocks and the state after them to its subscribers. It never trusts the replica's verdict: a block
 * that fails raises an alarm naming the height and the reason, and following stops there, since nothing
 * after it can be trusted. This is the regulator's continuous audit (DESIGN §4) and how the protocols of the
 * roles learn what the ledger decided.
 *
 * <p>The audit verifies every entry's signature again ({@link EntrySignatures#VERIFY}). A follower that only
 * feeds its member's protocols may take {@link EntrySignatures#TRUST_MERKLE_ROOT}: its replica verified every
 * entry before persisting the block, and a changed entry still fails the Merkle root that the sequencer's
 * verified signature covers; links, roots and every contract rule are checked all the same. Ed25519
 * verification was a third of a member's CPU in a profile of the credit simulation, much of it this second
 * pass.
 *
 * <p>Only committed blocks: a replica's uncommitted tip may still be replaced by a later epoch's block, and a
 * protocol must never act on an entry that could vanish.
 */
public final class LedgerFollower extends AbstractBehavior<LedgerFollower.Command> {
  private static final int BATCH_BLOCKS = 64;
  private static final int MAX_ALARMS = 1_000;

  /** What the follower answers to; local only. */
  public sealed interface Command {}

  /** The audit as it stands. */
  public record GetStatus(ActorRef<AuditStatus> replyTo) implements Command {}

  /**
   * Sends {@code subscriber} a {@link Followed} with the state checked so far (no blocks), then one for every
   * batch of blocks checked after it, in height order, until the subscriber stops.
   */
  public record Subscribe(ActorRef<Followed> subscriber) implements Command {}

  /**
   * Answers at once with the head and state checked so far and no blocks, for a reader that needs the latest
   * committed state once rather than every change (the observer's queries). Before genesis is checked there
   * is nothing to show: the answer is then {@link Followed#beforeGenesis()}, whose head and state are null, so
   * that the asker learns it now instead of waiting for its ask to time out.
   */
  public record GetLatest(ActorRef<Followed> replyTo) implements Command {}

  /**
   * Blocks newly checked (possibly none), in height order, and the head and ledger state after the last
   * of them. The state is immutable and shared: read it, never keep a changed copy of it as the ledger's.
   */
  public record Followed(List<Block> blocks, BlockHeader head, LedgerState state) {
    private static final Followed BEFORE_GENESIS = new Followed(List.of(), null, null);

    /** The answer to {@link GetLatest} while genesis is not yet checked: no blocks, no head, no state. */
    public static Followed beforeGenesis() {
      return BEFORE_GENESIS;
    }

    /** Whether genesis was checked, so that {@link #head()} and {@link #state()} are set. */
    public boolean hasHead() {
      return head != null;
    }
  }

  private enum Tick implements Command { INSTANCE }

  private record HeadRead(ReplicaEndpoint.Head head, Throwable failure) implements Command {}

  private record BlocksRead(long fromHeight, ReplicaEndpoint.Command answer, Throwable failure) implements Command {}

  private record SubscriberStopped(ActorRef<Followed> subscriber) implements Command {}

  private final ActorContext<Command> context;
  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final BlockRules rules;
  private final EntrySignatures signatures;
  private final Clock clock;
  private final Duration askTimeout;
  private final Set<ActorRef<Followed>> subscribers = new HashSet<>();
  private BlockHeader verifiedHead; // null before genesis is checked
  private LedgerState verifiedState;
  private long committedHeight = -1; // as the replica last reported it
  private boolean reading;
  private boolean halted;
  private long lastCheckMs;
  private final Deque<AuditStatus.Alarm> alarms = new ArrayDeque<>();

  private LedgerFollower(ActorContext<Command> context, ActorRef<ReplicaEndpoint.Command> endpoint,
      ContractRegistry registry, EntrySignatures signatures, Clock clock, Duration askTimeout) {
    super(context);
    this.context = context;
    this.endpoint = endpoint;
    this.rules = new BlockRules(registry);
    this.signatures = signatures;
    this.clock = clock;
    this.askTimeout = askTimeout;
  }

  /**
   * Follows the replica behind {@code endpoint}, looking for newly committed blocks every {@code intervalMs},
   * verifying every entry's signature again (the audit).
   */
  public static Behavior<Command> create(ActorRef<ReplicaEndpoint.Command> endpoint, ContractRegistry registry,
      long intervalMs, Clock clock) {
    return create(endpoint, registry, intervalMs, EntrySignatures.VERIFY, clock);
  }

  /** As {@link #create(ActorRef, ContractRegistry, long, Clock)}, with entry signatures checked as given. */
  public static Behavior<Command> create(ActorRef<ReplicaEndpoint.Command> endpoint, ContractRegistry registry,
      long intervalMs, EntrySignatures signatures, Clock clock) {
    if (intervalMs < 1) {
      throw new IllegalArgumentException("the follow interval must be at least 1 ms, not " + intervalMs);
    }
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(intervalMs));
      return new LedgerFollower(context, endpoint, registry, signatures, clock,
          Duration.ofMillis(Math.max(intervalMs, 5_000)));
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(Subscribe.class, this::onSubscribe)
        .onMessage(GetLatest.class, this::onGetLatest)
        .onMessage(SubscriberStopped.class, stopped -> {
          subscribers.remove(stopped.subscriber());
          return this;
        })
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessage(HeadRead.class, this::onHeadRead)
        .onMessage(BlocksRead.class, this::onBlocksRead)
        .build();
  }

  private Behavior<Command> onGetStatus(GetStatus request) {
    request.replyTo().tell(new AuditStatus(verifiedHead == null ? -1 : verifiedHead.height(),
        verifiedHead == null ? "" : verifiedHead.hash().toHex(),
        verifiedState == null ? "" : verifiedState.stateRoot().toHex(), committedHeight, !halted && alarms.isEmpty(),
        lastCheckMs, List.copyOf(alarms)));
    return this;
  }

  private Behavior<Command> onSubscribe(Subscribe subscribe) {
    if (subscribers.add(subscribe.subscriber())) {
      context.watchWith(subscribe.subscriber(), new SubscriberStopped(subscribe.subscriber()));
      if (verifiedHead != null) {
        subscribe.subscriber().tell(new Followed(List.of(), verifiedHead, verifiedState));
      }
    }
    return this;
  }

  private Behavior<Command> onGetLatest(GetLatest request) {
    request.replyTo().tell(verifiedHead == null ? Followed.beforeGenesis()
        : new Followed(List.of(), verifiedHead, verifiedState));
    return this;
  }

  private Behavior<Command> onTick() {
    if (!reading && !halted) {
      reading = true;
      context.ask(ReplicaEndpoint.Head.class, endpoint, askTimeout, ReplicaEndpoint.GetHead::new, HeadRead::new);
    }
    return this;
  }

  private Behavior<Command> onHeadRead(HeadRead read) {
    if (read.failure() != null) {
      reading = false;
      return this;
    }
    committedHeight = read.head().committedHeight();
    long next = verifiedHead == null ? 0 : verifiedHead.height() + 1;
    if (next > committedHeight) {
      reading = false;
      lastCheckMs = clock.millis();
      return this;
    }
    context.ask(ReplicaEndpoint.Command.class, endpoint, askTimeout,
        replyTo -> new ReplicaEndpoint.GetBlocks(next, BATCH_BLOCKS, replyTo),
        (answer, failure) -> new BlocksRead(next, answer, failure));
    return this;
  }

  private Behavior<Command> onBlocksRead(BlocksRead read) {
    reading = false;
    lastCheckMs = clock.millis();
    if (read.failure() != null || !(read.answer() instanceof ReplicaEndpoint.Blocks blocks)) {
      return this;
    }
    List<Block> checked = new ArrayList<>(blocks.blocks().size());
    for (Block block : blocks.blocks()) {
      if (block.height() > committedHeight) {
        break;
      }
      try {
        verifiedState = rules.apply(verifiedHead, verifiedState, block, signatures);
        verifiedHead = block.header();
        checked.add(block);
      } catch (RefusedException e) {
        alarm(block.height(), e.getMessage());
        halted = true;
        break;
      }
    }
    if (!checked.isEmpty()) {
      Followed followed = new Followed(List.copyOf(checked), verifiedHead, verifiedState);
      subscribers.forEach(subscriber -> subscriber.tell(followed));
      if (verifiedHead.height() < committedHeight) {
        context.getSelf().tell(Tick.INSTANCE); // more committed blocks wait: no need to sleep first
      }
    }
    return this;
  }

  private void alarm(long height, String reason) {
    context.getLog().error("AUDIT ALARM at height {}: {}", height, reason);
    if (alarms.size() >= MAX_ALARMS) {
      alarms.pollFirst();
    }
    alarms.addLast(new AuditStatus.Alarm(height, reason, clock.millis()));
  }
}
