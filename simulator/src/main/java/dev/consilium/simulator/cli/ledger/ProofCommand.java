package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.merkle.InclusionProof;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code consilium ledger proof}: the inclusion proof of one stored entry, and a receipt bundling it. */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = {
        "Print the inclusion proof of the entry at --index of the block at --height: the entry hash, the "
            + "block's hash, Merkle root and entry count, the proof as hex, and a receipt (hex) bundling the "
            + "entry hash, the block header and the proof.",
        "Check them with: consilium ledger check-proof --receipt HEX --block-hash HASH, or with --entry-hash, "
            + "--proof, --merkle-root and --entry-count. The block is read, not verified: trust its hash only "
            + "once ledger verify has passed on this copy, or it matches a head you saved."})
final class ProofCommand extends LedgerCopyCommand {
  @Option(names = "--height", paramLabel = "H", required = true, description = "The block's height.")
  long height;

  @Option(names = "--index", paramLabel = "I", required = true, description = "The entry's index in the block, from 0.")
  int index;

  @Override
  void checkOptions() {
    if (height < 0) {
      throw usage("--height must not be negative, was " + height);
    }
    if (index < 0) {
      throw usage("--index must not be negative, was " + index);
    }
  }

  @Override
  int run(Connection connection, String channel, PrintWriter out) throws LedgerReadException, SQLException {
    Block block = new StoredBlocks(connection, channel).at(height).block();
    BlockHeader header = block.header();
    if (index >= block.entries().size()) {
      throw new LedgerReadException("block " + height + " holds " + block.entries().size()
          + " entries, so --index must be below " + block.entries().size());
    }
    Entry entry = block.entries().get(index);
    InclusionProof proof = block.inclusionProof(index);
    // Computed from the stored entries: a copy changed on disk would hand out a proof its header refutes.
    Optional<String> problem = InclusionCheck.problem(entry.hash(), proof, header.merkleRoot(), header.entryCount());
    if (problem.isPresent()) {
      throw new LedgerReadException("the stored block " + height + " contradicts its own header: "
          + problem.get() + "; run ledger verify");
    }
    out.println(name() + ": entry " + index + " of block " + height + ", channel " + channel);
    out.println("entry hash    " + entry.hash().toHex());
    out.println("block height  " + height);
    out.println("block hash    " + header.hash().toHex());
    out.println("merkle root   " + header.merkleRoot().toHex());
    out.println("entry count   " + header.entryCount());
    out.println("proof         " + proof.toHex());
    out.println("receipt       " + new EntryReceipt(entry.hash(), header, proof).toHex());
    return 0;
  }
}
