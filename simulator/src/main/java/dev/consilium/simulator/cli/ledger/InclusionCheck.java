package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Optional;

/** Whether an inclusion proof shows an entry in a block with a given Merkle root and entry count. */
final class InclusionCheck {
  private InclusionCheck() {}

  /**
   * Why the proof does not show it, or empty if it does. The size comes first: the path's hashes do not
   * bind it, and a proof of another size could otherwise place the entry at another index (see
   * {@link InclusionProof}).
   */
  static Optional<String> problem(Sha256Hash entryHash, InclusionProof proof, Sha256Hash merkleRoot, long entryCount) {
    if (proof.treeSize() != entryCount) {
      return Optional.of("the proof is for a block of " + proof.treeSize() + " entries, but the block holds "
          + entryCount);
    }
    if (!proof.verify(entryHash, merkleRoot)) {
      return Optional.of("entry " + entryHash.toHex() + " at index " + proof.leafIndex()
          + " does not lead to Merkle root " + merkleRoot.toHex() + " along the proof");
    }
    return Optional.empty();
  }
}
