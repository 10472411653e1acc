package dev.consilium.ledger.replica;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.pattern.StatusReply;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.testing.LedgerNode;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.ledger.validation.RefusalReason;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.io.File;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every refusal reason, through the persisting replica: each bad block is answered with its reason, and
 * neither the replica's head nor its journal changes, before or after a restart.
 */
public class ReplicaRefusalTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final SecureRandom random = new SecureRandom();
  private final TestConsortium consortium = new TestConsortium(random);

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void append_everyKindOfBadBlock_refusedWithItsReasonAndNothingPersisted() throws Exception {
    File data = folder.newFolder();
    // Block 1 (epoch 3) revokes bank C; every bad block below would follow it.
    Entry revoke = consortium.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(consortium.bankC.did), 2);
    BlockDraft draft = BlockDraft.after(consortium.genesis.header(), consortium.genesisState,
        consortium.rules.entryRules(), TestConsortium.GENESIS_TIME_MS + 1_000);
    draft.add(revoke);
    BlockDraft.Sealed first = draft.seal(3, consortium.regulator.did, consortium.regulator.signer);
    BlockHeader head = first.block().header();
    LedgerState state = first.state();

    Map<RefusalReason, Block> bad = badBlocks(head, state);
    List<String> failures = new ArrayList<>();
    try (LedgerNode node = LedgerNode.start(consortium, data, 100)) {
      append(node, consortium.genesis);
      append(node, first.block());
      for (Map.Entry<RefusalReason, Block> c : bad.entrySet()) {
        TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
        node.replica.tell(new LedgerReplica.Append(c.getValue(), probe.getRef()));
        StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
        if (!reply.isError() || !reply.getError().getMessage().startsWith(c.getKey() + " at height ")) {
          failures.add(c.getKey() + ": got " + (reply.isError() ? reply.getError().getMessage() : "success"));
        }
        if (!head.equals(state(node).head())) {
          failures.add(c.getKey() + ": the head moved");
        }
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
    assertEquals(RefusalReason.values().length - 1, bad.size()); // every reason but BAD_GENESIS
    try (LedgerNode node = LedgerNode.start(consortium, data, 100)) {
      assertEquals(head, state(node).head());
      try (Connection jdbc = node.jdbc(); ResultSet rows = jdbc.createStatement().executeQuery(
          "SELECT COUNT(*) FROM \"event_journal\"")) {
        rows.next();
        assertEquals("only genesis and block 1 are on disk", 2, rows.getLong(1));
      }
    }
  }

  private Map<RefusalReason, Block> badBlocks(BlockHeader head, LedgerState state) {
    Member regulator = consortium.regulator;
    Member outsider = TestConsortium.outsider(random);
    Entry good = consortium.bankA.selfUpdate(1);
    Map<RefusalReason, Block> bad = new LinkedHashMap<>();
    bad.put(RefusalReason.WRONG_HEIGHT, raw(head, 3, head.hash(), 3, List.of(good), regulator, state.stateRoot()));
    bad.put(RefusalReason.WRONG_PREVIOUS_HASH,
        raw(head, 2, Sha256.digest(new byte[] {1}), 3, List.of(good), regulator, state.stateRoot()));
    bad.put(RefusalReason.STALE_EPOCH, raw(head, 2, head.hash(), 2, List.of(good), regulator, state.stateRoot()));
    bad.put(RefusalReason.TIMESTAMP_BEFORE_PREVIOUS, Block.of(BlockHeader.sign(2, 3, head.hash(),
        Block.merkleRootOf(List.of(good)), state.stateRoot(), head.timestampMs() - 1, 1, regulator.did,
        regulator.signer), List.of(good)));
    bad.put(RefusalReason.WRONG_ENTRY_COUNT, Block.of(BlockHeader.sign(2, 3, head.hash(),
        Block.merkleRootOf(List.of(good)), state.stateRoot(), head.timestampMs(), 2, regulator.did,
        regulator.signer), List.of(good)));
    bad.put(RefusalReason.BAD_SEQUENCER_SIGNATURE, Block.of(BlockHeader.sign(2, 3, head.hash(),
        Block.merkleRootOf(List.of(good)), state.stateRoot(), head.timestampMs(), 1, regulator.did,
        consortium.bankA.signer), List.of(good)));
    bad.put(RefusalReason.WRONG_MERKLE_ROOT, Block.of(BlockHeader.sign(2, 3, head.hash(),
        Sha256.digest(new byte[] {2}), state.stateRoot(), head.timestampMs(), 1, regulator.did, regulator.signer),
        List.of(good)));
    Entry forged = Entry.sign(TestConsortium.CHANNEL, MembershipContract.NAME, MembershipContract.UPDATE,
        MembershipContract.documentPayload(consortium.bankA.document), consortium.bankA.did, 1,
        consortium.bankB.signer);
    bad.put(RefusalReason.BAD_SIGNATURE, withEntry(head, forged, state));
    bad.put(RefusalReason.UNKNOWN_SUBMITTER, withEntry(head, outsider.selfUpdate(1), state));
    bad.put(RefusalReason.REVOKED_SUBMITTER, withEntry(head, consortium.bankC.selfUpdate(1), state));
    bad.put(RefusalReason.REPLAYED_NONCE, withEntry(head, regulator.selfUpdate(2), state));
    bad.put(RefusalReason.UNKNOWN_CONTRACT, withEntry(head, consortium.bankA.entry("lottery", "draw",
        new byte[0], 1), state));
    bad.put(RefusalReason.PRECONDITION_FAILED, withEntry(head, consortium.bankA.entry(MembershipContract.NAME,
        MembershipContract.ADMIT, MembershipContract.documentPayload(outsider.document), 1), state));
    bad.put(RefusalReason.WRONG_CHANNEL, withEntry(head, Entry.sign("side", MembershipContract.NAME,
        MembershipContract.UPDATE, MembershipContract.documentPayload(consortium.bankA.document),
        consortium.bankA.did, 1, consortium.bankA.signer), state));
    bad.put(RefusalReason.WRONG_STATE_ROOT, raw(head, 2, head.hash(), 3, List.of(good), regulator,
        Sha256.digest(new byte[] {3})));
    return bad;
  }

  private Block withEntry(BlockHeader head, Entry entry, LedgerState state) {
    return raw(head, 2, head.hash(), 3, List.of(entry), consortium.regulator, state.stateRoot());
  }

  private static Block raw(BlockHeader head, long height, Sha256Hash previous, long epoch, List<Entry> entries,
      Member sequencer, Sha256Hash stateRoot) {
    return Block.of(BlockHeader.sign(height, epoch, previous, Block.merkleRootOf(entries), stateRoot,
        head.timestampMs(), entries.size(), sequencer.did, sequencer.signer), entries);
  }

  private static void append(LedgerNode node, Block block) {
    TestProbe<StatusReply<LedgerReplica.Appended>> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.Append(block, probe.getRef()));
    StatusReply<LedgerReplica.Appended> reply = probe.receiveMessage(TIMEOUT);
    assertTrue(reply.isSuccess() ? "" : reply.getError().getMessage(), reply.isSuccess());
  }

  private static ReplicaState state(LedgerNode node) {
    TestProbe<ReplicaState> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.GetState(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
  }
}
