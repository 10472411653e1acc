package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How the ledger commands print a block: one summary line, or every header field and a line per entry. */
final class BlockText {
  private static final String SUMMARY = "%8s  %5s  %-24s  %7s  %s";
  // A ledger never deletes a block; a row so marked is shown, and flagged, since verify will refuse it.
  private static final String DELETED = "(row marked deleted)";

  private BlockText() {}

  /** The column names above {@link #summary} lines. */
  static String summaryHeading() {
    return String.format(SUMMARY, "height", "epoch", "time", "entries", "hash");
  }

  /** The row's summary line, or why it holds no block. */
  static String summary(StoredBlocks.Stored stored) {
    String marks = stored.deleted() ? "  " + DELETED : "";
    if (stored.block() == null) {
      return String.format("%8d  the row holds no block: %s", stored.height(), stored.problem()) + marks;
    }
    BlockHeader header = stored.block().header();
    return String.format(SUMMARY, header.height(), header.epoch(), time(header.timestampMs()),
        stored.block().entries().size(), header.hash().toHex()) + marks;
  }

  /** The header's fields and a line per entry, of a row that holds a block. */
  static List<String> details(StoredBlocks.Stored stored) {
    Block block = stored.block();
    BlockHeader header = block.header();
    List<String> lines = new ArrayList<>();
    lines.add("block " + header.height() + (stored.deleted() ? "  " + DELETED : ""));
    lines.add("  epoch        " + header.epoch());
    lines.add("  time         " + time(header.timestampMs()));
    lines.add("  hash         " + header.hash().toHex());
    lines.add("  previous     " + header.previousHash().toHex());
    lines.add("  merkle root  " + header.merkleRoot().toHex());
    lines.add("  state root   " + header.stateRoot().toHex());
    lines.add("  sequencer    " + header.sequencer());
    lines.add("  entries      " + header.entryCount());
    List<Entry> entries = block.entries();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      lines.add("  entry " + i + ": " + entry.contract() + "." + entry.action() + " by " + entry.submitter()
          + ", nonce " + entry.nonce() + ", " + entry.payload().length + " payload bytes, hash " + entry.hash().toHex());
    }
    return lines;
  }

  /** ISO-8601 in UTC, e.g. 2023-11-14T22:13:20Z. */
  static String time(long timestampMs) {
    return Instant.ofEpochMilli(timestampMs).toString();
  }
}
