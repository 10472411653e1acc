package dev.consilium.simulator.bench;

import akka.actor.typed.ActorRef;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code consilium bench ledger}: one replica and its block builder on an H2 file in this JVM. Measures the
 * rate of committed entries with {@value #BANKS} client threads against the Ed25519 verification rate of
 * one thread, measured just before and just after (the builder verifies each entry once, on one thread, so
 * that rate bounds the ledger); then the submit-to-receipt latency at half that peak; then how long a
 * restarted node takes to recover a long journal with and without a snapshot.
 */
public final class LedgerBench {
  static final int BANKS = 8;
  static final int WINDOW_PER_CLIENT = 200;
  static final int MAX_BLOCK_ENTRIES = 500;
  static final long MAX_BLOCK_DELAY_MS = 20;
  static final double TARGET_RATIO = 0.70;
  /** Entries signed for the throughput phase, as a multiple of what the verification rate allows. */
  private static final double SIGNING_MARGIN = 1.5;
  /**
   * The recovery journal's blocks are cut by size only: each writer keeps a whole block in flight, so a
   * draft never waits for entries held back by a writer's window, and never for this long.
   */
  private static final long RECOVERY_BLOCK_DELAY_MS = 5_000;
  private static final int RECOVERY_WINDOW_PER_CLIENT = MAX_BLOCK_ENTRIES;
  /** The replica that keeps running snapshots as a member's does by default (reference.conf). */
  private static final int LIVE_SNAPSHOT_EVERY_BLOCKS = 100;
  /** Snapshots "off": a replica snapshots at most every this many blocks. */
  private static final int NO_SNAPSHOTS = Integer.MAX_VALUE;

  /** How long each phase runs, and how large the recovered journal is. */
  private record Plan(String name, Duration verifyWarmup, int verifySlices, Duration warmup, Duration measure,
      Duration latency, int recoveryEntries, int snapshotEveryBlocks) {}

  // A verification loop needs about five seconds of this JVM to reach its speed; the second baseline,
  // after the throughput phase, runs in a warm JVM and needs only a moment.
  private static final Plan FULL = new Plan("full", Duration.ofSeconds(6), 7, Duration.ofSeconds(10),
      Duration.ofSeconds(20), Duration.ofSeconds(15), 100_000, 100);
  private static final Plan QUICK = new Plan("quick", Duration.ofSeconds(5), 3, Duration.ofSeconds(4),
      Duration.ofSeconds(6), Duration.ofSeconds(5), 20_000, 20);
  private static final Duration REWARMUP = Duration.ofMillis(500);

  private LedgerBench() {}

  /** Runs the benchmark and returns the exit status: 0 when the target is met and nothing failed, 1 otherwise. */
  public static int run(boolean quick, PrintStream out) throws IOException {
    Plan plan = quick ? QUICK : FULL;
    quietLogs();
    SecureRandom random = new SecureRandom();
    BenchConsortium consortium = BenchConsortium.create(BANKS, random);
    out.printf("Ledger benchmark (%s): one replica and block builder on an H2 file; %d banks, each on its own "
        + "client thread with %d entries in flight; blocks of up to %d entries or %d ms. Entries are membership "
        + "updates with a %d-byte payload, signed before the clock starts.%n", plan.name(), BANKS,
        WINDOW_PER_CLIENT, MAX_BLOCK_ENTRIES, MAX_BLOCK_DELAY_MS, consortium.payloadBytes());
    Path tmp = Files.createTempDirectory("consilium-bench-ledger");
    try {
      return run(plan, consortium, random, tmp, out);
    } finally {
      deleteTree(tmp, out);
    }
  }

  private static int run(Plan plan, BenchConsortium consortium, SecureRandom random, Path tmp, PrintStream out) {
    VerifyBaseline verification = VerifyBaseline.create(random);
    out.printf("[1/5] Ed25519 verification, 1 thread, %d-byte messages: %d s warm-up, median of %d s ...%n",
        VerifyBaseline.MESSAGE_BYTES, plan.verifyWarmup().toSeconds(), plan.verifySlices());
    double verifyBefore = verification.opsPerSecond(plan.verifyWarmup(), plan.verifySlices());

    List<String> failures = new ArrayList<>();
    Live live;
    try (BenchNode node = BenchNode.start(consortium, tmp.resolve("live"), LIVE_SNAPSHOT_EVERY_BLOCKS)) {
      node.appendGenesis();
      LedgerClients clients = new LedgerClients(node.system(), node.builder(MAX_BLOCK_ENTRIES, MAX_BLOCK_DELAY_MS));
      int perBank = perBank(verifyBefore * SIGNING_MARGIN, plan.warmup().plus(plan.measure()));
      LedgerClients.Throughput throughput = throughput(plan, consortium, clients, perBank, out);
      failures.addAll(throughput.failures());
      long blocks = node.state().head().height();

      out.printf("[3/5] Ed25519 verification again, median of %d s ...%n", plan.verifySlices());
      double verifyAfter = verification.opsPerSecond(REWARMUP, plan.verifySlices());

      double pacedRate = throughput.entriesPerSecond() / 2;
      out.printf("[4/5] Latency: %,.0f entries/s (half the peak) for %d s ...%n", pacedRate,
          plan.latency().toSeconds());
      LedgerClients.Latencies latencies = clients.paced(
          consortium.signEntries(perBank(pacedRate, plan.latency()), perBank + 1L), pacedRate);
      failures.addAll(latencies.failures());
      live = new Live(new Baseline(verifyBefore, verifyAfter), throughput, blocks, latencies);
    }

    out.printf("[5/5] Recovery of %,d entries: writing them in blocks of %d, then restarting twice ...%n",
        plan.recoveryEntries(), MAX_BLOCK_ENTRIES);
    Recovery recovery = recovery(plan, consortium, tmp, failures);
    return report(plan, live, recovery, failures, out);
  }

  /**
   * The verification rate measured before and after the throughput phase. The bound is their mean: the
   * machine drifts by tens of percent within a minute, and the two bracket the window they are compared with.
   */
  private record Baseline(double before, double after) {
    double bound() {
      return (before + after) / 2;
    }
  }

  /** What the node that keeps running measured: throughput against the bound, then latency. */
  private record Live(Baseline baseline, LedgerClients.Throughput throughput, long blocks,
      LedgerClients.Latencies latencies) {}

  /** Seconds from a node's start until its replica answered with the head, from a snapshot and without. */
  private record Recovery(BlockHeader head, double fromSnapshotSeconds, double fromJournalSeconds) {}

  /** Signs {@code perBank} entries per bank, then saturates the builder with them; they die with this frame. */
  private static LedgerClients.Throughput throughput(Plan plan, BenchConsortium consortium, LedgerClients clients,
      int perBank, PrintStream out) {
    out.printf("[2/5] Throughput: signing %,d entries; %d s warm-up, %d s measured ...%n", perBank * BANKS,
        plan.warmup().toSeconds(), plan.measure().toSeconds());
    List<List<Entry>> entries = consortium.signEntries(perBank, 1);
    return clients.saturate(entries, WINDOW_PER_CLIENT, plan.warmup(), plan.measure());
  }

  /**
   * Writes one journal, copies it, strips the copy of its snapshots and restarts a node on each: the same
   * blocks, recovered from the newest snapshot and from the journal alone.
   */
  private static Recovery recovery(Plan plan, BenchConsortium consortium, Path tmp, List<String> failures) {
    Path withSnapshots = tmp.resolve("recovery-snapshots");
    Path journalOnly = tmp.resolve("recovery-journal-only");
    BlockHeader head = write(consortium, withSnapshots, plan, failures);
    copyTree(withSnapshots, journalOnly);
    deleteSnapshots(journalOnly);
    double fromSnapshot = timeRecovery(consortium, withSnapshots, plan.snapshotEveryBlocks(), head);
    double fromJournal = timeRecovery(consortium, journalOnly, NO_SNAPSHOTS, head);
    return new Recovery(head, fromSnapshot, fromJournal);
  }

  /** Writes the recovery journal through a builder: {@code plan.recoveryEntries()} entries in full blocks. */
  private static BlockHeader write(BenchConsortium consortium, Path dataDir, Plan plan, List<String> failures) {
    int perBank = plan.recoveryEntries() / BANKS;
    List<List<Entry>> entries = consortium.signEntries(perBank, 1);
    try (BenchNode node = BenchNode.start(consortium, dataDir, plan.snapshotEveryBlocks())) {
      node.appendGenesis();
      ActorRef<BlockBuilder.Command> builder = node.builder(MAX_BLOCK_ENTRIES, RECOVERY_BLOCK_DELAY_MS);
      failures.addAll(new LedgerClients(node.system(), builder).submitAll(entries, RECOVERY_WINDOW_PER_CLIENT));
      return node.state().head();
    }
  }

  /** Seconds from starting a node on {@code dataDir} until its replica answers with {@code head}. */
  private static double timeRecovery(BenchConsortium consortium, Path dataDir, int snapshotEveryBlocks,
      BlockHeader head) {
    long start = System.nanoTime();
    try (BenchNode node = BenchNode.start(consortium, dataDir, snapshotEveryBlocks)) {
      ReplicaState state = node.state();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!head.equals(state.head())) {
        throw new IllegalStateException("recovered head " + state.head() + " differs from the written " + head);
      }
      return seconds;
    }
  }

  private static int report(Plan plan, Live live, Recovery recovery, List<String> failures, PrintStream out) {
    Baseline baseline = live.baseline();
    LedgerClients.Throughput throughput = live.throughput();
    LedgerClients.Latencies latencies = live.latencies();
    BenchTable table = new BenchTable(out, 58);
    table.header();
    table.row("ed25519.verify.bouncycastle (1 thread, before)", baseline.before(), "ops/s");
    table.row("ed25519.verify.bouncycastle (1 thread, after)", baseline.after(), "ops/s");
    table.row(String.format("ledger.committed (%d clients, %.0f s window)", BANKS, throughput.windowSeconds()),
        throughput.entriesPerSecond(), "entries/s");
    table.row(String.format("ledger.latency.p50 (at %,.0f entries/s)", latencies.offeredPerSecond()),
        latencies.percentileMs(0.50), "ms");
    table.row(String.format("ledger.latency.p99 (at %,.0f entries/s)", latencies.offeredPerSecond()),
        latencies.percentileMs(0.99), "ms");
    table.row(String.format("ledger.recovery (%,d entries, snapshot every %d blocks)", plan.recoveryEntries(),
        plan.snapshotEveryBlocks()), recovery.fromSnapshotSeconds(), "s");
    table.row(String.format("ledger.recovery (%,d entries, no snapshot)", plan.recoveryEntries()),
        recovery.fromJournalSeconds(), "s");
    out.printf("Throughput: %,d entries committed in the window, %,d in all, in %,d blocks (%.0f entries per "
        + "block); %.2f of %d cores busy in the window.%n", throughput.committedInWindow(),
        throughput.committedTotal(), live.blocks(), (double) throughput.committedTotal() / Math.max(1, live.blocks()),
        throughput.busyCores(), Runtime.getRuntime().availableProcessors());
    out.printf("Latency: %,d receipts, timed from when each entry was due. Recovery: %,d blocks after genesis, "
        + "timed from the node's start (schema check, ActorSystem) to the replica's answer with the head.%n",
        latencies.sortedNanos().length, recovery.head().height());
    if (plan == QUICK) {
      out.printf("Quick run: shorter phases, and a recovery journal of %,d entries with a snapshot every %d "
          + "blocks (the full run: %,d entries, every %d blocks).%n", plan.recoveryEntries(),
          plan.snapshotEveryBlocks(), FULL.recoveryEntries(), FULL.snapshotEveryBlocks());
    }

    double ratio = throughput.entriesPerSecond() / baseline.bound();
    return table.verdict("committed entries/s vs Ed25519 verify (1 thread, mean)", ratio, TARGET_RATIO, failures);
  }

  /** Entries per bank so that all banks together offer {@code ratePerSecond} for {@code duration}. */
  private static int perBank(double ratePerSecond, Duration duration) {
    return BenchTable.perBank(ratePerSecond, duration, BANKS);
  }

  /** Slick, HikariCP and Akka log at DEBUG and INFO without a logback.xml; the benchmark shows warnings only. */
  static void quietLogs() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }

  /**
   * Removes the snapshots from a copied journal, so that its replica replays every block: the same journal
   * as its twin, recovered as if snapshots were off.
   */
  private static void deleteSnapshots(Path dataDir) {
    StorageSettings storage = StorageSettings.fromConfig(LedgerStorage.configure(ConfigFactory.parseMap(
        Map.of("consilium.data-dir", dataDir.toAbsolutePath().toString()))));
    try (Connection jdbc = DriverManager.getConnection(storage.url(), storage.user(), storage.password());
        Statement statement = jdbc.createStatement()) {
      statement.executeUpdate("DELETE FROM \"snapshot\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete the snapshots of the copied journal in " + dataDir, e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.copy(path, to.resolve(from.relativize(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  static void deleteTree(Path root, PrintStream out) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      out.println("warning: could not delete the benchmark's data in " + root + ": " + e.getMessage());
    }
  }
}
