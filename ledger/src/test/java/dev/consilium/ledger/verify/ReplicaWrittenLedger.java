package dev.consilium.ledger.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.pattern.StatusReply;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.testing.LedgerNode;
import dev.consilium.ledger.testing.TestConsortium;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.rules.TemporaryFolder;

/**
 * A ledger of {@value #BLOCKS} real blocks (heights 0 to 199, {@value #ENTRIES_PER_BLOCK} entries after
 * genesis), written once through a replica on an H2 file and closed; each test then tampers with its own
 * copy of the database files. The replica snapshots every {@value #SNAPSHOT_EVERY_BLOCKS} blocks, so the
 * last block is a snapshot point. Keys come from a seeded generator: the same bytes on every run.
 */
final class ReplicaWrittenLedger {
  static final int BLOCKS = 200;
  static final int ENTRIES_PER_BLOCK = 3;
  static final int SNAPSHOT_EVERY_BLOCKS = 50;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long SEED = 20240611L;

  final TestConsortium consortium;
  /** The blocks by height. */
  final List<Block> blocks;
  /** The ledger state after each block, by height. */
  final List<LedgerState> states;
  private final File pristine;

  private ReplicaWrittenLedger(TestConsortium consortium, List<Block> blocks, List<LedgerState> states, File pristine) {
    this.consortium = consortium;
    this.blocks = blocks;
    this.states = states;
    this.pristine = pristine;
  }

  /** Writes the ledger into {@code dataDir} through a replica, waits for its last snapshot, and closes it. */
  static ReplicaWrittenLedger write(File dataDir) throws Exception {
    TestConsortium consortium = new TestConsortium(seededRandom());
    List<Block> blocks = new ArrayList<>();
    blocks.add(consortium.genesis);
    blocks.addAll(consortium.chain(BLOCKS - 1, ENTRIES_PER_BLOCK));
    List<LedgerState> states = new ArrayList<>();
    BlockHeader head = null;
    LedgerState state = null;
    for (Block block : blocks) {
      state = consortium.rules.apply(head, state, block);
      states.add(state);
      head = block.header();
    }
    try (LedgerNode node = LedgerNode.start(consortium, dataDir, SNAPSHOT_EVERY_BLOCKS)) {
      TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
      for (Block block : blocks) {
        node.replica.tell(new LedgerReplica.Append(block, probe.getRef()));
        StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
        assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
      }
      awaitSnapshot(node, BLOCKS);
    }
    shutDown(dataDir);
    return new ReplicaWrittenLedger(consortium, blocks, states, dataDir);
  }

  /** A fresh copy of the database files, in a new folder of {@code folder}. */
  File copy(TemporaryFolder folder) throws IOException {
    File copy = folder.newFolder();
    try (Stream<Path> files = Files.list(pristine.toPath())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, copy.toPath().resolve(file.getFileName()));
      }
    }
    return copy;
  }

  /** A writable JDBC connection to the database in {@code dataDir}, on the URL a member would use. */
  static Connection open(File dataDir) throws SQLException {
    StorageSettings settings = StorageSettings.fromConfig(LedgerStorage.configure(ConfigFactory.parseMap(
        Map.of("consilium.data-dir", dataDir.getAbsolutePath()))));
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  private static SecureRandom seededRandom() throws NoSuchAlgorithmException {
    // SHA1PRNG seeded before its first use is deterministic, unlike the default SecureRandom.
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(SEED);
    return random;
  }

  /** Snapshots are saved after the event's reply; wait until the one at {@code sequenceNumber} is stored. */
  private static void awaitSnapshot(LedgerNode node, long sequenceNumber) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (Connection jdbc = node.jdbc()) {
      while (true) {
        long newest = SnapshotReader.newest(jdbc, TestConsortium.CHANNEL).map(SnapshotRow::sequenceNumber).orElse(0L);
        if (newest == sequenceNumber) {
          return;
        }
        if (System.nanoTime() > deadline) {
          assertEquals("newest snapshot after " + TIMEOUT, sequenceNumber, newest);
        }
        Thread.sleep(20);
      }
    }
  }

  /** Closes the database for good, so that copies of its file are complete. */
  private static void shutDown(File dataDir) throws SQLException {
    try (Connection jdbc = open(dataDir); Statement statement = jdbc.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
