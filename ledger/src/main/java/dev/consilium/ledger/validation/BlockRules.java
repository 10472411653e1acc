package dev.consilium.ledger.validation;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.state.LedgerState;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Everything a replica checks before it persists a block, in DESIGN §4's order: height contiguous, previous
 * hash, epoch not older (and time not running backwards), sequencer signature, entry count and Merkle root,
 * then each entry ({@link EntryRules}), then the resulting state root. Pure: the same inputs give the same
 * verdict on every replica and in the offline verifier.
 */
public final class BlockRules {
  private final ContractRegistry registry;
  private final EntryRules entryRules;

  public BlockRules(ContractRegistry registry) {
    this.registry = registry;
    this.entryRules = new EntryRules(registry);
  }

  public EntryRules entryRules() {
    return entryRules;
  }

  /**
   * The state after {@code block}, if it may follow {@code head} (null before genesis) whose state is
   * {@code state} (null before genesis); otherwise the reason it may not.
   */
  public LedgerState apply(BlockHeader head, LedgerState state, Block block) throws RefusedException {
    return apply(head, state, block, EntrySignatures.VERIFY);
  }

  /**
   * As {@link #apply(BlockHeader, LedgerState, Block)}; with {@link EntrySignatures#TRUST_MERKLE_ROOT} the
   * entries' own signatures are not verified again. That is sound only for blocks this replica verified
   * before it persisted them: every entry's bytes feed the Merkle root, which the sequencer's verified
   * signature covers, so a changed entry still fails the Merkle check.
   */
  public LedgerState apply(BlockHeader head, LedgerState state, Block block, EntrySignatures signatures)
      throws RefusedException {
    if (head == null) {
      return GenesisBlock.validate(block, registry);
    }
    BlockHeader header = block.header();
    long height = header.height();
    checkLink(head, header);
    checkSequencer(state.membership(), header);
    checkEntries(block);
    LedgerState.Transition transition = state.begin();
    List<Entry> entries = block.entries();
    for (int i = 0; i < entries.size(); i++) {
      entryRules.admit(transition, entries.get(i), height, i, header.timestampMs(), signatures);
    }
    LedgerState next = transition.finish();
    if (!next.stateRoot().equals(header.stateRoot())) {
      throw RefusedException.block(RefusalReason.WRONG_STATE_ROOT, height, "header claims "
          + header.stateRoot().toHex() + ", applying the entries gives " + next.stateRoot().toHex());
    }
    return next;
  }

  private static void checkLink(BlockHeader head, BlockHeader header) throws RefusedException {
    long height = header.height();
    if (height != head.height() + 1) {
      throw RefusedException.block(RefusalReason.WRONG_HEIGHT, height,
          "the head is at height " + head.height() + ", so the next block must be " + (head.height() + 1));
    }
    if (!header.previousHash().equals(head.hash())) {
      throw RefusedException.block(RefusalReason.WRONG_PREVIOUS_HASH, height, "block links to "
          + header.previousHash().toHex() + ", the head's hash is " + head.hash().toHex());
    }
    if (header.epoch() < head.epoch()) {
      throw RefusedException.block(RefusalReason.STALE_EPOCH, height,
          "block is of epoch " + header.epoch() + ", the head is of epoch " + head.epoch());
    }
    if (header.timestampMs() < head.timestampMs()) {
      throw RefusedException.block(RefusalReason.TIMESTAMP_BEFORE_PREVIOUS, height, "block time "
          + header.timestampMs() + " ms is before the head's " + head.timestampMs() + " ms");
    }
  }

  private static void checkSequencer(MembershipState membership, BlockHeader header) throws RefusedException {
    long height = header.height();
    MembershipState.Member sequencer = membership.find(header.sequencer()).orElseThrow(() ->
        RefusedException.block(RefusalReason.BAD_SEQUENCER_SIGNATURE, height,
            "sequencer " + header.sequencer() + " is not a member"));
    if (!membership.isAdmittedWithRole(header.sequencer(), "validator")) {
      throw RefusedException.block(RefusalReason.BAD_SEQUENCER_SIGNATURE, height,
          "sequencer " + header.sequencer() + " is not an admitted validator");
    }
    try {
      header.verify(sequencer.document().verifier());
    } catch (GeneralSecurityException e) {
      throw RefusedException.block(RefusalReason.BAD_SEQUENCER_SIGNATURE, height,
          "signature of sequencer " + header.sequencer() + " does not verify: " + e.getMessage());
    }
  }

  /** The header's entry count and Merkle root against the entries it seals; genesis checks them too. */
  public static void checkEntries(Block block) throws RefusedException {
    BlockHeader header = block.header();
    if (header.entryCount() != block.entries().size()) {
      throw RefusedException.block(RefusalReason.WRONG_ENTRY_COUNT, header.height(), "header claims "
          + header.entryCount() + " entries, the block holds " + block.entries().size());
    }
    if (!block.computedMerkleRoot().equals(header.merkleRoot())) {
      throw RefusedException.block(RefusalReason.WRONG_MERKLE_ROOT, header.height(), "header claims "
          + header.merkleRoot().toHex() + ", the entries give " + block.computedMerkleRoot().toHex());
    }
  }
}
