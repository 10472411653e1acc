package dev.consilium.roles.credit;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.CreditState;
import dev.consilium.ledger.credit.Inquiry;
import dev.consilium.ledger.credit.InquiryStatus;
import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import dev.consilium.runtime.replication.SubmissionException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * An institution's part in joint credit investigations (DESIGN §6), driven by the committed ledger: it asks
 * inquiries for its own applicants, and, for every inquiry it takes part in, contributes its masked and
 * encrypted amount, expires the inquiry at its deadline, and corrects its masks when banks are missing.
 * For its own inquiries it decrypts the total, files the report to the regulator and records its decision.
 *
 * <p>Every step is decided from the ledger state its {@link LedgerFollower} hands it (committed, re-checked),
 * never from what it sent: a step whose entry was lost is simply taken again, and a restarted desk picks up
 * where the ledger stands. The cryptography runs off the actor ({@link InquiryWork}); the actor only decides
 * which step is due and keeps at most one entry in flight per inquiry and action.
 *
 * <p>What stays here: the loan book, the customer ids, the Paillier private keys, the masks and every
 * plaintext; what goes on the ledger: pseudonyms, ciphertexts, the consent, the sealed report and a decision
 * code.
 */
public final class CreditDesk extends AbstractBehavior<CreditDesk.Command> {
  /** How long a step whose entry got no receipt waits for the ledger to show it before it is taken again. */
  static final long RETRY_AFTER_LOST_RECEIPT_MS = 5_000;
  /** Prefix of key-registration step ids; inquiry ids are [a-z0-9-], so none contains ':'. */
  private static final String KEY_STEP_PREFIX = "key:";

  /** What the desk answers to; local only. */
  public sealed interface Command {}

  /**
   * Investigates {@code application} across every admitted institution (this one included) and decides; the
   * reply comes when the decision is on the ledger, or when the inquiry ended INSUFFICIENT, or with the
   * reason it could not be asked.
   */
  public record Inquire(Application application, ActorRef<StatusReply<InquiryResult>> replyTo) implements Command {}

  /** What this desk has done so far. */
  public record GetStats(ActorRef<DeskStats> replyTo) implements Command {}

  private record Followed(LedgerFollower.Followed followed) implements Command {}

  /** The block an inquiry was opened in, read back for its consent (see {@link #contribute}). */
  private record OpenBlockRead(String inquiryId, ReplicaEndpoint.Command answer, Throwable failure)
      implements Command {}

  /** A step's entry was computed (or could not be). */
  private record Computed(String inquiryId, String action, StepOutput output, Throwable failure) implements Command {}

  /** A step's entry, and for a report the totals it was decrypted from, which the decision needs. */
  private record StepOutput(byte[] payload, List<Long> totals) {
    static StepOutput of(byte[] payload) {
      return new StepOutput(payload, List.of());
    }
  }

  /** A step's entry was committed, or refused, or got no receipt. */
  private record Submitted(String inquiryId, String action, Receipt receipt, Throwable failure) implements Command {}

  private enum Tick implements Command { INSTANCE }

  /** An inquiry this desk asked, until it ends. */
  private record Asked(Application application, ActorRef<StatusReply<InquiryResult>> replyTo, long startedAtMs,
      List<Long> totalsCents) {
    Asked withTotals(List<Long> totals) {
      return new Asked(application, replyTo, startedAtMs, totals);
    }

    boolean decrypted() {
      return !totalsCents.isEmpty();
    }
  }

  private final ActorContext<Command> context;
  private final Did self;
  private final DeskSettings settings;
  private final InquiryWork work;
  private final LedgerSubmitter ledger;
  private final ActorRef<ReplicaEndpoint.Command> replica;
  private final Clock clock;
  private final Executor cpu;
  private final Map<String, Asked> asked = new HashMap<>();
  /**
   * Inquiries this desk asked whose open waits for the key it asks under to be registered on the ledger: an
   * open under an unregistered key is refused, so a new (rotated) key goes on the ledger first.
   */
  private final Set<String> awaitingKey = new LinkedHashSet<>();
  /** The consents of each inquiry this bank takes part in, from its open entry: the state keeps only a hash. */
  private final Map<String, List<byte[]>> consents = new HashMap<>();
  /** Inquiries this bank takes part in or asked that have not ended. */
  private final Set<String> watched = new HashSet<>();
  /** "inquiry/action" of every entry being computed or awaiting its receipt. */
  private final Set<String> inFlight = new HashSet<>();
  /**
   * "inquiry/action" committed or refused: never taken again. Each action is once per bank and inquiry, and
   * the committed state may lag a receipt, so the state alone would take a committed step a second time.
   */
  private final Set<String> settled = new HashSet<>();
  /**
   * "inquiry/action" whose entry got no receipt, until when the step waits: the entry may still commit, and
   * the state shows it by then; taking the step at once would put a second entry for it on the ledger.
   */
  private final Map<String, Long> retryAfterMs = new HashMap<>();
  private LedgerState state; // the last committed state the follower handed over; null before the first
  private final DeskStats.Counters counters = new DeskStats.Counters();

  private CreditDesk(ActorContext<Command> context, Did self, DeskSettings settings, InquiryWork work,
      LedgerSubmitter ledger, ActorRef<ReplicaEndpoint.Command> replica, Clock clock) {
    super(context);
    this.context = context;
    this.self = self;
    this.settings = settings;
    this.work = work;
    this.ledger = ledger;
    this.replica = replica;
    this.clock = clock;
    this.cpu = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  /**
   * The desk of institution {@code self}: it follows the ledger through {@code follower}, computes its steps
   * with {@code work} and submits them through {@code ledger}; {@code replica} (this member's replica
   * endpoint) gives back an opening block whose news came before the desk subscribed.
   */
  public static Behavior<Command> create(Did self, DeskSettings settings, InquiryWork work,
      ActorRef<LedgerFollower.Command> follower, LedgerSubmitter ledger, ActorRef<ReplicaEndpoint.Command> replica,
      Clock clock) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      context.setLoggerName(CreditDesk.class);
      follower.tell(new LedgerFollower.Subscribe(context.messageAdapter(LedgerFollower.Followed.class, Followed::new)));
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofMillis(settings.tickIntervalMs()));
      return new CreditDesk(context, self, settings, work, ledger, replica, clock);
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Inquire.class, this::onInquire)
        .onMessage(GetStats.class, this::onGetStats)
        .onMessage(Followed.class, this::onFollowed)
        .onMessage(OpenBlockRead.class, this::onOpenBlockRead)
        .onMessage(Computed.class, this::onComputed)
        .onMessage(Submitted.class, this::onSubmitted)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .build();
  }

  private Behavior<Command> onInquire(Inquire inquire) {
    Application application = inquire.application();
    String id = application.inquiryId();
    if (state == null) {
      inquire.replyTo().tell(StatusReply.error("the ledger is not followed yet; ask again shortly"));
      return this;
    }
    if (asked.containsKey(id) || credit().find(id).isPresent()) {
      inquire.replyTo().tell(StatusReply.error("inquiry " + id + " already exists; inquiry ids are never reused"));
      return this;
    }
    long now = clock.millis();
    asked.put(id, new Asked(application, inquire.replyTo(), now, List.of()));
    watched.add(id);
    awaitingKey.add(id);
    openAwaiting();
    return this;
  }

  /**
   * Opens the inquiries waiting for a registered key, under the current key once the ledger shows it
   * registered; until then, registers it (once: the step is keyed by the key's fingerprint). The deadline
   * runs from the open, so time spent registering does not shorten it.
   */
  private void openAwaiting() {
    if (awaitingKey.isEmpty() || state == null) {
      return;
    }
    PaillierPublicKey key = work.currentKey();
    if (!credit().keys().isRegistered(self, key.toBytes())) {
      submitOnce(keyStep(key), CreditContract.REGISTER_KEY, () -> InquiryWork.keyRegistration(key));
      return;
    }
    LedgerState at = state;
    for (String id : awaitingKey) {
      Asked mine = asked.get(id);
      if (mine != null) {
        long deadlineMs = clock.millis() + settings.inquiryTimeoutMs();
        compute(id, CreditContract.OPEN, () -> StepOutput.of(work.open(mine.application(), key, at, deadlineMs)));
      }
    }
    awaitingKey.clear();
  }

  /** The step id of registering {@code key}: no inquiry's, so it never collides with one. */
  private static String keyStep(PaillierPublicKey key) {
    return KEY_STEP_PREFIX + key.fingerprintHex();
  }

  private Behavior<Command> onGetStats(GetStats request) {
    request.replyTo().tell(counters.snapshot(work.cryptoNanos(), asked.size(), watched.size()));
    return this;
  }

  private Behavior<Command> onFollowed(Followed message) {
    LedgerFollower.Followed followed = message.followed();
    state = followed.state();
    Set<String> touched = new HashSet<>();
    if (followed.blocks().isEmpty()) {
      // The first news after subscribing: every inquiry not yet ended may concern this bank.
      credit().inquiries().forEach((id, inquiry) -> {
        if (!ended(inquiry.status())) {
          touched.add(id);
        }
      });
    }
    for (Block block : followed.blocks()) {
      for (Entry entry : block.entries()) {
        if (entry.contract().equals(CreditContract.NAME)) {
          noteEntry(entry, touched);
        }
      }
    }
    touched.forEach(this::advance);
    openAwaiting();
    return this;
  }

  /** Remembers the consent of an inquiry this bank is in, and marks the entry's inquiry as touched. */
  private void noteEntry(Entry entry, Set<String> touched) {
    try {
      if (entry.action().equals(CreditContract.REGISTER_KEY)) {
        return; // about no inquiry: openAwaiting() looks at the keys in the state
      }
      if (entry.action().equals(CreditContract.OPEN)) {
        OpenInquiry open = CanonicalReader.decode(entry.payload(), OpenInquiry::read);
        if (open.participants().contains(self)) {
          consents.put(open.inquiryId(), open.consents());
        }
        touched.add(open.inquiryId());
      } else {
        touched.add(CreditContract.inquiryIdOf(entry.payload()));
      }
    } catch (CanonicalFormatException e) {
      // Committed entries passed the contract: one that does not read here is a bug worth a loud log line.
      context.getLog().error("A committed credit entry {} does not read: {}", entry.action(), e.getMessage());
    }
  }

  private Behavior<Command> onTick() {
    if (state != null) {
      Set.copyOf(watched).forEach(this::advance);
      openAwaiting();
    }
    return this;
  }

  /** Takes whatever step of inquiry {@code id} is due for this bank, given the last committed state. */
  private void advance(String id) {
    Optional<Inquiry> found = credit().find(id);
    if (found.isEmpty()) {
      return; // an open of ours not yet committed (or refused: its failure answers the asker)
    }
    Inquiry inquiry = found.get();
    boolean asker = inquiry.asker().equals(self);
    Asked asking = asked.get(id);
    if (asking != null && (!asker || !work.holdsKey(inquiry.askerKey()))) {
      // The id is on the ledger, but not from this desk's open: another bank's inquiry, or one this bank
      // opened before it restarted, under a key it no longer holds and so could never decrypt. Only the ask
      // ends here; as a participant this bank still takes its part below.
      abandonAsk(id, asking, "inquiry " + id + " already exists; inquiry ids are never reused (it was opened "
          + (asker ? "by this bank before it restarted, under a key it no longer holds)" : "by " + inquiry.asker()
          + ")"));
    }
    Asked mine = asked.get(id);
    boolean participant = inquiry.participants().contains(self);
    if (!asker && !participant) {
      return;
    }
    // A participant is done once contributions and corrections are over; the asker once the inquiry ended.
    boolean done = mine != null ? ended(inquiry.status())
        : inquiry.status() != InquiryStatus.OPEN && inquiry.status() != InquiryStatus.CORRECTING;
    if (done) {
      watched.remove(id);
      consents.remove(id);
      if (mine == null) {
        forget(id);
      }
    } else {
      watched.add(id);
    }
    long now = clock.millis();
    switch (inquiry.status()) {
      case OPEN -> {
        if (participant && !inquiry.contributors().contains(self) && now < inquiry.deadlineMs()) {
          contribute(id, inquiry);
        }
        long expireAtMs = inquiry.deadlineMs() + (asker ? 0 : settings.expireGraceMs());
        if (now >= expireAtMs) {
          submitOnce(id, CreditContract.EXPIRE, () -> CreditContract.expirePayload(id));
        }
      }
      case CORRECTING -> {
        if (inquiry.contributors().contains(self) && !inquiry.correctors().contains(self)) {
          LedgerState at = state;
          compute(id, CreditContract.CORRECT, () -> StepOutput.of(work.correction(inquiry, id, at)));
        }
      }
      case CLOSED -> {
        if (mine != null) {
          report(id, inquiry, mine);
        }
      }
      case REPORTED -> {
        if (mine != null && mine.decrypted()) {
          submitOnce(id, CreditContract.DECISION, () -> work.decision(id, mine.application(), mine.totalsCents()));
        }
      }
      case DECIDED -> {
        if (mine != null) {
          finish(id, mine, new InquiryResult(id, InquiryResult.Ending.DECIDED, mine.totalsCents(),
              inquiry.decisions(), inquiry.contributors(), now - mine.startedAtMs()));
        }
      }
      case INSUFFICIENT -> {
        if (mine != null) {
          finish(id, mine, new InquiryResult(id, InquiryResult.Ending.INSUFFICIENT, List.of(), List.of(),
              inquiry.contributors(), now - mine.startedAtMs()));
        }
      }
    }
  }

  /**
   * Contributes once the consent is known. It comes with the open entry; an inquiry opened before this desk
   * subscribed (a member restarting) is known from the state alone, so its opening block is read back first.
   */
  private void contribute(String id, Inquiry inquiry) {
    List<byte[]> inquiryConsents = consents.get(id);
    if (inquiryConsents == null) {
      readOpenBlock(id, inquiry.openedAtHeight());
      return;
    }
    LedgerState at = state;
    compute(id, CreditContract.CONTRIBUTE,
        () -> StepOutput.of(work.contribution(inquiry, id, inquiryConsents, at)));
  }

  private void readOpenBlock(String id, long height) {
    String key = id + "/consent";
    if (!due(key)) {
      return;
    }
    inFlight.add(key);
    context.ask(ReplicaEndpoint.Command.class, replica, Duration.ofSeconds(5),
        replyTo -> new ReplicaEndpoint.GetBlocks(height, 1, replyTo),
        (answer, failure) -> new OpenBlockRead(id, answer, failure));
  }

  private Behavior<Command> onOpenBlockRead(OpenBlockRead read) {
    String key = read.inquiryId() + "/consent";
    inFlight.remove(key);
    if (read.failure() == null && read.answer() instanceof ReplicaEndpoint.Blocks blocks) {
      Set<String> touched = new HashSet<>();
      blocks.blocks().forEach(block -> block.entries().stream()
          .filter(entry -> entry.contract().equals(CreditContract.NAME)
              && entry.action().equals(CreditContract.OPEN))
          .forEach(entry -> noteEntry(entry, touched)));
    }
    if (!consents.containsKey(read.inquiryId())) {
      // Not read (the replica is catching up, or answered late): the next tick asks again, a moment later.
      retryAfterMs.put(key, clock.millis() + settings.tickIntervalMs() * 5);
      return this;
    }
    advance(read.inquiryId());
    return this;
  }

  /** Decrypts the total (kept for the decision), then seals it to the regulator. */
  private void report(String id, Inquiry inquiry, Asked mine) {
    LedgerState at = state;
    compute(id, CreditContract.REPORT, () -> {
      List<Long> totals = work.decryptTotals(inquiry, id);
      return new StepOutput(work.report(id, totals, at), totals);
    });
  }

  private void finish(String id, Asked mine, InquiryResult result) {
    asked.remove(id);
    watched.remove(id);
    forget(id);
    counters.finished(result.ending());
    mine.replyTo().tell(StatusReply.success(result));
  }

  /** Runs {@code step} off the actor, unless the same step is already in flight or was refused. */
  private void compute(String id, String action, Supplier<StepOutput> step) {
    String key = id + "/" + action;
    if (!due(key)) {
      return;
    }
    inFlight.add(key);
    context.pipeToSelf(CompletableFuture.supplyAsync(step, cpu),
        (output, failure) -> new Computed(id, action, output, failure));
  }

  /** Submits the payload {@code payload} builds, unless the step is not due; built only when it is. */
  private void submitOnce(String id, String action, Supplier<byte[]> payload) {
    String key = id + "/" + action;
    if (!due(key)) {
      return;
    }
    inFlight.add(key);
    submit(id, action, payload.get());
  }

  /** Drops what this desk kept of the steps of inquiry {@code id}, which has ended for it. */
  private void forget(String id) {
    String prefix = id + "/";
    settled.removeIf(key -> key.startsWith(prefix));
    retryAfterMs.keySet().removeIf(key -> key.startsWith(prefix));
  }

  /** Whether step {@code key} may be taken now: not in flight, not settled, not waiting after a lost receipt. */
  private boolean due(String key) {
    if (inFlight.contains(key) || settled.contains(key)) {
      return false;
    }
    Long after = retryAfterMs.get(key);
    if (after != null && clock.millis() < after) {
      return false;
    }
    retryAfterMs.remove(key);
    return true;
  }

  private Behavior<Command> onComputed(Computed computed) {
    String id = computed.inquiryId();
    String key = id + "/" + computed.action();
    if (computed.failure() != null) {
      inFlight.remove(key);
      Throwable cause = unwrap(computed.failure());
      if (cause instanceof StepRefusal refusal) {
        // This bank will not take the step (no consent, a key it cannot use): the inquiry goes on without it.
        settled.add(key);
        context.getLog().warn("Inquiry {}: not taking step {}: {}", id, computed.action(), refusal.getMessage());
        failAsker(id, computed.action(), refusal.getMessage());
      } else {
        context.getLog().error("Inquiry {}: step {} failed; it is tried again", id, computed.action(), cause);
      }
      return this;
    }
    Asked mine = asked.get(id);
    if (mine != null && !computed.output().totals().isEmpty()) {
      asked.put(id, mine.withTotals(computed.output().totals()));
    }
    submit(id, computed.action(), computed.output().payload());
    return this;
  }

  private void submit(String id, String action, byte[] payload) {
    CompletionStage<Receipt> receipt;
    try {
      receipt = ledger.submit(CreditContract.NAME, action, payload);
    } catch (RuntimeException e) {
      receipt = CompletableFuture.failedFuture(e);
    }
    context.pipeToSelf(receipt, (done, failure) -> new Submitted(id, action, done, failure));
  }

  private Behavior<Command> onSubmitted(Submitted submitted) {
    String id = submitted.inquiryId();
    String key = id + "/" + submitted.action();
    inFlight.remove(key);
    if (submitted.failure() == null) {
      settled.add(key);
      counters.committed(submitted.action());
      return this; // the follower brings the new state; the next step is decided from it
    }
    Throwable cause = unwrap(submitted.failure());
    boolean retryable = !(cause instanceof SubmissionException rejection) || rejection.retryable();
    if (retryable) {
      context.getLog().info("Inquiry {}: {} got no receipt ({}); taken again in {} ms unless the ledger shows it",
          id, submitted.action(), cause.getMessage(), RETRY_AFTER_LOST_RECEIPT_MS);
      retryAfterMs.put(key, clock.millis() + RETRY_AFTER_LOST_RECEIPT_MS);
      return this;
    }
    settled.add(key);
    counters.refused();
    if (submitted.action().equals(CreditContract.REGISTER_KEY)) {
      keyRefused(cause.getMessage());
      return this;
    }
    // Expiry races are normal (another bank expired first): those at INFO, anything else is worth a warning.
    if (submitted.action().equals(CreditContract.EXPIRE)) {
      context.getLog().info("Inquiry {}: the ledger refused expire: {}", id, cause.getMessage());
    } else {
      context.getLog().warn("Inquiry {}: the ledger refused {}: {}", id, submitted.action(), cause.getMessage());
    }
    failAsker(id, submitted.action(), cause.getMessage());
    return this;
  }

  /**
   * The ledger refused this bank's key. If the state shows it registered after all (an earlier submission
   * committed without its receipt reaching here), the opens go ahead; otherwise every waiting asker hears why.
   */
  private void keyRefused(String reason) {
    if (credit().keys().isRegistered(self, work.currentKey().toBytes())) {
      openAwaiting();
      return;
    }
    context.getLog().warn("The ledger refused this bank's Paillier key: {}", reason);
    for (String id : List.copyOf(awaitingKey)) {
      failAsker(id, CreditContract.OPEN, "registering the key to ask under failed: " + reason);
    }
    awaitingKey.clear();
  }

  /** Ends an ask that cannot be this desk's to finish, telling the asker why. */
  private void abandonAsk(String id, Asked mine, String reason) {
    asked.remove(id);
    awaitingKey.remove(id);
    counters.failed();
    mine.replyTo().tell(StatusReply.error(reason));
  }

  /** An asker whose own open, report or decision cannot happen hears why at once. */
  private void failAsker(String id, String action, String reason) {
    Asked mine = asked.get(id);
    if (mine != null && (action.equals(CreditContract.OPEN) || action.equals(CreditContract.REPORT)
        || action.equals(CreditContract.DECISION))) {
      asked.remove(id);
      watched.remove(id);
      counters.failed();
      mine.replyTo().tell(StatusReply.error("inquiry " + id + ": " + action + " failed: " + reason));
    }
  }

  private CreditState credit() {
    return (CreditState) state.contractState(CreditContract.NAME);
  }

  private static boolean ended(InquiryStatus status) {
    return status == InquiryStatus.INSUFFICIENT || status == InquiryStatus.DECIDED;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
