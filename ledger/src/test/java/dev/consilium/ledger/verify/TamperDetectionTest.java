package dev.consilium.ledger.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.testing.TestConsortium;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Any change to a journal row of a ledger copy is found at the height of the changed block (DESIGN §4,
 * "Verification"): a random byte of a stored block, 100 times over, and each other column the verifier
 * reads. Each test tampers with its own copy of one ledger written through a replica.
 */
public class TamperDetectionTest {
  private static final String PERSISTENCE_ID = LedgerReplica.persistenceId(TestConsortium.CHANNEL).id();
  private static final int TRIALS = 100;
  private static final long TRIALS_SEED = 6962L;

  @ClassRule public static final TemporaryFolder WRITTEN = new TemporaryFolder();
  private static ReplicaWrittenLedger ledger;

  @Rule public final TemporaryFolder copies = new TemporaryFolder();
  private Connection jdbc;

  @BeforeClass
  public static void writeLedger() throws Exception {
    ledger = ReplicaWrittenLedger.write(WRITTEN.newFolder());
  }

  @Before
  public void openCopy() throws Exception {
    jdbc = ReplicaWrittenLedger.open(ledger.copy(copies));
  }

  @After
  public void closeCopy() throws SQLException {
    jdbc.close();
  }

  @Test
  public void verify_untouchedCopy_reachesTheHeadWritten() throws Exception {
    LedgerCopyVerifier.Report report = verify();
    assertEquals(ledger.blocks.get(ReplicaWrittenLedger.BLOCKS - 1).header(), report.head());
    assertEquals(ReplicaWrittenLedger.BLOCKS, report.blocks());
    assertEquals(1 + (ReplicaWrittenLedger.BLOCKS - 1) * ReplicaWrittenLedger.ENTRIES_PER_BLOCK, report.entries());
    assertEquals(ReplicaWrittenLedger.BLOCKS - 1, report.snapshotHeight().orElseThrow());
  }

  /** One byte of one row's block changed, in place, then restored before the next trial. */
  @Test
  public void verify_oneRandomByteOfABlockChanged_failsAtThatBlock_100Trials() throws Exception {
    Map<Long, byte[]> original = payloads();
    Random random = new Random(TRIALS_SEED);
    List<String> missed = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      long sequenceNumber = 1 + random.nextInt(ReplicaWrittenLedger.BLOCKS);
      byte[] payload = original.get(sequenceNumber).clone();
      int offset = random.nextInt(payload.length);
      int flip = 1 + random.nextInt(255);
      payload[offset] ^= (byte) flip;
      String what = String.format("trial %d: row %d (height %d), byte %d of %d changed from 0x%02x to 0x%02x",
          trial, sequenceNumber, sequenceNumber - 1, offset, payload.length, original.get(sequenceNumber)[offset],
          payload[offset]);
      setPayload(sequenceNumber, payload);
      try {
        verify();
        missed.add(what + ": the copy verified");
      } catch (VerificationFailure e) {
        if (e.height() != sequenceNumber - 1) {
          missed.add(what + ": failed at height " + e.height() + " instead: " + e.getMessage());
        }
      } finally {
        setPayload(sequenceNumber, original.get(sequenceNumber));
      }
    }
    assertTrue(missed.size() + " of " + TRIALS + " trials missed:\n" + String.join("\n", missed), missed.isEmpty());
    verify(); // Every trial's change was undone.
  }

  @Test
  public void verify_sequenceNumberChanged_failsAtThatBlock() throws Exception {
    update("UPDATE \"event_journal\" SET \"sequence_number\" = 10101 WHERE \"persistence_id\" = ? AND \"sequence_number\" = 101");
    VerificationFailure e = expectFailure(100, "row 101 renumbered 10101");
    assertTrue(e.getMessage(), e.getMessage().contains("expected the row with sequence number 101, found 102"));
  }

  @Test
  public void verify_genesisRenumbered_failsAtHeightZero() throws Exception {
    update("UPDATE \"event_journal\" SET \"sequence_number\" = 0 WHERE \"persistence_id\" = ? AND \"sequence_number\" = 1");
    expectFailure(0, "row 1 renumbered 0");
  }

  @Test
  public void verify_deletedFlagSet_failsAtThatBlock() throws Exception {
    update("UPDATE \"event_journal\" SET \"deleted\" = TRUE WHERE \"persistence_id\" = ? AND \"sequence_number\" = 77");
    VerificationFailure e = expectFailure(76, "row 77 marked deleted");
    assertTrue(e.getMessage(), e.getMessage().contains("marked deleted"));
  }

  @Test
  public void verify_manifestChanged_failsAtThatBlock() throws Exception {
    update("UPDATE \"event_journal\" SET \"event_ser_manifest\" = 'replica-state' WHERE \"persistence_id\" = ?"
        + " AND \"sequence_number\" = 150");
    VerificationFailure e = expectFailure(149, "row 150's manifest changed");
    assertTrue(e.getMessage(), e.getMessage().contains("manifest is 'replica-state'"));
  }

  @Test
  public void verify_twoRowsPayloadsSwapped_failsAtTheFirst() throws Exception {
    Map<Long, byte[]> original = payloads();
    setPayload(60, original.get(140L));
    setPayload(140, original.get(60L));
    VerificationFailure e = expectFailure(59, "rows 60 and 140 swapped");
    assertTrue(e.getMessage(), e.getMessage().contains("the row holds block 139"));
  }

  @Test
  public void verify_middleRowDeleted_failsAtThatBlock() throws Exception {
    update("DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" = 100");
    VerificationFailure e = expectFailure(99, "row 100 deleted");
    assertTrue(e.getMessage(), e.getMessage().contains("rows are missing"));
  }

  private LedgerCopyVerifier.Report verify() throws Exception {
    return new LedgerCopyVerifier(Contracts.standard()).verify(jdbc, TestConsortium.CHANNEL, null);
  }

  private VerificationFailure expectFailure(long height, String tampering) throws Exception {
    try {
      verify();
    } catch (VerificationFailure e) {
      assertEquals(tampering + ": " + e.getMessage(), height, e.height());
      return e;
    }
    fail(tampering + ": the copy verified");
    throw new AssertionError();
  }

  private Map<Long, byte[]> payloads() throws SQLException {
    Map<Long, byte[]> payloads = new HashMap<>();
    try (PreparedStatement select = jdbc.prepareStatement("SELECT \"sequence_number\", \"event_payload\""
        + " FROM \"event_journal\" WHERE \"persistence_id\" = ?")) {
      select.setString(1, PERSISTENCE_ID);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          payloads.put(rows.getLong(1), rows.getBytes(2));
        }
      }
    }
    assertEquals(ReplicaWrittenLedger.BLOCKS, payloads.size());
    return payloads;
  }

  private void setPayload(long sequenceNumber, byte[] payload) throws SQLException {
    try (PreparedStatement update = jdbc.prepareStatement("UPDATE \"event_journal\" SET \"event_payload\" = ?"
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      update.setBytes(1, payload);
      update.setString(2, PERSISTENCE_ID);
      update.setLong(3, sequenceNumber);
      assertEquals("rows updated", 1, update.executeUpdate());
    }
  }

  /** Runs {@code sql}, whose one parameter is the persistence id, and requires that it changed one row. */
  private void update(String sql) throws SQLException {
    try (PreparedStatement update = jdbc.prepareStatement(sql)) {
      update.setString(1, PERSISTENCE_ID);
      assertEquals("rows changed by " + sql, 1, update.executeUpdate());
    }
  }
}
