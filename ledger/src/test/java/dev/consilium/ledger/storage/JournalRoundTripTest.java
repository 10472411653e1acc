package dev.consilium.ledger.storage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assume.assumeTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.LoggingTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.pattern.StatusReply;
import com.typesafe.config.Config;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Persist, stop, recover in a new ActorSystem, and read the rows without Akka: on an H2 file always, and on
 * PostgreSQL through conf/persistence-postgres.conf when CONSILIUM_TEST_POSTGRES_URL (with _USER and
 * _PASSWORD) names a database the test may write to.
 */
public class JournalRoundTripTest {
  private static final String ID = "counter-1";
  private static final long[] AMOUNTS = {5, -2, 40, 7, 1_000_000_000_000L};

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void h2_persistedEvents_recoverInANewActorSystem_andRowsHoldTheCanonicalBytes() throws Exception {
    File dataDir = folder.newFolder("member");
    assertRoundTrip(TestStorage.config(dataDir), ID);
    assertDatabaseClosed(new File(dataDir, "ledger.mv.db"));
  }

  @Test
  public void postgres_persistedEvents_recoverInANewActorSystem_andRowsHoldTheCanonicalBytes() throws Exception {
    Config config = TestStorage.postgresConfigFromEnvironment();
    assumeTrue("CONSILIUM_TEST_POSTGRES_URL not set", config != null);
    // The database outlives the test: a fresh persistence id per run.
    assertRoundTrip(config, ID + "-" + UUID.randomUUID());
  }

  private static void assertRoundTrip(Config config, String persistenceId) throws SQLException {
    Tally expected = Tally.EMPTY;
    for (long amount : AMOUNTS) {
      expected = expected.add(new Counted(amount));
    }

    ActorTestKit first = TestStorage.start("first", config);
    try {
      ActorRef<Counter.Command> counter = first.spawn(Counter.create(persistenceId));
      TestProbe<StatusReply<Tally>> replies = first.createTestProbe();
      for (long amount : AMOUNTS) {
        counter.tell(new Counter.Add(amount, replies.ref()));
        replies.expectMessageClass(StatusReply.class);
      }
    } finally {
      first.shutdownTestKit();
    }

    ActorTestKit second = TestStorage.start("second", config);
    try {
      ActorRef<Counter.Command> counter = second.spawn(Counter.create(persistenceId));
      TestProbe<Tally> state = second.createTestProbe();
      counter.tell(new Counter.Get(state.ref()));
      assertEquals(expected, state.expectMessageClass(Tally.class, Duration.ofSeconds(10)));
    } finally {
      second.shutdownTestKit();
    }

    StorageSettings settings = StorageSettings.fromConfig(config);
    List<JournalRow> rows = readJournal(settings, persistenceId);
    assertEquals("rows for " + persistenceId, AMOUNTS.length, rows.size());
    for (int i = 0; i < AMOUNTS.length; i++) {
      JournalRow row = rows.get(i);
      assertEquals("sequence number of row " + i, i + 1, row.sequenceNumber);
      assertEquals("serializer of row " + i, CanonicalSerializer.IDENTIFIER, row.serializerId);
      assertEquals("manifest of row " + i, Counted.MANIFEST, row.manifest);
      assertArrayEquals("payload of row " + i, new Counted(AMOUNTS[i]).toCanonicalBytes(), row.payload);
    }
    Tally atSnapshot = Tally.EMPTY;
    for (int i = 0; i < Counter.SNAPSHOT_EVERY; i++) {
      atSnapshot = atSnapshot.add(new Counted(AMOUNTS[i]));
    }
    assertArrayEquals("snapshot at sequence number " + Counter.SNAPSHOT_EVERY, atSnapshot.toCanonicalBytes(),
        readSnapshot(settings, persistenceId, Counter.SNAPSHOT_EVERY));
  }

  @Test
  public void missingSchema_stopsTheEntityAtRecovery_andThePluginCreatesNoTables() throws Exception {
    Config config = TestStorage.config(folder.newFolder("empty"));
    ActorTestKit testKit = TestStorage.startWithoutSchema("no-schema", config);
    try {
      TestProbe<StatusReply<Tally>> replies = testKit.createTestProbe();
      // The first query, for the latest snapshot, fails; the entity stops before it handles a command.
      ActorRef<Counter.Command> counter = LoggingTestKit.error("Table \"snapshot\" not found")
          .expect(testKit.system(), () -> {
            ActorRef<Counter.Command> spawned = testKit.spawn(Counter.create(ID));
            spawned.tell(new Counter.Add(1, replies.ref()));
            return spawned;
          });
      replies.expectTerminated(counter, Duration.ofSeconds(10));
      replies.expectNoMessage(Duration.ofMillis(100));
    } finally {
      testKit.shutdownTestKit();
    }
    try (Connection connection = connect(StorageSettings.fromConfig(config));
         ResultSet tables = connection.getMetaData().getTables(null, null, "event_journal", null)) {
      assertFalse("akka-persistence-jdbc created event_journal by itself", tables.next());
    }
  }

  /**
   * The pool closes when the ActorSystem terminates, and H2 then closes the file (no DB_CLOSE_DELAY), so
   * another process (the offline verifier, a backup) can open it. H2 holds a file-channel lock while open.
   */
  private static void assertDatabaseClosed(File databaseFile) throws IOException {
    try (FileChannel channel = FileChannel.open(databaseFile.toPath(), StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      assertNotNull("another process holds " + databaseFile, lock);
    } catch (OverlappingFileLockException e) {
      throw new AssertionError(databaseFile + " is still open in this JVM after the ActorSystem terminated", e);
    }
  }

  private record JournalRow(long sequenceNumber, int serializerId, String manifest, byte[] payload) {}

  /** How the offline verifier reads the journal: plain JDBC, ordered by sequence number, never by ordering. */
  private static List<JournalRow> readJournal(StorageSettings settings, String persistenceId)
      throws SQLException {
    String sql = "SELECT \"sequence_number\", \"event_ser_id\", \"event_ser_manifest\", \"event_payload\""
        + " FROM \"event_journal\" WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\"";
    List<JournalRow> rows = new ArrayList<>();
    try (Connection connection = connect(settings);
         PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, persistenceId);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(new JournalRow(
              result.getLong(1), result.getInt(2), result.getString(3), result.getBytes(4)));
        }
      }
    }
    return rows;
  }

  private static byte[] readSnapshot(StorageSettings settings, String persistenceId, long sequenceNumber)
      throws SQLException {
    String sql = "SELECT \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\" FROM \"snapshot\""
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?";
    try (Connection connection = connect(settings);
         PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, persistenceId);
      query.setLong(2, sequenceNumber);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new AssertionError("no snapshot at sequence number " + sequenceNumber);
        }
        assertEquals("snapshot serializer", CanonicalSerializer.IDENTIFIER, result.getInt(1));
        assertEquals("snapshot manifest", Tally.MANIFEST, result.getString(2));
        return result.getBytes(3);
      }
    }
  }

  private static Connection connect(StorageSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }
}
