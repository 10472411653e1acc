package dev.consilium.ledger.validation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.mpc.signature.PublicKeySign;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Every reason a replica refuses a block, each with the values it names, and the state left as it was. */
public class BlockRulesTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final TestConsortium consortium = new TestConsortium(RANDOM);
  private final BlockRules rules = consortium.rules;
  private final BlockHeader head = consortium.genesis.header();
  private final LedgerState state = consortium.genesisState;

  @Test
  public void apply_validBlock_advancesStateAndNonces() throws Exception {
    Entry entry = consortium.bankA.selfUpdate(1);
    BlockDraft.Sealed sealed = consortium.seal(head, state, List.of(entry), consortium.regulator);
    LedgerState next = rules.apply(head, state, sealed.block());
    assertEquals(sealed.state().stateRoot(), next.stateRoot());
    assertEquals(1, next.lastNonce(consortium.bankA.did));
  }

  @Test
  public void apply_wrongHeight_refused() {
    Block block = raw(2, 0, head.hash(), List.of(consortium.bankA.selfUpdate(1)), consortium.regulator);
    assertRefused(RefusalReason.WRONG_HEIGHT, block, "next block must be 1");
  }

  @Test
  public void apply_wrongPreviousHash_refused() {
    Block block = raw(1, 0, Sha256.digest(new byte[] {1}), List.of(consortium.bankA.selfUpdate(1)),
        consortium.regulator);
    assertRefused(RefusalReason.WRONG_PREVIOUS_HASH, block, head.hash().toHex());
  }

  @Test
  public void apply_olderEpoch_refused() throws Exception {
    Block first = raw(1, 3, head.hash(), List.of(), consortium.regulator, state.stateRoot());
    LedgerState afterFirst = rules.apply(head, state, first);
    Block second = raw(2, 2, first.hash(), List.of(), consortium.regulator, afterFirst.stateRoot());
    RefusedException e = assertThrows(RefusedException.class, () -> rules.apply(first.header(), afterFirst, second));
    assertEquals(RefusalReason.STALE_EPOCH, e.reason());
    assertTrue(e.getMessage(), e.getMessage().contains("epoch 2, the head is of epoch 3"));
  }

  @Test
  public void apply_sequencerSignatureByAnotherKey_refused() {
    Member forger = consortium.bankA;
    Block block = sealWith(List.of(), consortium.regulator.did, forger.signer, state.stateRoot());
    assertRefused(RefusalReason.BAD_SEQUENCER_SIGNATURE, block, "does not verify");
  }

  @Test
  public void apply_sequencerNotAMember_refused() {
    Member outsider = TestConsortium.outsider(RANDOM);
    Block block = sealWith(List.of(), outsider.did, outsider.signer, state.stateRoot());
    assertRefused(RefusalReason.BAD_SEQUENCER_SIGNATURE, block, "is not a member");
  }

  @Test
  public void apply_wrongMerkleRoot_refused() {
    List<Entry> entries = List.of(consortium.bankA.selfUpdate(1));
    BlockHeader header = BlockHeader.sign(1, 0, head.hash(), Sha256.digest(new byte[] {7}), state.stateRoot(),
        head.timestampMs(), 1, consortium.regulator.did, consortium.regulator.signer);
    assertRefused(RefusalReason.WRONG_MERKLE_ROOT, Block.of(header, entries), "the entries give");
  }

  @Test
  public void apply_entryCountDiffersFromHeader_refused() {
    List<Entry> entries = List.of(consortium.bankA.selfUpdate(1));
    BlockHeader header = BlockHeader.sign(1, 0, head.hash(), Block.merkleRootOf(entries), state.stateRoot(),
        head.timestampMs(), 2, consortium.regulator.did, consortium.regulator.signer);
    assertRefused(RefusalReason.WRONG_ENTRY_COUNT, Block.of(header, entries), "claims 2 entries");
  }

  @Test
  public void apply_entrySignedByAnotherKey_refused() {
    Member a = consortium.bankA;
    Entry forged = Entry.sign(TestConsortium.CHANNEL, MembershipContract.NAME, MembershipContract.UPDATE,
        MembershipContract.documentPayload(a.document), a.did, 1, consortium.bankB.signer);
    assertRefusedEntry(RefusalReason.BAD_SIGNATURE, forged, "does not verify");
  }

  @Test
  public void apply_unknownSubmitter_refused() {
    Member outsider = TestConsortium.outsider(RANDOM);
    assertRefusedEntry(RefusalReason.UNKNOWN_SUBMITTER, outsider.selfUpdate(1), outsider.did + " is not a member");
  }

  @Test
  public void apply_revokedSubmitter_refused() throws Exception {
    Member c = consortium.bankC;
    Entry revoke = consortium.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(c.did), 2);
    BlockDraft.Sealed sealed = consortium.seal(head, state, List.of(revoke), consortium.regulator);
    LedgerState revoked = rules.apply(head, state, sealed.block());
    BlockHeader first = sealed.block().header();
    List<Entry> entries = List.of(c.selfUpdate(1));
    Block block = Block.of(BlockHeader.sign(2, 0, first.hash(), Block.merkleRootOf(entries), revoked.stateRoot(),
        first.timestampMs(), 1, consortium.regulator.did, consortium.regulator.signer), entries);
    RefusedException e = assertThrows(RefusedException.class,
        () -> rules.apply(sealed.block().header(), revoked, block));
    assertEquals(RefusalReason.REVOKED_SUBMITTER, e.reason());
    assertTrue(e.getMessage(), e.getMessage().contains(c.did + " was revoked"));
  }

  @Test
  public void apply_replayedNonce_refused() {
    // The regulator used nonce 1 for genesis.
    Entry replay = consortium.regulator.selfUpdate(1);
    assertRefusedEntry(RefusalReason.REPLAYED_NONCE, replay, "nonce 1");
  }

  @Test
  public void apply_sameNonceTwiceInOneBlock_refused() {
    Block block = raw(1, 0, head.hash(), List.of(consortium.bankA.selfUpdate(5), consortium.bankA.selfUpdate(5)),
        consortium.regulator);
    RefusedException e = assertThrows(RefusedException.class, () -> rules.apply(head, state, block));
    assertEquals(RefusalReason.REPLAYED_NONCE, e.reason());
    assertEquals(1, e.entryIndex().getAsInt());
  }

  @Test
  public void apply_unknownContract_refused() {
    Entry entry = consortium.bankA.entry("lottery", "draw", new byte[0], 1);
    assertRefusedEntry(RefusalReason.UNKNOWN_CONTRACT, entry, "no contract 'lottery'");
  }

  @Test
  public void apply_failedPrecondition_refused() {
    Member newcomer = TestConsortium.outsider(RANDOM);
    Entry admitByBank = consortium.bankA.entry(MembershipContract.NAME, MembershipContract.ADMIT,
        MembershipContract.documentPayload(newcomer.document), 1);
    assertRefusedEntry(RefusalReason.PRECONDITION_FAILED, admitByBank, "only an admitted regulator may admit");
  }

  @Test
  public void apply_wrongChannel_refused() {
    Member a = consortium.bankA;
    Entry entry = Entry.sign("side", MembershipContract.NAME, MembershipContract.UPDATE,
        MembershipContract.documentPayload(a.document), a.did, 1, a.signer);
    assertRefusedEntry(RefusalReason.WRONG_CHANNEL, entry, "channel 'side'");
  }

  @Test
  public void apply_wrongStateRoot_refused() {
    Block block = raw(1, 0, head.hash(), List.of(consortium.bankA.selfUpdate(1)), consortium.regulator,
        Sha256.digest(new byte[] {9}));
    assertRefused(RefusalReason.WRONG_STATE_ROOT, block, "applying the entries gives");
  }

  @Test
  public void admit_byRegulator_letsTheNewcomerSubmit() throws Exception {
    Member newcomer = TestConsortium.outsider(RANDOM);
    Entry admit = consortium.regulator.entry(MembershipContract.NAME, MembershipContract.ADMIT,
        MembershipContract.documentPayload(newcomer.document), 2);
    BlockDraft.Sealed first = consortium.seal(head, state, List.of(admit), consortium.regulator);
    LedgerState admitted = rules.apply(head, state, first.block());
    BlockDraft.Sealed second = consortium.seal(first.block().header(), admitted, List.of(newcomer.selfUpdate(1)),
        consortium.bankB);
    assertEquals(1, rules.apply(first.block().header(), admitted, second.block()).lastNonce(newcomer.did));
  }

  @Test
  public void update_rolesChangedByMemberItself_refused() {
    Member a = consortium.bankA;
    MemberDocument promoted = MemberDocument.of(a.key.publicKey(), a.document.agreementKey(), Set.of("institution", "validator", "regulator"),
        List.of(), "");
    Entry entry = a.entry(MembershipContract.NAME, MembershipContract.UPDATE,
        MembershipContract.documentPayload(promoted), 1);
    assertRefusedEntry(RefusalReason.PRECONDITION_FAILED, entry, "only a regulator may change roles");
  }

  @Test
  public void revoke_self_refused() {
    Entry entry = consortium.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(consortium.regulator.did), 2);
    assertRefusedEntry(RefusalReason.PRECONDITION_FAILED, entry, "cannot revoke itself");
  }

  @Test
  public void genesis_tamperedConfiguration_refused() throws Exception {
    Block genesis = consortium.genesis;
    Entry original = genesis.entries().get(0);
    byte[] payload = original.payload();
    payload[payload.length - 1] ^= 1; // the commit quorum
    Entry tampered = Entry.sign(TestConsortium.CHANNEL, original.contract(), original.action(), payload,
        original.submitter(), 1, consortium.bankA.signer);
    BlockHeader header = BlockHeader.sign(0, 0, BlockHeader.NO_PREVIOUS, Block.merkleRootOf(List.of(tampered)),
        state.stateRoot(), TestConsortium.GENESIS_TIME_MS, 1, original.submitter(), consortium.regulator.signer);
    RefusedException e = assertThrows(RefusedException.class,
        () -> rules.apply(null, null, Block.of(header, List.of(tampered))));
    assertEquals(RefusalReason.BAD_SEQUENCER_SIGNATURE, e.reason());
  }

  private void assertRefusedEntry(RefusalReason reason, Entry entry, String detail) {
    assertRefused(reason, raw(1, 0, head.hash(), List.of(entry), consortium.regulator), detail);
  }

  private void assertRefused(RefusalReason reason, Block block, String detail) {
    Sha256Hash rootBefore = state.stateRoot();
    RefusedException e = assertThrows(RefusedException.class, () -> rules.apply(head, state, block));
    assertEquals(e.getMessage(), reason, e.reason());
    assertTrue(e.getMessage(), e.getMessage().contains(detail));
    assertEquals(rootBefore, state.stateRoot());
    assertEquals(0, state.lastNonce(consortium.bankA.did));
  }

  private Block raw(long height, long epoch, Sha256Hash previous, List<Entry> entries, Member sequencer) {
    return raw(height, epoch, previous, entries, sequencer, state.stateRoot());
  }

  private Block raw(long height, long epoch, Sha256Hash previous, List<Entry> entries, Member sequencer,
      Sha256Hash stateRoot) {
    BlockHeader header = BlockHeader.sign(height, epoch, previous, Block.merkleRootOf(entries), stateRoot,
        head.timestampMs() + 1, entries.size(), sequencer.did, sequencer.signer);
    return Block.of(header, entries);
  }

  private Block sealWith(List<Entry> entries, Did claimed, PublicKeySign signer, Sha256Hash stateRoot) {
    BlockHeader header = BlockHeader.sign(1, 0, head.hash(), Block.merkleRootOf(entries), stateRoot,
        head.timestampMs(), entries.size(), claimed, signer);
    return Block.of(header, entries);
  }
}
