package dev.consilium.ledger.replica;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.storage.CanonicalPersistent;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * The replica's only event: a block that passed every check. It is stored as the block's canonical bytes
 * and nothing else, so the offline verifier reads the journal without Akka.
 */
public record BlockAppended(Block block) implements CanonicalPersistent {
  public static final String MANIFEST = "block-appended";

  @Override
  public void writeTo(CanonicalWriter writer) {
    block.writeTo(writer);
  }

  public static BlockAppended read(CanonicalReader reader) throws CanonicalFormatException {
    return new BlockAppended(Block.read(reader));
  }
}
