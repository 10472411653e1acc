package dev.consilium.ledger.replica;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.testing.LedgerNode;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.verify.JournalReader;
import dev.consilium.ledger.verify.LedgerVerifier;
import dev.consilium.mpc.hash.Sha256;
import java.io.File;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The replica and the block builder on an H2 file: appends, refusals, receipts, recovery, snapshots. */
public class LedgerReplicaTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final TestConsortium consortium = new TestConsortium(new SecureRandom());

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void append_refusedBlock_leavesPersistedHeadUnchanged() throws Exception {
    File data = folder.newFolder();
    try (LedgerNode node = LedgerNode.start(consortium, data, 100)) {
      appendOk(node, consortium.genesis);
      List<Entry> entries = List.of(consortium.bankA.selfUpdate(1));
      Block badLink = Block.of(BlockHeader.sign(1, 0, Sha256.digest(new byte[] {1}), Block.merkleRootOf(entries),
          consortium.genesisState.stateRoot(), TestConsortium.GENESIS_TIME_MS, 1, consortium.regulator.did,
          consortium.regulator.signer), entries);
      TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
      node.replica.tell(new LedgerReplica.Append(badLink, probe.getRef()));
      StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
      assertTrue(reply.isError());
      assertTrue(reply.getError().getMessage(), reply.getError().getMessage().startsWith("WRONG_PREVIOUS_HASH at height 1"));
      assertEquals(consortium.genesis.header(), state(node).head());
    }
    try (LedgerNode node = LedgerNode.start(consortium, data, 100)) {
      assertEquals(consortium.genesis.header(), state(node).head());
    }
  }

  @Test
  public void submit_badEntries_refusedAtOnceWithReason() throws Exception {
    try (LedgerNode node = LedgerNode.start(consortium, folder.newFolder(), 100)) {
      appendOk(node, consortium.genesis);
      ActorRef<BlockBuilder.Command> builder = node.builder(consortium, 10, 20);
      TestProbe<StatusReply<Receipt>> probe = node.testKit.createTestProbe();
      builder.tell(new BlockBuilder.Submit(consortium.regulator.selfUpdate(1), probe.getRef()));
      assertRefused(probe, "REPLAYED_NONCE");
      builder.tell(new BlockBuilder.Submit(TestConsortium.outsider(new SecureRandom()).selfUpdate(1), probe.getRef()));
      assertRefused(probe, "UNKNOWN_SUBMITTER");
      builder.tell(new BlockBuilder.Submit(consortium.bankA.entry("lottery", "draw", new byte[0], 1), probe.getRef()));
      assertRefused(probe, "UNKNOWN_CONTRACT");
      assertEquals(consortium.genesis.header(), state(node).head());
    }
  }

  /**
   * A refused entry that was the first of a draft left an empty draft whose cut timer had fired: every later
   * entry joined it and waited for max-entries, so a sequencer under light load never sealed again (seen as
   * a whole consortium stalled after a member was killed and submitters resent entries already committed).
   */
  @Test
  public void submit_afterRefusedFirstEntryAndItsCutDelay_nextEntryIsStillCutAndReceipted() throws Exception {
    try (LedgerNode node = LedgerNode.start(consortium, folder.newFolder(), 100)) {
      appendOk(node, consortium.genesis);
      ActorRef<BlockBuilder.Command> builder = node.builder(consortium, 10, 20);
      TestProbe<StatusReply<Receipt>> probe = node.testKit.createTestProbe();
      builder.tell(new BlockBuilder.Submit(consortium.regulator.selfUpdate(1), probe.getRef()));
      assertRefused(probe, "REPLAYED_NONCE");
      Thread.sleep(200); // well past max-delay (20 ms): the empty draft's cut has come and gone
      Entry next = consortium.bankA.selfUpdate(1);
      builder.tell(new BlockBuilder.Submit(next, probe.getRef()));
      StatusReply<Receipt> reply = probe.receiveMessage(Duration.ofSeconds(5));
      assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
      assertEquals(1, reply.getValue().height());
      assertEquals(next.hash(), reply.getValue().entryHash());
    }
  }

  @Test
  public void submit2000Entries_restartRecoversSameHeadFromJournalAndFromSnapshot() throws Exception {
    File withSnapshots = folder.newFolder();
    File journalOnly = folder.newFolder();
    ReplicaState written = fill(withSnapshots, 10);
    ReplicaState writtenJournalOnly = fill(journalOnly, 1_000_000);
    assertTrue(written.head().height() >= 40);

    try (LedgerNode node = LedgerNode.start(consortium, withSnapshots, 10)) {
      ReplicaState recovered = state(node);
      assertEquals(written.head(), recovered.head());
      assertEquals(written.ledger().stateRoot(), recovered.ledger().stateRoot());
      try (Connection jdbc = node.jdbc(); JournalReader reader = JournalReader.open(jdbc, TestConsortium.CHANNEL)) {
        LedgerVerifier.Result verified = new LedgerVerifier(consortium.rules).verify(reader.rows());
        assertEquals(written.head(), verified.head());
        assertEquals(2_000, verified.entries() - 1);
      }
    }
    try (LedgerNode node = LedgerNode.start(consortium, journalOnly, 1_000_000)) {
      assertEquals(writtenJournalOnly.head(), state(node).head());
    }
  }

  /** Writes genesis and 2,000 entries from three banks, checking every receipt; returns the final state. */
  private ReplicaState fill(File data, int snapshotEveryBlocks) throws Exception {
    try (LedgerNode node = LedgerNode.start(consortium, data, snapshotEveryBlocks)) {
      appendOk(node, consortium.genesis);
      ActorRef<BlockBuilder.Command> builder = node.builder(consortium, 50, 20);
      TestProbe<StatusReply<Receipt>> probe = node.testKit.createTestProbe();
      TestConsortium.Member[] banks = {consortium.bankA, consortium.bankB, consortium.bankC};
      List<Entry> submitted = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        Entry entry = banks[i % 3].selfUpdate(1 + i / 3);
        submitted.add(entry);
        builder.tell(new BlockBuilder.Submit(entry, probe.getRef()));
      }
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        StatusReply<Receipt> reply = probe.receiveMessage(TIMEOUT);
        assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
        receipts.add(reply.getValue());
      }
      ReplicaState state = state(node);
      assertEquals(2_000, receipts.stream().map(Receipt::entryHash).distinct().count());
      for (Receipt receipt : receipts) {
        assertTrue(receipt.proof().verify(receipt.entryHash(), merkleRootAt(node, receipt)));
      }
      assertTrue(submitted.stream().allMatch(e -> receipts.stream().anyMatch(r -> r.entryHash().equals(e.hash()))));
      return state;
    }
  }

  private dev.consilium.mpc.hash.Sha256Hash merkleRootAt(LedgerNode node, Receipt receipt) {
    // The receipt's block must be the one the replica holds at that height: read it back from the journal.
    try (Connection jdbc = node.jdbc(); JournalReader reader = JournalReader.open(jdbc, TestConsortium.CHANNEL)) {
      var rows = reader.rows();
      while (rows.hasNext()) {
        var row = rows.next();
        if (row.sequenceNumber() == receipt.height() + 1) {
          Block block = Block.fromBytes(row.payload());
          assertEquals(receipt.blockHash(), block.hash());
          assertEquals(block.header().entryCount(), receipt.proof().treeSize());
          return block.header().merkleRoot();
        }
      }
      throw new AssertionError("no block at height " + receipt.height());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void appendOk(LedgerNode node, Block block) {
    TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.Append(block, probe.getRef()));
    StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
    assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
    assertEquals(block.height(), reply.getValue().height());
  }

  private static ReplicaState state(LedgerNode node) {
    TestProbe<ReplicaState> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.GetState(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
  }

  private static void assertRefused(TestProbe<StatusReply<Receipt>> probe, String reason) {
    StatusReply<Receipt> reply = probe.receiveMessage(TIMEOUT);
    assertTrue(reply.isError());
    assertTrue(reply.getError().getMessage(), reply.getError().getMessage().startsWith(reason));
  }
}
