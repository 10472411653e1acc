package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.InquiryReport;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the observer remembers of committed credit entries that the credit state does not keep: when (block
 * timestamp) each inquiry was opened, for the activity chart, and each report's ciphertext, which the state
 * keeps only as a hash. It indexes blocks up to its {@link LedgerFollower}'s checked head only, so never an
 * entry the audit has not passed or that could still vanish.
 *
 * <p>The follower hands a new subscriber the state so far but not the blocks before it, and the observer may
 * start well after the node. So the index reads the blocks it has not seen from the replica itself, in
 * batches, up to the follower's head; from then on it indexes the follower's blocks as they come. Those
 * reads are of committed heights the follower already checked, which a replica never changes.
 *
 * <p>Bounded memory: at most {@code maxEntries} openings and as many reports, the oldest dropped first (by
 * height). With the default of {@value #DEFAULT_MAX_ENTRIES} (the credit contract's own bound on inquiries),
 * an opening takes about 200 bytes, a report its ciphertext (about 100 bytes as sealed today, 2 KB at most)
 * plus about 200: roughly 50 MB at the bound in practice, 240 MB at worst. Counts over dropped entries are
 * lost, which the activity answer shows by saying how many inquiries it counts.
 */
final class ObserverIndex extends AbstractBehavior<ObserverIndex.Command> {
  static final int DEFAULT_MAX_ENTRIES = CreditContract.MAX_INQUIRIES;
  /** The activity chart's bucket: 10 s of block time. */
  static final long BUCKET_MS = 10_000;
  /** The activity chart's window: the last 60 buckets (10 minutes of block time) up to the newest block. */
  static final int WINDOW_BUCKETS = 60;
  private static final int BATCH_BLOCKS = 64;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  sealed interface Command {}

  /** The openings per asking bank in the activity window, by bucket. */
  record GetActivity(ActorRef<Activity> replyTo) implements Command {}

  /** Every report indexed, in the order filed. */
  record GetReports(ActorRef<Reports> replyTo) implements Command {}

  /** Stops the index (its observer could not bind). */
  enum Stop implements Command { INSTANCE }

  /** One inquiry's opening: who asked, and the height and block timestamp of its block. */
  record Opening(String inquiryId, Did asker, long height, long timestampMs) {}

  /** One filed report, with its ciphertext for a {@link ReportOpener}; immutable, the array is copied. */
  record FiledReport(String inquiryId, Did asker, long height, long timestampMs, Sha256Hash ciphertextHash,
      byte[] ciphertext) {
    FiledReport {
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FiledReport other && inquiryId.equals(other.inquiryId) && asker.equals(other.asker)
          && height == other.height && timestampMs == other.timestampMs
          && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
      return inquiryId.hashCode() * 31 + ciphertextHash.hashCode();
    }

    @Override
    public String toString() {
      return "FiledReport[" + inquiryId + ", " + asker + ", height " + height + ", " + ciphertextHash + "]";
    }
  }

  /** An asking bank's openings: in all (as indexed) and per bucket of the window, oldest bucket first. */
  record BankActivity(String asker, long openedTotal, List<Integer> openedPerBucket) {}

  /** Openings by bank over the window that ends with the bucket of the newest indexed block. */
  record Activity(long indexedHeight, long bucketMs, List<Long> bucketStartsMs, int inquiriesIndexed,
      List<BankActivity> banks) {}

  record Reports(long indexedHeight, List<FiledReport> reports) {}

  private record Followed(LedgerFollower.Followed followed) implements Command {}

  private record BlocksRead(ReplicaEndpoint.Command answer, Throwable failure) implements Command {}

  private enum Retry implements Command { INSTANCE }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final int maxEntries;
  private final LinkedHashMap<String, Opening> openings = new LinkedHashMap<>();
  private final LinkedHashMap<String, FiledReport> reports = new LinkedHashMap<>();
  private long indexedHeight = -1; // nothing indexed yet; genesis is height 0
  private long indexedTimestampMs;
  private long followedHeight = -1; // the follower's checked head, as last heard
  private boolean reading;
  /**
   * The follower's latest batch, when it came while a gap before it was being read: indexed after the read,
   * rather than read again. One batch at most (the follower's, 64 blocks), so bounded.
   */
  private List<Block> ahead = List.of();

  private ObserverIndex(ActorContext<Command> context, TimerScheduler<Command> timers,
      ActorRef<ReplicaEndpoint.Command> endpoint, int maxEntries) {
    super(context);
    this.context = context;
    this.timers = timers;
    this.endpoint = endpoint;
    this.maxEntries = maxEntries;
  }

  /** Indexes what {@code follower} checked, reading earlier blocks from {@code endpoint}, its replica. */
  static Behavior<Command> create(ActorRef<LedgerFollower.Command> follower,
      ActorRef<ReplicaEndpoint.Command> endpoint, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the observer index keeps at least 1 entry, not " + maxEntries);
    }
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      follower.tell(new LedgerFollower.Subscribe(
          context.messageAdapter(LedgerFollower.Followed.class, Followed::new)));
      return new ObserverIndex(context, timers, endpoint, maxEntries);
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Followed.class, this::onFollowed)
        .onMessage(BlocksRead.class, this::onBlocksRead)
        .onMessageEquals(Retry.INSTANCE, this::readMissing)
        .onMessage(GetActivity.class, this::onGetActivity)
        .onMessage(GetReports.class, this::onGetReports)
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }

  private Behavior<Command> onFollowed(Followed message) {
    LedgerFollower.Followed followed = message.followed();
    if (!followed.hasHead()) {
      return this;
    }
    followedHeight = Math.max(followedHeight, followed.head().height());
    indexInOrder(followed.blocks());
    List<Block> blocks = followed.blocks();
    if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).height() > indexedHeight) {
      ahead = blocks;
    }
    return readMissing();
  }

  private Behavior<Command> readMissing() {
    if (reading || indexedHeight >= followedHeight) {
      return this;
    }
    reading = true;
    long from = indexedHeight + 1;
    int count = (int) Math.min(BATCH_BLOCKS, followedHeight - indexedHeight);
    context.ask(ReplicaEndpoint.Command.class, endpoint, READ_TIMEOUT,
        replyTo -> new ReplicaEndpoint.GetBlocks(from, count, replyTo), BlocksRead::new);
    return this;
  }

  private Behavior<Command> onBlocksRead(BlocksRead read) {
    reading = false;
    if (read.failure() != null || !(read.answer() instanceof ReplicaEndpoint.Blocks blocks)) {
      context.getLog().warn("observer index: reading blocks after height {} failed ({}); retrying in {} ms",
          indexedHeight, read.failure() != null ? read.failure().getMessage() : read.answer(),
          RETRY_DELAY.toMillis());
      timers.startSingleTimer(Retry.INSTANCE, RETRY_DELAY);
      return this;
    }
    long before = indexedHeight;
    indexInOrder(blocks.blocks().stream().filter(block -> block.height() <= followedHeight).toList());
    indexInOrder(ahead);
    if (ahead.isEmpty() || ahead.get(ahead.size() - 1).height() <= indexedHeight) {
      ahead = List.of();
    }
    if (indexedHeight == before) {
      timers.startSingleTimer(Retry.INSTANCE, RETRY_DELAY); // the replica had none of them: try again later
      return this;
    }
    return readMissing();
  }

  /** Indexes the blocks that continue the indexed height; skips those already seen, stops at a gap. */
  private void indexInOrder(List<Block> blocks) {
    for (Block block : blocks) {
      if (block.height() <= indexedHeight) {
        continue;
      }
      if (block.height() != indexedHeight + 1) {
        return; // a gap: readMissing fills it from the replica
      }
      for (Entry entry : block.entries()) {
        if (entry.contract().equals(CreditContract.NAME)) {
          index(block, entry);
        }
      }
      indexedHeight = block.height();
      indexedTimestampMs = block.header().timestampMs();
    }
  }

  private void index(Block block, Entry entry) {
    long height = block.height();
    long timestampMs = block.header().timestampMs();
    try {
      switch (entry.action()) {
        case CreditContract.OPEN -> {
          String inquiryId = CreditContract.inquiryIdOf(entry.payload());
          putBounded(openings, inquiryId, new Opening(inquiryId, entry.submitter(), height, timestampMs));
        }
        case CreditContract.REPORT -> {
          InquiryReport report = CanonicalReader.decode(entry.payload(), InquiryReport::read);
          byte[] ciphertext = report.ciphertext();
          putBounded(reports, report.inquiryId(), new FiledReport(report.inquiryId(), entry.submitter(), height,
              timestampMs, Sha256.digest(ciphertext), ciphertext));
        }
        default -> { } // contributions, corrections, expiry and decisions are all in the credit state
      }
    } catch (CanonicalFormatException e) {
      // The follower's contract accepted this entry, so it must read: a bug, not bad input. Keep indexing.
      context.getLog().error("observer index: credit {} entry {} at height {} does not read: {}", entry.action(),
          entry.hash(), height, e.getMessage());
    }
  }

  private <V> void putBounded(LinkedHashMap<String, V> map, String key, V value) {
    map.put(key, value);
    Iterator<V> oldest = map.values().iterator();
    while (map.size() > maxEntries) {
      oldest.next();
      oldest.remove();
    }
  }

  private Behavior<Command> onGetActivity(GetActivity request) {
    long lastBucket = Math.floorDiv(indexedTimestampMs, BUCKET_MS) * BUCKET_MS;
    long firstBucket = lastBucket - (WINDOW_BUCKETS - 1) * BUCKET_MS;
    List<Long> starts = new ArrayList<>(WINDOW_BUCKETS);
    for (int i = 0; i < WINDOW_BUCKETS; i++) {
      starts.add(firstBucket + i * BUCKET_MS);
    }
    SortedMap<String, int[]> perBucket = new TreeMap<>();
    Map<String, Long> totals = new TreeMap<>();
    for (Opening opening : openings.values()) {
      String asker = opening.asker().toString();
      totals.merge(asker, 1L, Long::sum);
      int[] counts = perBucket.computeIfAbsent(asker, a -> new int[WINDOW_BUCKETS]);
      long bucket = Math.floorDiv(opening.timestampMs() - firstBucket, BUCKET_MS);
      if (bucket >= 0 && bucket < WINDOW_BUCKETS) {
        counts[(int) bucket]++;
      }
    }
    List<BankActivity> banks = new ArrayList<>();
    perBucket.forEach((asker, counts) -> banks.add(new BankActivity(asker, totals.get(asker),
        Arrays.stream(counts).boxed().toList())));
    request.replyTo().tell(new Activity(indexedHeight, BUCKET_MS, List.copyOf(starts), openings.size(),
        List.copyOf(banks)));
    return this;
  }

  private Behavior<Command> onGetReports(GetReports request) {
    request.replyTo().tell(new Reports(indexedHeight, List.copyOf(reports.values())));
    return this;
  }
}
