package dev.consilium.ledger.replica;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.pattern.StatusReply;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.EntrySignatures;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.hash.Sha256Hash;

/**
 * A member's copy of one channel's ledger (DESIGN §4). Before it persists a block it runs every check of
 * {@link BlockRules} and refuses with the exact reason; after a block is persisted the event handler applies
 * it again under the same rules, so a journal that was changed on disk stops recovery at the first bad
 * height instead of yielding a wrong state. Snapshots every {@code snapshotEveryBlocks} keep recovery short.
 */
public final class LedgerReplica
    extends EventSourcedBehaviorWithEnforcedReplies<LedgerReplica.Command, BlockAppended, ReplicaState> {

  /** What a replica answers to. */
  public sealed interface Command {}

  /** Append {@code block} after the head; replies with the new head or the refusal reason. */
  public record Append(Block block, ActorRef<StatusReply<Appended>> replyTo) implements Command {}

  /** The current head and state (both null before genesis). */
  public record GetState(ActorRef<ReplicaState> replyTo) implements Command {}

  /** A block that is now on this replica's disk. */
  public record Appended(long height, Sha256Hash blockHash) {}

  private final ActorContext<Command> context;
  private final BlockRules rules;
  private final int snapshotEveryBlocks;
  // The state the command handler computed for the block being persisted, so that the event handler does
  // not validate it a second time on the live path. Only the actor's own thread touches it.
  private Block validatedBlock;
  private LedgerState validatedState;

  private LedgerReplica(ActorContext<Command> context, String channel, BlockRules rules, int snapshotEveryBlocks) {
    super(persistenceId(channel));
    this.context = context;
    this.rules = rules;
    this.snapshotEveryBlocks = snapshotEveryBlocks;
  }

  public static Behavior<Command> create(String channel, BlockRules rules, int snapshotEveryBlocks) {
    if (snapshotEveryBlocks < 1) {
      throw new IllegalArgumentException("snapshotEveryBlocks must be at least 1, was " + snapshotEveryBlocks);
    }
    return Behaviors.setup(context -> new LedgerReplica(context, channel, rules, snapshotEveryBlocks));
  }

  /** The journal's persistence id of {@code channel}'s ledger; sequence number = height + 1. */
  public static PersistenceId persistenceId(String channel) {
    return PersistenceId.of("ledger", channel);
  }

  @Override
  public ReplicaState emptyState() {
    return ReplicaState.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Old snapshots are deleted, events never: the journal is the ledger.
    return RetentionCriteria.snapshotEvery(snapshotEveryBlocks, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, BlockAppended, ReplicaState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Append.class, this::onAppend)
        .onCommand(GetState.class, (state, command) -> Effect().reply(command.replyTo(), state))
        .build();
  }

  private ReplyEffect<BlockAppended, ReplicaState> onAppend(ReplicaState state, Append command) {
    Block block = command.block();
    try {
      validatedState = rules.apply(state.head(), state.ledger(), block);
      validatedBlock = block;
    } catch (RefusedException e) {
      context.getLog().warn("Refused block: {}", e.getMessage());
      return Effect().reply(command.replyTo(), StatusReply.error(e.getMessage()));
    }
    return Effect().persist(new BlockAppended(block))
        .thenReply(command.replyTo(), s -> StatusReply.success(new Appended(s.head().height(), s.head().hash())));
  }

  @Override
  public EventHandler<ReplicaState, BlockAppended> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(BlockAppended.class, this::onBlockAppended).build();
  }

  private ReplicaState onBlockAppended(ReplicaState state, BlockAppended event) {
    Block block = event.block();
    if (block.height() != state.nextHeight()) {
      throw new IllegalStateException("ledger journal has block " + block.height() + " where block "
          + state.nextHeight() + " belongs: the chain is broken");
    }
    LedgerState next;
    if (block == validatedBlock) {
      next = validatedState;
    } else {
      try {
        next = rules.apply(state.head(), state.ledger(), block, EntrySignatures.TRUST_MERKLE_ROOT);
      } catch (RefusedException e) {
        throw new IllegalStateException("ledger journal fails its own checks on recovery: " + e.getMessage(), e);
      }
    }
    validatedBlock = null;
    validatedState = null;
    return new ReplicaState(block.header(), next);
  }

  @Override
  public SignalHandler<ReplicaState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> context.getLog().info("Ledger {} recovered at {}",
            persistenceId().id(), state))
        .build();
  }
}
