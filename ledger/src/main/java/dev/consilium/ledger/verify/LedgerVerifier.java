package dev.consilium.ledger.verify;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.replica.BlockAppended;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import java.util.Iterator;

/**
 * Re-checks a ledger copy from its journal rows alone (DESIGN §4, "Verification"): every row must be the
 * next height's block in canonical form, and every block must pass all of {@link BlockRules}, entry
 * signatures included, replaying the contracts from genesis. Needs no Akka, so it runs offline on any copy.
 */
public final class LedgerVerifier {
  private final BlockRules rules;

  public LedgerVerifier(BlockRules rules) {
    this.rules = rules;
  }

  /** The head and state the rows lead to, or the first height that fails and why. */
  public Result verify(Iterator<JournalRow> rows) throws VerificationFailure {
    BlockHeader head = null;
    LedgerState state = null;
    long blocks = 0;
    long entries = 0;
    while (rows.hasNext()) {
      JournalRow row = rows.next();
      long height = blocks;
      // Sequence numbers start at 1 and the chain is over heights: sequence number = height + 1.
      if (row.sequenceNumber() != height + 1) {
        throw new VerificationFailure(height, "expected the row with sequence number " + (height + 1)
            + ", found " + row.sequenceNumber() + (row.sequenceNumber() > height + 1 ? ": rows are missing" : ""));
      }
      if (row.deleted()) {
        throw new VerificationFailure(height, "the row is marked deleted; a ledger never deletes blocks");
      }
      if (!BlockAppended.MANIFEST.equals(row.manifest())) {
        throw new VerificationFailure(height, "the row's manifest is '" + row.manifest() + "', expected '"
            + BlockAppended.MANIFEST + "'");
      }
      Block block;
      try {
        block = Block.fromBytes(row.payload());
      } catch (CanonicalFormatException e) {
        throw new VerificationFailure(height, "the stored block is malformed: " + e.getMessage());
      }
      if (block.height() != height) {
        throw new VerificationFailure(height, "the row holds block " + block.height());
      }
      try {
        state = rules.apply(head, state, block);
      } catch (RefusedException e) {
        throw new VerificationFailure(height, e.reason() + ": " + e.detail());
      }
      head = block.header();
      blocks++;
      entries += block.entries().size();
    }
    if (head == null) {
      throw new VerificationFailure(0, "the journal holds no block for this channel");
    }
    return new Result(head, state, entries);
  }

  /** A copy that verified: its head, the state it leads to, and how many entries it holds. */
  public record Result(BlockHeader head, LedgerState state, long entries) {}
}
