package dev.consilium.ledger.sequencer;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.EntryRules;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.signature.PublicKeySign;
import java.util.ArrayList;
import java.util.List;

/**
 * The next block while it fills: entries are checked and applied one by one against the state they will
 * meet on every replica, so a sealed draft passes the replicas' checks by construction.
 *
 * <p>The block's timestamp is fixed when the draft opens, because contracts see it while entries are
 * checked: sealing with a later time could change their verdicts on the replicas.
 */
public final class BlockDraft {
  private final BlockHeader head;
  private final EntryRules rules;
  private final LedgerState.Transition transition;
  private final long timestampMs;
  private final List<Entry> entries = new ArrayList<>();
  private long entryBytes;

  private BlockDraft(BlockHeader head, LedgerState state, EntryRules rules, long timestampMs) {
    this.head = head;
    this.rules = rules;
    this.transition = state.begin();
    this.timestampMs = timestampMs;
  }

  /** A draft to follow {@code head}; its time is {@code nowMs}, or the head's if the clock is behind it. */
  public static BlockDraft after(BlockHeader head, LedgerState state, EntryRules rules, long nowMs) {
    return new BlockDraft(head, state, rules, Math.max(nowMs, head.timestampMs()));
  }

  /** Checks and applies {@code entry}; returns its index in the block. On refusal nothing changes. */
  public int add(Entry entry) throws RefusedException {
    rules.admit(transition, entry, height(), entries.size(), timestampMs);
    entries.add(entry);
    entryBytes += entry.encodedLength();
    return entries.size() - 1;
  }

  public long height() {
    return head.height() + 1;
  }

  public int size() {
    return entries.size();
  }

  /** The encoded length of the entries added so far. */
  public long entryBytes() {
    return entryBytes;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The last nonce {@code submitter} used, counting the entries already in this draft. */
  public long lastNonce(Did submitter) {
    return transition.lastNonce(submitter);
  }

  /**
   * Seals the draft into a block signed by the sequencer, and returns it with the state it leads to. The
   * draft must not be used afterwards.
   */
  public Sealed seal(long epoch, Did sequencer, PublicKeySign signer) {
    LedgerState next = transition.finish();
    BlockHeader header = BlockHeader.sign(height(), epoch, head.hash(), Block.merkleRootOf(entries),
        next.stateRoot(), timestampMs, entries.size(), sequencer, signer);
    return new Sealed(Block.of(header, entries), next);
  }

  /** A sealed block and the state after it. */
  public record Sealed(Block block, LedgerState state) {}
}
