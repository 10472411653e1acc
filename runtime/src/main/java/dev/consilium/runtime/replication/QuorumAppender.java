package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.runtime.ledger.MembershipView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Stands in for the replica behind a {@link dev.consilium.ledger.sequencer.BlockBuilder}: an append is
 * answered once a quorum of validators, this member's own replica among them, has persisted the block
 * (DESIGN §4: only then do submitters get receipts). Several blocks may be on their way at once; they are
 * answered in height order, a block only after every block before it. A replica that has not answered is
 * sent the block again every {@code replicateRetryMs}, which is harmless because replicas answer a block
 * they already hold as accepted.
 *
 * <p>A replica that has promised a later epoch means another sequencer has taken over: the appender fails,
 * and the sequencer that owns it gives up this epoch.
 */
final class QuorumAppender {
  private static final Object RETRY = "retry";

  private record Endpoints(Set<ActorRef<ReplicaEndpoint.Command>> refs) {}

  private record Pending(Block block, ActorRef<StatusReply<LedgerReplica.Appended>> replyTo, Set<Did> acked,
      Set<ActorRef<ReplicaEndpoint.Command>> answered) {}

  private final ActorContext<Object> context;
  private final long epoch;
  private final Did self;
  private final ActorRef<ReplicaEndpoint.Command> local;
  private final MembershipView membership;
  private final int minimumQuorum;
  private final ActorRef<ReplicaEndpoint.Replicated> replies;
  private Set<ActorRef<ReplicaEndpoint.Command>> endpoints = Set.of();
  private final Deque<Pending> pending = new ArrayDeque<>(); // in height order
  private long committedHeight;

  private QuorumAppender(ActorContext<Object> context, long epoch, Did self, ActorRef<ReplicaEndpoint.Command> local,
      MembershipView membership, int minimumQuorum) {
    this.context = context;
    this.epoch = epoch;
    this.self = self;
    this.local = local;
    this.membership = membership;
    this.minimumQuorum = minimumQuorum;
    this.replies = context.messageAdapter(ReplicaEndpoint.Replicated.class, reply -> reply);
  }

  /**
   * An appender for {@code epoch}, sealing as {@code self} whose endpoint is {@code local}; a block counts as
   * committed on {@code max(minimumQuorum, a majority of admitted validators)} replicas.
   */
  static Behavior<LedgerReplica.Command> create(long epoch, Did self, ActorRef<ReplicaEndpoint.Command> local,
      MembershipView membership, int minimumQuorum, ReplicationSettings settings) {
    Behavior<Object> behavior = Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      context.getSystem().receptionist().tell(Receptionist.subscribe(ReplicaEndpoint.KEY,
          context.messageAdapter(Receptionist.Listing.class,
              listing -> new Endpoints(listing.getServiceInstances(ReplicaEndpoint.KEY)))));
      timers.startTimerWithFixedDelay(RETRY, Duration.ofMillis(settings.replicateRetryMs()));
      return new QuorumAppender(context, epoch, self, local, membership, minimumQuorum).behavior(timers);
    }));
    return behavior.narrow();
  }

  private Behavior<Object> behavior(TimerScheduler<Object> timers) {
    return Behaviors.receive(Object.class)
        .onMessage(LedgerReplica.Append.class, this::onAppend)
        .onMessage(LedgerReplica.GetState.class, this::onGetState)
        .onMessage(Endpoints.class, this::onEndpoints)
        .onMessage(ReplicaEndpoint.Replicated.class, this::onReplicated)
        .onMessageEquals(RETRY, this::onRetry)
        .build();
  }

  private Behavior<Object> onAppend(LedgerReplica.Append append) {
    Pending last = pending.peekLast();
    long expected = last == null ? -1 : last.block().height() + 1;
    if (last != null && append.block().height() != expected) {
      append.replyTo().tell(StatusReply.error("block " + append.block().height() + " is not the next block "
          + expected + " after those being replicated"));
      return Behaviors.same();
    }
    Pending next = new Pending(append.block(), append.replyTo(), new HashSet<>(), new HashSet<>());
    pending.addLast(next);
    send(next, allEndpoints());
    return Behaviors.same();
  }

  private Behavior<Object> onGetState(LedgerReplica.GetState request) {
    local.tell(new ReplicaEndpoint.GetState(request.replyTo()));
    return Behaviors.same();
  }

  private Behavior<Object> onEndpoints(Endpoints listed) {
    endpoints = listed.refs();
    return Behaviors.same();
  }

  private Behavior<Object> onRetry() {
    for (Pending block : pending) {
      Set<ActorRef<ReplicaEndpoint.Command>> silent = new HashSet<>(allEndpoints());
      silent.removeAll(block.answered());
      send(block, silent);
    }
    return Behaviors.same();
  }

  private Set<ActorRef<ReplicaEndpoint.Command>> allEndpoints() {
    Set<ActorRef<ReplicaEndpoint.Command>> all = new HashSet<>(endpoints);
    all.add(local); // before the receptionist has listed it
    return all;
  }

  private void send(Pending block, Set<ActorRef<ReplicaEndpoint.Command>> targets) {
    for (ActorRef<ReplicaEndpoint.Command> endpoint : targets) {
      endpoint.tell(new ReplicaEndpoint.Replicate(epoch, block.block(), committedHeight, local, replies));
    }
  }

  private Behavior<Object> onReplicated(ReplicaEndpoint.Replicated reply) {
    Pending block = find(reply);
    if (block == null) {
      return Behaviors.same(); // late answer for a block already answered
    }
    switch (reply.status()) {
      case ACCEPTED -> {
        if (membership.current().isAdmittedWithRole(reply.replica(), "validator")) {
          block.acked().add(reply.replica());
        }
        block.answered().add(reply.endpoint());
      }
      case STALE_EPOCH -> {
        fail("replica " + reply.replica() + " promised a later epoch (" + reply.detail() + ")");
        throw new IllegalStateException("epoch " + epoch + " was superseded: " + reply.detail());
      }
      case REFUSED -> {
        context.getLog().error("Replica {} refused block {} of epoch {}: {}", reply.replica(),
            block.block().height(), epoch, reply.detail());
        if (reply.replica().equals(self)) {
          fail("this member's replica refused it: " + reply.detail());
          return Behaviors.same();
        }
        block.answered().add(reply.endpoint());
      }
      case CATCHING_UP -> {
        // Sent again at the next retry, by when the replica should hold the blocks before it.
      }
    }
    checkQuorum();
    return Behaviors.same();
  }

  /** Answers, oldest first, every block that a quorum holds and whose predecessors are answered. */
  private void checkQuorum() {
    int quorum = commitQuorum(membership, minimumQuorum);
    while (!pending.isEmpty() && pending.peekFirst().acked().contains(self)
        && pending.peekFirst().acked().size() >= quorum) {
      Pending committed = pending.pollFirst();
      Block block = committed.block();
      committedHeight = block.height();
      committed.replyTo().tell(StatusReply.success(new LedgerReplica.Appended(block.height(), block.hash())));
      ReplicaEndpoint.Committed notice = new ReplicaEndpoint.Committed(epoch, block.height(), block.hash());
      allEndpoints().forEach(endpoint -> endpoint.tell(notice));
    }
  }

  private Pending find(ReplicaEndpoint.Replicated reply) {
    if (reply.epoch() != epoch) {
      return null;
    }
    for (Pending block : pending) {
      if (block.block().hash().equals(reply.blockHash())) {
        return block;
      }
    }
    return null;
  }

  /**
   * A majority of the admitted validators, and never fewer than the consortium's commit quorum. The
   * sequencer opens an epoch on the same number of promises, so every commit quorum meets every epoch's.
   */
  static int commitQuorum(MembershipView membership, int minimumQuorum) {
    return Math.max(minimumQuorum, membership.admittedWithRole("validator").size() / 2 + 1);
  }

  /** Fails every block being replicated: each later one was built on the one before. */
  private void fail(String reason) {
    for (Pending block : pending) {
      block.replyTo().tell(StatusReply.error("block " + block.block().height() + " not committed: " + reason));
    }
    pending.clear();
  }
}
