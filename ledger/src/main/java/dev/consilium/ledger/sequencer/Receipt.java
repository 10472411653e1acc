package dev.consilium.ledger.sequencer;

import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.mpc.hash.Sha256Hash;

/**
 * Proof for a submitter that its entry is on the ledger: the block's height and hash, the entry's index and
 * hash, and the inclusion proof that ties the entry to the block's Merkle root.
 */
public record Receipt(long height, int index, Sha256Hash entryHash, Sha256Hash blockHash, InclusionProof proof) {}
