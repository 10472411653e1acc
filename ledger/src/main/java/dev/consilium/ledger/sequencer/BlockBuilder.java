package dev.consilium.ledger.sequencer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.PostStop;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.EntryRules;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.mpc.signature.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The single-node sequencer: checks each submitted entry at once against the state it will meet (refusing
 * with the reason), gathers accepted entries into a {@link BlockDraft}, cuts the block at
 * {@code maxEntries}, {@code maxBytes} or {@code maxDelayMs}, has the replica append it, and then answers every submitter with a
 * {@link Receipt}.
 *
 * <p>Signature checks, the main cost, run in parallel on the blocking dispatcher; entries are then
 * admitted strictly in arrival order, so each submitter's nonces keep their order.
 *
 * <p>Up to {@code maxInFlight} blocks are being persisted, answered in height order. A draft that fills
 * meanwhile is sealed at once and waits its turn, and the next draft is built on the state the newest sealed block leads to; so no entry is dropped,
 * none is applied twice, and blocks reach the replica in height order. At most 64 sealed blocks and 50,000
 * unchecked entries wait: past that, submitters are told to retry rather than memory growing without
 * bound. If the replica refuses a block (which a correct builder never causes) every waiting submitter
 * gets the error and the builder starts again from the replica's state.
 */
public final class BlockBuilder extends AbstractBehavior<BlockBuilder.Command> {
  private static final int STASH_CAPACITY = 100_000;
  private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(30);
  /** Sealed blocks allowed to wait for the replica before submitters are asked to retry. */
  private static final int MAX_READY_BLOCKS = 64;
  /** Submitted entries allowed to wait for their signature check before submitters are asked to retry. */
  private static final int MAX_INCOMING_ENTRIES = 50_000;

  /** What the builder answers to. */
  public sealed interface Command {}

  /** Submit a signed entry; the reply is its receipt once its block is on disk, or the refusal reason. */
  public record Submit(Entry entry, ActorRef<StatusReply<Receipt>> replyTo) implements Command {}

  private record Started(ReplicaState state) implements Command {}

  private enum Cut implements Command { INSTANCE }

  /** Some submitted entry's signature check finished: admit what is ready, in arrival order. */
  private enum Verified implements Command { INSTANCE }

  private record Appended(BlockDraft.Sealed sealed) implements Command {}

  private record AppendFailed(BlockDraft.Sealed sealed, Throwable cause) implements Command {}

  private record StartFailed(Throwable cause) implements Command {}

  private record Waiter(int index, ActorRef<StatusReply<Receipt>> replyTo) {}

  private record Pending(BlockDraft.Sealed sealed, List<Waiter> waiters) {}

  private record Incoming(Submit submit, CompletableFuture<Void> verified) {}

  private final ActorRef<LedgerReplica.Command> replica;
  private final EntryRules rules;
  private final BlockBuilderSettings settings;
  private final long epoch;
  private final Did sequencer;
  private final PublicKeySign signer;
  private final Clock clock;
  private final TimerScheduler<Command> timers;

  private BlockHeader committedHead; // on the replica's disk
  private LedgerState committedState;
  // Sent to the replica and not yet answered, oldest first: at most settings.maxInFlight(), answered in order.
  private final Deque<Pending> inFlight = new ArrayDeque<>();
  // In-flight blocks whose answer came before an older block's (identity, not equality: one object per block).
  private final Set<BlockDraft.Sealed> appendedEarly = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Pending> ready = new ArrayDeque<>(); // sealed, waiting their turn, in height order
  // Submitted entries in arrival order, each with its signature check running on the blocking dispatcher.
  // They are admitted strictly first in, first out, so each submitter's nonces keep their order.
  private final Deque<Incoming> incoming = new ArrayDeque<>();
  private final Executor verifiers;
  private BlockDraft draft; // filling, or null
  private boolean cutDue; // the draft's time is up, and it waits for the replica to take a block
  private List<Waiter> draftWaiters = new ArrayList<>();

  private BlockBuilder(ActorContext<Command> context, TimerScheduler<Command> timers,
      ActorRef<LedgerReplica.Command> replica, EntryRules rules, BlockBuilderSettings settings, long epoch,
      Did sequencer, PublicKeySign signer, Clock clock, ReplicaState start) {
    super(context);
    this.timers = timers;
    this.replica = replica;
    this.rules = rules;
    this.settings = settings;
    this.epoch = epoch;
    this.sequencer = sequencer;
    this.signer = signer;
    this.clock = clock;
    this.committedHead = start.head();
    this.committedState = start.ledger();
    this.verifiers = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  /**
   * A builder for {@code replica}, which must already hold the genesis block; it seals blocks of
   * {@code epoch} as {@code sequencer} with {@code signer}.
   */
  public static Behavior<Command> create(ActorRef<LedgerReplica.Command> replica, EntryRules rules,
      BlockBuilderSettings settings, long epoch, Did sequencer, PublicKeySign signer, Clock clock) {
    Behavior<Command> builder = Behaviors.withStash(STASH_CAPACITY, stash -> Behaviors.setup(context ->
        Behaviors.withTimers(timers -> {
          context.ask(ReplicaState.class, replica, APPEND_TIMEOUT, LedgerReplica.GetState::new,
              (state, failure) -> state != null ? new Started(state) : new StartFailed(failure));
          return starting(context, timers, stash, replica, rules, settings, epoch, sequencer, signer, clock);
        })));
    // A failed append leaves drafts built on a block the replica does not hold: start again from its state.
    return Behaviors.supervise(builder).onFailure(IllegalStateException.class,
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.2));
  }

  private static Behavior<Command> starting(ActorContext<Command> context, TimerScheduler<Command> timers,
      StashBuffer<Command> stash, ActorRef<LedgerReplica.Command> replica, EntryRules rules,
      BlockBuilderSettings settings, long epoch, Did sequencer, PublicKeySign signer, Clock clock) {
    return Behaviors.receive(Command.class)
        .onMessage(Started.class, started -> {
          if (started.state().isEmpty()) {
            throw new IllegalStateException("the block builder needs a replica that holds the genesis block");
          }
          return stash.unstashAll(new BlockBuilder(context, timers, replica, rules, settings, epoch, sequencer,
              signer, clock, started.state()));
        })
        .onMessage(StartFailed.class, failed -> {
          throw new IllegalStateException("the replica did not report its state", failed.cause());
        })
        .onAnyMessage(message -> {
          stash.stash(message);
          return Behaviors.same();
        })
        .build();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onSignal(PostStop.class, signal -> onStopped())
        .onMessage(Submit.class, this::onSubmit)
        .onMessageEquals(Verified.INSTANCE, this::admitVerified)
        .onMessageEquals(Cut.INSTANCE, this::onCut)
        .onMessage(Appended.class, this::onAppended)
        .onMessage(AppendFailed.class, this::onAppendFailed)
        .build();
  }

  /**
   * Starts the entry's signature check off this actor, so that verification, the sequencer's main cost,
   * uses every core. The check is made under the submitter's key as of the last committed block; the
   * entry remembers a verdict only for that key ({@link Entry#verify}), so if the key changed meanwhile the
   * admission check verifies again under the current one. A failed check is not remembered either, and
   * admission then refuses the entry with its reason.
   */
  private Behavior<Command> onSubmit(Submit submit) {
    if (incoming.size() >= MAX_INCOMING_ENTRIES) {
      submit.replyTo().tell(StatusReply.error("sequencer overloaded: " + incoming.size()
          + " entries are waiting for their signature check; retry later"));
      return this;
    }
    Entry entry = submit.entry();
    PublicKeyVerify verifier = committedState.membership().find(entry.submitter())
        .map(member -> (PublicKeyVerify) member.document().verifier()).orElse(null);
    CompletableFuture<Void> verified = verifier == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(() -> verifyQuietly(entry, verifier), verifiers);
    incoming.addLast(new Incoming(submit, verified));
    ActorRef<Command> self = getContext().getSelf();
    verified.whenComplete((ignored, failure) -> self.tell(Verified.INSTANCE));
    return this;
  }

  private static void verifyQuietly(Entry entry, PublicKeyVerify verifier) {
    try {
      entry.verify(verifier);
    } catch (GeneralSecurityException e) {
      // Admission verifies again and refuses the entry, naming the reason.
    }
  }

  private Behavior<Command> admitVerified() {
    while (!incoming.isEmpty() && incoming.peekFirst().verified().isDone()) {
      admit(incoming.pollFirst().submit());
    }
    return this;
  }

  private void admit(Submit submit) {
    if (draft != null && !draft.isEmpty()
        && draft.entryBytes() + submit.entry().encodedLength() > settings.maxBytes()) {
      sealDraft(); // the entry would take the block past its byte bound: it opens the next block
      sendNext();
    }
    if (draft == null) {
      if (ready.size() >= MAX_READY_BLOCKS) {
        submit.replyTo().tell(StatusReply.error("sequencer overloaded: " + ready.size()
            + " sealed blocks are waiting for the replica; retry later"));
        return;
      }
      openDraft();
    }
    int index;
    try {
      index = draft.add(submit.entry());
    } catch (RefusedException e) {
      submit.replyTo().tell(StatusReply.error(e.getMessage()));
      return;
    }
    draftWaiters.add(new Waiter(index, submit.replyTo()));
    if (draft.size() >= settings.maxEntries()) {
      sealDraft();
      sendNext();
    }
  }

  /**
   * The draft's time is up. If the replica can take another block now, the draft is sealed and sent;
   * otherwise it keeps filling (up to {@code maxEntries}) until a block comes back: under load blocks grow
   * instead of queueing, so the per-block costs (persisting, hashing the state, replicating) are shared by
   * more entries and no entry waits longer than it would in a queue of small blocks.
   */
  private Behavior<Command> onCut() {
    if (draft != null && draft.isEmpty()) {
      // Every entry offered to it was refused (a resent entry already committed, say). Kept, it would have no
      // cut left: later entries would join it and wait for maxEntries. The next entry opens a fresh draft.
      draft = null;
      return this;
    }
    if (draft != null) {
      if (inFlight.size() < settings.maxInFlight() && ready.isEmpty()) {
        sealDraft();
        sendNext();
      } else {
        cutDue = true;
      }
    }
    return this;
  }

  /** Opens the next draft on the newest state: that of the last sealed block, whether on disk or not. */
  private void openDraft() {
    Pending tip = !ready.isEmpty() ? ready.peekLast() : inFlight.peekLast();
    draft = tip != null
        ? BlockDraft.after(tip.sealed().block().header(), tip.sealed().state(), rules, clock.millis())
        : BlockDraft.after(committedHead, committedState, rules, clock.millis());
    timers.startSingleTimer(Cut.INSTANCE, settings.maxDelay());
  }

  private void sealDraft() {
    timers.cancel(Cut.INSTANCE);
    cutDue = false;
    ready.addLast(new Pending(draft.seal(epoch, sequencer, signer), draftWaiters));
    draft = null;
    draftWaiters = new ArrayList<>();
  }

  /**
   * Blocks go to the replica in height order, up to {@code maxInFlight} at a time: a replicated ledger
   * overlaps one block's round trip with the next block's checks. The replica answers them in order.
   */
  private void sendNext() {
    while (inFlight.size() < settings.maxInFlight() && !ready.isEmpty()) {
      Pending next = ready.pollFirst();
      inFlight.addLast(next);
      BlockDraft.Sealed sealed = next.sealed();
      getContext().askWithStatus(LedgerReplica.Appended.class, replica, APPEND_TIMEOUT,
          replyTo -> new LedgerReplica.Append(sealed.block(), replyTo),
          (appended, failure) -> failure == null ? new Appended(sealed) : new AppendFailed(sealed, failure));
    }
  }

  private Behavior<Command> onAppended(Appended appended) {
    if (!isInFlight(appended.sealed())) {
      return this; // an answer from before a restart
    }
    // The replica persists in height order, but answers to separate asks may arrive in another order.
    appendedEarly.add(appended.sealed());
    while (!inFlight.isEmpty() && appendedEarly.remove(inFlight.peekFirst().sealed())) {
      answer(inFlight.pollFirst());
    }
    if (cutDue && ready.isEmpty() && draft != null && !draft.isEmpty()) {
      sealDraft(); // its time was up while the replica was busy
    }
    sendNext();
    return this;
  }

  /** Receipts for every entry of a block now on the replica's disk; the block is the new committed head. */
  private void answer(Pending committed) {
    Block block = committed.sealed().block();
    for (Waiter waiter : committed.waiters()) {
      Entry entry = block.entries().get(waiter.index());
      waiter.replyTo().tell(StatusReply.success(new Receipt(block.height(), waiter.index(), entry.hash(),
          block.hash(), block.inclusionProof(waiter.index()))));
    }
    committedHead = block.header();
    committedState = committed.sealed().state();
  }

  /**
   * Stopped (the sequencer moved to another member): every entry not yet answered is answered now, so its
   * submitter sends it again at once instead of waiting for a timeout. An entry of a block that a quorum
   * persisted after all is then recognised by the next sequencer.
   */
  private Behavior<Command> onStopped() {
    String reason = "the sequencer stopped before this entry was committed; retry with the same entry";
    sequencedWaiters().forEach(waiter -> waiter.replyTo().tell(StatusReply.error(reason)));
    incoming.forEach(entry -> entry.submit().replyTo().tell(StatusReply.error(reason)));
    return this;
  }

  /** Everyone waiting for an entry that was sequenced (in a block on its way, sealed, or in the draft). */
  private List<Waiter> sequencedWaiters() {
    List<Waiter> waiting = new ArrayList<>();
    inFlight.forEach(pending -> waiting.addAll(pending.waiters()));
    ready.forEach(pending -> waiting.addAll(pending.waiters()));
    waiting.addAll(draftWaiters);
    return waiting;
  }

  private boolean isInFlight(BlockDraft.Sealed sealed) {
    return inFlight.stream().anyMatch(pending -> pending.sealed() == sealed);
  }

  private Behavior<Command> onAppendFailed(AppendFailed failed) {
    if (!isInFlight(failed.sealed())) {
      return this; // a later block of the one that failed first, or an answer from before a restart
    }
    getContext().getLog().error("Replica did not append block {}; failing it and every block built on it",
        failed.sealed().block().height(), failed.cause());
    String reason = "block " + failed.sealed().block().height() + " was not appended: " + failed.cause().getMessage();
    // Every later block and the draft were built on the failed block's state: none can follow the head.
    for (Waiter waiter : sequencedWaiters()) {
      waiter.replyTo().tell(StatusReply.error(reason));
    }
    for (Incoming waiting : incoming) {
      waiting.submit().replyTo().tell(StatusReply.error(reason + "; the sequencer restarts, submit again"));
    }
    timers.cancel(Cut.INSTANCE);
    throw new IllegalStateException(reason, failed.cause());
  }
}
