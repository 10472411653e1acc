package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.pattern.StatusReply;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import dev.consilium.ledger.identity.Did;

/**
 * The highest epoch this member's replica has promised to, on disk (the ledger's failover, DESIGN §4). A
 * promise is only ever raised; asking again for the epoch already promised to the same sequencer is
 * answered again, so a retried request is harmless.
 */
public final class EpochLog
    extends EventSourcedBehaviorWithEnforcedReplies<EpochLog.Command, EpochPromised, EpochLog.Promise> {

  /** What the log answers to. */
  public sealed interface Command {}

  /** Promise {@code epoch} to {@code sequencer}; the reply is the promise now in force, or why not. */
  public record Raise(long epoch, Did sequencer, ActorRef<StatusReply<Promise>> replyTo) implements Command {}

  public record Get(ActorRef<Promise> replyTo) implements Command {}

  /** The promise in force; epoch 0 and no sequencer before any. */
  public record Promise(long epoch, Did sequencer) {
    static final Promise NONE = new Promise(0, null);
  }

  private EpochLog(String channel) {
    super(persistenceId(channel));
  }

  public static Behavior<Command> create(String channel) {
    return new EpochLog(channel);
  }

  public static PersistenceId persistenceId(String channel) {
    return PersistenceId.of("ledger-epoch", channel);
  }

  @Override
  public Promise emptyState() {
    return Promise.NONE;
  }

  @Override
  public CommandHandlerWithReply<Command, EpochPromised, Promise> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Raise.class, this::onRaise)
        .onCommand(Get.class, (state, command) -> Effect().reply(command.replyTo(), state))
        .build();
  }

  private ReplyEffect<EpochPromised, Promise> onRaise(Promise state, Raise raise) {
    if (raise.epoch() == state.epoch() && raise.sequencer().equals(state.sequencer())) {
      return Effect().reply(raise.replyTo(), StatusReply.success(state));
    }
    if (raise.epoch() <= state.epoch()) {
      return Effect().reply(raise.replyTo(), StatusReply.error("epoch " + raise.epoch()
          + " is not above epoch " + state.epoch() + ", already promised to " + state.sequencer()));
    }
    return Effect().persist(new EpochPromised(raise.epoch(), raise.sequencer()))
        .thenReply(raise.replyTo(), StatusReply::success);
  }

  @Override
  public EventHandler<Promise, EpochPromised> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(EpochPromised.class, (state, event) -> {
      // Asserted where it is read as where it was written: promises only rise.
      if (event.epoch() <= state.epoch()) {
        throw new IllegalStateException("epoch log holds promise " + event.epoch() + " after promise "
            + state.epoch() + ": promises must rise");
      }
      return new Promise(event.epoch(), event.sequencer());
    }).build();
  }
}
