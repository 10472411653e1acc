package dev.consilium.ledger.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.hash.Sha256Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A copy whose last blocks were removed is still a valid chain, only shorter: the journal alone cannot
 * show it. The newest snapshot and a head saved by a client can (DESIGN §4, "Verification"). The ledger's
 * last block, at height 199, is a snapshot point.
 */
public class TruncationDetectionTest {
  private static final String PERSISTENCE_ID = LedgerReplica.persistenceId(TestConsortium.CHANNEL).id();
  private static final int HEAD = ReplicaWrittenLedger.BLOCKS - 1;

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

  /** What the replica's retention leaves (snapshotEvery(50, 2)): the two newest, the last at the head. */
  @Test
  public void writtenLedger_keepsItsNewestSnapshotsOnly() throws Exception {
    try (PreparedStatement select = jdbc.prepareStatement("SELECT \"sequence_number\", \"snapshot_ser_manifest\""
        + " FROM \"snapshot\" WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\"")) {
      select.setString(1, PERSISTENCE_ID);
      StringBuilder rows = new StringBuilder();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.append(result.getLong(1)).append(' ').append(result.getString(2)).append(';');
        }
      }
      assertEquals("150 replica-state;200 replica-state;", rows.toString());
    }
  }

  @Test
  public void lastRowDeleted_journalAloneVerifies_snapshotShowsIt() throws Exception {
    deleteJournalRowsFrom(HEAD + 1);
    try (JournalReader reader = JournalReader.open(jdbc, TestConsortium.CHANNEL)) {
      LedgerVerifier.Result shorter = new LedgerVerifier(ledger.consortium.rules).verify(reader.rows());
      assertEquals(HEAD - 1, shorter.head().height());
    }
    VerificationFailure e = expectFailure(null, HEAD, "last row deleted");
    assertEquals("height 199: the journal ends at height 198, but the newest snapshot is of height 199: block 199"
        + " is missing from the journal", e.getMessage());
  }

  @Test
  public void lastThreeRowsDeleted_failsAtTheFirstMissing() throws Exception {
    deleteJournalRowsFrom(HEAD - 1);
    VerificationFailure e = expectFailure(null, HEAD - 2, "last three rows deleted");
    assertTrue(e.getMessage(), e.getMessage().contains("blocks 197 to 199 are missing from the journal"));
  }

  @Test
  public void snapshotOfAnotherBlockAtTheHead_fails() throws Exception {
    // A fork of block 199: same parent, one entry instead of three, so another hash.
    Block parent = ledger.blocks.get(HEAD - 1);
    BlockDraft.Sealed fork = ledger.consortium.seal(parent.header(), ledger.states.get(HEAD - 1),
        List.of(ledger.consortium.bankA.selfUpdate(ledger.states.get(HEAD - 1).lastNonce(ledger.consortium.bankA.did) + 1)),
        ledger.consortium.regulator);
    setNewestSnapshot(new ReplicaState(fork.block().header(), fork.state()).toCanonicalBytes());
    VerificationFailure e = expectFailure(null, HEAD, "snapshot of a forked block 199");
    assertTrue(e.getMessage(), e.getMessage().contains("the snapshot's head hash " + fork.block().hash().toHex()
        + " differs from the journal's block hash " + ledger.blocks.get(HEAD).hash().toHex()));
  }

  @Test
  public void snapshotHoldingAnOlderHead_fails() throws Exception {
    setNewestSnapshot(new ReplicaState(ledger.blocks.get(149).header(), ledger.states.get(149)).toCanonicalBytes());
    VerificationFailure e = expectFailure(null, HEAD, "snapshot 200 holding head 149");
    assertTrue(e.getMessage(), e.getMessage().contains("holds the head of height 149, not 199"));
  }

  @Test
  public void snapshotPayloadChanged_fails() throws Exception {
    byte[] payload = SnapshotReader.newest(jdbc, TestConsortium.CHANNEL).orElseThrow().payload();
    payload[payload.length / 2] ^= 0x40;
    setNewestSnapshot(payload);
    expectFailure(null, HEAD, "a byte of the snapshot changed");
  }

  @Test
  public void savedHeadOnTheChain_passes() throws Exception {
    for (int height : new int[] {0, 150, HEAD}) {
      LedgerCopyVerifier.Report report = verify(new SavedHead(height, ledger.blocks.get(height).hash()));
      assertEquals(HEAD, report.head().height());
    }
  }

  @Test
  public void savedHeadWithAnotherHash_failsAtItsHeight() throws Exception {
    Sha256Hash other = ledger.blocks.get(149).hash();
    VerificationFailure e = expectFailure(new SavedHead(150, other), 150, "saved head with block 149's hash");
    assertTrue(e.getMessage(), e.getMessage().startsWith("height 150: the saved head 150:" + other.toHex()
        + " is not on this chain: hash " + ledger.blocks.get(150).hash().toHex()));
    assertTrue(e.getMessage(), e.getMessage().endsWith("the chain forks from the saved head"));
  }

  @Test
  public void savedHeadBeyondTheCopy_failsAfterItsHead() throws Exception {
    VerificationFailure e = expectFailure(new SavedHead(250, ledger.blocks.get(HEAD).hash()), HEAD + 1,
        "saved head beyond the copy");
    assertTrue(e.getMessage(), e.getMessage().contains("the copy ends at height 199, below the saved head 250:"));
  }

  /** The one cut a snapshot cannot show: rows and snapshots removed together. A saved head still does. */
  @Test
  public void lastRowAndSnapshotsDeleted_onlyASavedHeadShowsIt() throws Exception {
    deleteJournalRowsFrom(HEAD + 1);
    try (PreparedStatement delete = jdbc.prepareStatement("DELETE FROM \"snapshot\" WHERE \"persistence_id\" = ?")) {
      delete.setString(1, PERSISTENCE_ID);
      assertTrue("snapshots deleted", delete.executeUpdate() > 0);
    }
    assertEquals(HEAD - 1, verify(null).head().height());
    VerificationFailure e = expectFailure(new SavedHead(HEAD, ledger.blocks.get(HEAD).hash()), HEAD,
        "last row and snapshots deleted, head 199 saved");
    assertTrue(e.getMessage(), e.getMessage().contains("block 199 is missing"));
  }

  @Test
  public void emptyChannel_isNotAFailureOfSomeHeight() throws Exception {
    try {
      new LedgerCopyVerifier(Contracts.standard()).verify(jdbc, "other", null);
      fail("a channel without rows verified");
    } catch (LedgerCopyVerifier.EmptyJournalException e) {
      assertEquals("the journal holds no block of channel 'other'", e.getMessage());
    }
  }

  private LedgerCopyVerifier.Report verify(SavedHead savedHead) throws Exception {
    return new LedgerCopyVerifier(Contracts.standard()).verify(jdbc, TestConsortium.CHANNEL, savedHead);
  }

  private VerificationFailure expectFailure(SavedHead savedHead, long height, String tampering) throws Exception {
    try {
      verify(savedHead);
    } catch (VerificationFailure e) {
      assertEquals(tampering + ": " + e.getMessage(), height, e.height());
      return e;
    }
    fail(tampering + ": the copy verified");
    throw new AssertionError();
  }

  private void deleteJournalRowsFrom(long sequenceNumber) throws SQLException {
    try (PreparedStatement delete = jdbc.prepareStatement("DELETE FROM \"event_journal\""
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" >= ?")) {
      delete.setString(1, PERSISTENCE_ID);
      delete.setLong(2, sequenceNumber);
      assertEquals("rows deleted", ReplicaWrittenLedger.BLOCKS + 1 - sequenceNumber, delete.executeUpdate());
    }
  }

  private void setNewestSnapshot(byte[] payload) throws SQLException {
    try (PreparedStatement update = jdbc.prepareStatement("UPDATE \"snapshot\" SET \"snapshot_payload\" = ?"
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      update.setBytes(1, payload);
      update.setString(2, PERSISTENCE_ID);
      update.setLong(3, ReplicaWrittenLedger.BLOCKS);
      assertEquals("snapshots updated", 1, update.executeUpdate());
    }
  }
}
