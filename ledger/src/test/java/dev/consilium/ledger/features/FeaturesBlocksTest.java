package dev.consilium.ledger.features;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.testing.LedgerNode;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.ledger.validation.RefusalReason;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.ledger.verify.LedgerCopyVerifier;
import dev.consilium.ledger.verify.SnapshotReader;
import dev.consilium.ledger.verify.SnapshotRow;
import java.io.File;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The features contract on the ledger's own path: entries sealed into blocks by the standard registry's block
 * rules, appended by a replica that snapshots, recovered from that snapshot, and replayed by the offline verifier.
 */
public class FeaturesBlocksTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int SNAPSHOT_EVERY_BLOCKS = 2;

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private final FeaturesParties parties = new FeaturesParties();
  private final TestConsortium consortium = parties.consortium;
  private final Member owner = parties.owner;

  @Test
  public void blocks_aWholeTask_endCompletedInTheLedgerState() throws Exception {
    List<BlockDraft.Sealed> sealed = wholeTask();
    LedgerState last = sealed.get(sealed.size() - 1).state();
    FeaturesState features = (FeaturesState) last.contractState(FeaturesContract.NAME);
    TrainingTask task = features.task("vfl-1").orElseThrow();
    assertEquals(TaskStatus.ENDED, task.status());
    assertEquals(Optional.of(TaskOutcome.COMPLETED), task.outcome());
    assertEquals(2, task.lastCommittedRound());
    assertEquals(1, task.model().orElseThrow().round());
    assertEquals("rounds carry their block's timestamp", sealed.get(2).block().header().timestampMs(),
        task.round(1).orElseThrow().committedAtMs());
  }

  @Test
  public void blocks_aFeaturesRefusal_isTheLedgersPreconditionFailureWithTheReason() throws Exception {
    List<BlockDraft.Sealed> sealed = wholeTask();
    BlockDraft.Sealed last = sealed.get(sealed.size() - 1);
    FeaturesLedger payloads = new FeaturesLedger(parties);
    Entry late = owner.entry(FeaturesContract.NAME, FeaturesContract.COMMIT_ROUND,
        FeaturesContract.commitRoundPayload(payloads.round("vfl-1", 3, parties.computeNodes())), 6);
    RefusedException e = assertThrows(RefusedException.class,
        () -> consortium.seal(last.block().header(), last.state(), List.of(late), consortium.regulator));
    assertEquals(RefusalReason.PRECONDITION_FAILED, e.reason());
    assertTrue(e.getMessage(), e.getMessage().contains("task vfl-1 ended completed; no round after it ends"));
  }

  @Test
  public void replica_snapshotsAndRecoversTheTask_andTheOfflineVerifierReachesTheSameState() throws Exception {
    List<BlockDraft.Sealed> sealed = wholeTask();
    List<Block> blocks = new ArrayList<>();
    blocks.add(consortium.genesis);
    sealed.forEach(s -> blocks.add(s.block()));
    LedgerState expected = sealed.get(sealed.size() - 1).state();
    File data = folder.newFolder();
    try (LedgerNode node = LedgerNode.start(consortium, data, SNAPSHOT_EVERY_BLOCKS)) {
      TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
      for (Block block : blocks) {
        node.replica.tell(new LedgerReplica.Append(block, probe.getRef()));
        StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
        assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
      }
      assertEquals(expected.stateRoot(), state(node).ledger().stateRoot());
      awaitSnapshot(node, blocks.size());
    }
    try (LedgerNode node = LedgerNode.start(consortium, data, SNAPSHOT_EVERY_BLOCKS)) {
      ReplicaState recovered = state(node);
      assertEquals(blocks.get(blocks.size() - 1).header(), recovered.head());
      assertEquals(expected.stateRoot(), recovered.ledger().stateRoot());
      assertEquals(expected.contractState(FeaturesContract.NAME).stateHash(),
          recovered.ledger().contractState(FeaturesContract.NAME).stateHash());
      try (Connection jdbc = node.jdbc()) {
        LedgerCopyVerifier.Report report = new LedgerCopyVerifier(Contracts.standard())
            .verify(jdbc, TestConsortium.CHANNEL, null);
        assertEquals(blocks.get(blocks.size() - 1).header(), report.head());
        assertEquals(expected.stateRoot(), report.state().stateRoot());
        assertEquals(blocks.size() - 1, report.snapshotHeight().orElseThrow());
      }
    }
  }

  /**
   * Genesis, then: the regulator admits compute nodes X, Y, Z; A registers task vfl-1; round 1 with every node;
   * round 2 after Y dropped out; the model of round 1, and the end, completed.
   */
  private List<BlockDraft.Sealed> wholeTask() throws RefusedException {
    FeaturesLedger payloads = new FeaturesLedger(parties);
    String id = "vfl-1";
    long regulatorNonce = consortium.genesisState.lastNonce(consortium.regulator.did);
    List<List<Entry>> blocks = List.of(
        List.of(parties.admit(parties.computeX, regulatorNonce + 1),
            parties.admit(parties.computeY, regulatorNonce + 2), parties.admit(parties.computeZ, regulatorNonce + 3)),
        List.of(entry(FeaturesContract.REGISTER_TASK, FeaturesContract.registerTaskPayload(payloads.featureTask(id, 2)),
            1)),
        List.of(entry(FeaturesContract.COMMIT_ROUND, FeaturesContract.commitRoundPayload(
            payloads.round(id, 1, parties.computeNodes())), 2)),
        List.of(entry(FeaturesContract.COMMIT_ROUND, FeaturesContract.commitRoundPayload(
            payloads.round(id, 2, FeaturesParties.sorted(parties.computeX, parties.computeZ))), 3)),
        List.of(entry(FeaturesContract.REGISTER_MODEL, FeaturesContract.registerModelPayload(payloads.model(id, 1, 2)),
            4), entry(FeaturesContract.END_TASK, FeaturesContract.endTaskPayload(
            FeaturesLedger.end(id, TaskOutcome.COMPLETED, null)), 5)));
    List<BlockDraft.Sealed> sealed = new ArrayList<>();
    BlockHeader head = consortium.genesis.header();
    LedgerState state = consortium.genesisState;
    for (List<Entry> entries : blocks) {
      BlockDraft.Sealed next = consortium.seal(head, state, entries, consortium.regulator);
      sealed.add(next);
      head = next.block().header();
      state = next.state();
    }
    return sealed;
  }

  private Entry entry(String action, byte[] payload, long nonce) {
    return owner.entry(FeaturesContract.NAME, action, payload, nonce);
  }

  private static ReplicaState state(LedgerNode node) {
    TestProbe<ReplicaState> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.GetState(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
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
        assertTrue("newest snapshot " + newest + " after " + TIMEOUT + ", wanted " + sequenceNumber,
            System.nanoTime() < deadline);
        Thread.sleep(20);
      }
    }
  }
}
