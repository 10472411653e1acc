package dev.consilium.ledger.storage;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.pattern.StatusReply;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.RetentionCriteria;

/** Test entity: persists {@link Counted} events, snapshots its {@link Tally} every three of them. */
final class Counter extends EventSourcedBehaviorWithEnforcedReplies<Counter.Command, Counted, Tally> {
  static final int SNAPSHOT_EVERY = 3;

  sealed interface Command {}

  record Add(long amount, ActorRef<StatusReply<Tally>> replyTo) implements Command {}

  record Get(ActorRef<Tally> replyTo) implements Command {}

  private Counter(PersistenceId persistenceId) {
    super(persistenceId);
  }

  static Behavior<Command> create(String id) {
    return new Counter(PersistenceId.ofUniqueId(id));
  }

  @Override
  public Tally emptyState() {
    return Tally.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<Command, Counted, Tally> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Add.class, (state, add) -> Effect().persist(new Counted(add.amount()))
            .thenReply(add.replyTo(), StatusReply::success))
        .onCommand(Get.class, (state, get) -> Effect().reply(get.replyTo(), state))
        .build();
  }

  @Override
  public EventHandler<Tally, Counted> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(Counted.class, Tally::add).build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }
}
