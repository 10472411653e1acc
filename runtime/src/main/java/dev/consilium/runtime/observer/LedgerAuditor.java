package dev.consilium.runtime.observer;

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
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The regulator's continuous audit (DESIGN §4, issue 5): it reads the committed blocks of this member's
 * replica as they come and checks each again, from genesis, with its own copy of the rules and the state
 * (links, roots, signatures, contracts). It never trusts the replica's verdict; a block that fails raises an
 * alarm naming the height and the reason, and the audit stops there, since nothing after it can be trusted.
 */
public final class LedgerAuditor extends AbstractBehavior<LedgerAuditor.Command> {
  private static final int BATCH_BLOCKS = 64;
  private static final int MAX_ALARMS = 1_000;

  /** What the auditor answers to. */
  public sealed interface Command {}

  /** The audit as it stands. */
  public record GetStatus(ActorRef<AuditStatus> replyTo) implements Command {}

  private enum Tick implements Command { INSTANCE }

  private record HeadRead(ReplicaEndpoint.Head head, Throwable failure) implements Command {}

  private record BlocksRead(long fromHeight, ReplicaEndpoint.Command answer, Throwable failure) implements Command {}

  private final ActorContext<Command> context;
  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final BlockRules rules;
  private final Clock clock;
  private final Duration askTimeout;
  private BlockHeader verifiedHead; // null before genesis is checked
  private LedgerState verifiedState;
  private long committedHeight = -1; // as the replica last reported it
  private boolean reading;
  private boolean halted;
  private long lastCheckMs;
  private final Deque<AuditStatus.Alarm> alarms = new ArrayDeque<>();

  private LedgerAuditor(ActorContext<Command> context, ActorRef<ReplicaEndpoint.Command> endpoint,
      ContractRegistry registry, Clock clock, Duration askTimeout) {
    super(context);
    this.context = context;
    this.endpoint = endpoint;
    this.rules = new BlockRules(registry);
    this.clock = clock;
    this.askTimeout = askTimeout;
  }

  /** Audits the replica behind {@code endpoint} every {@code intervalMs}. */
  public static Behavior<Command> create(ActorRef<ReplicaEndpoint.Command> endpoint, ContractRegistry registry,
      long intervalMs, Clock clock) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(intervalMs));
      return new LedgerAuditor(context, endpoint, registry, clock, Duration.ofMillis(Math.max(intervalMs, 5_000)));
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(GetStatus.class, this::onGetStatus)
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
    // Only committed blocks: a replica's uncommitted tip may still be replaced by a later epoch's block.
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
    for (Block block : blocks.blocks()) {
      if (block.height() > committedHeight) {
        break;
      }
      try {
        verifiedState = rules.apply(verifiedHead, verifiedState, block);
        verifiedHead = block.header();
      } catch (RefusedException e) {
        alarm(block.height(), e.getMessage());
        halted = true;
        break;
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
