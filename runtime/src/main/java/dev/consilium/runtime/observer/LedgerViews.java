package dev.consilium.runtime.observer;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The observer's JSON shapes: hashes as hex, DIDs as text, payloads by size and entry hash only (the
 * payload bytes stay on the ledger; a client that needs them reads a ledger copy).
 */
final class LedgerViews {
  private LedgerViews() {}

  record HeadView(long height, String hash, long epoch, long promisedEpoch, long committedHeight) {}

  record EntryView(int index, String hash, String contract, String action, String submitter, long nonce,
      int payloadBytes) {}

  record BlockView(long height, long epoch, String hash, String previousHash, String merkleRoot, String stateRoot,
      long timestampMs, String sequencer, int entryCount, List<EntryView> entries) {}

  static HeadView head(ReplicaEndpoint.Head head) {
    return new HeadView(head.height(), head.hash().toHex(), head.epoch(), head.promisedEpoch(),
        head.committedHeight());
  }

  static BlockView block(Block block) {
    BlockHeader header = block.header();
    List<EntryView> entries = new ArrayList<>();
    for (int i = 0; i < block.entries().size(); i++) {
      Entry entry = block.entries().get(i);
      entries.add(new EntryView(i, entry.hash().toHex(), entry.contract(), entry.action(),
          entry.submitter().toString(), entry.nonce(), entry.payload().length));
    }
    return new BlockView(header.height(), header.epoch(), header.hash().toHex(), header.previousHash().toHex(),
        header.merkleRoot().toHex(), header.stateRoot().toHex(), header.timestampMs(), header.sequencer().toString(),
        header.entryCount(), entries);
  }
}
