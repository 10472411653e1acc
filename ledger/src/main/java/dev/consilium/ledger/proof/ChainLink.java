package dev.consilium.ledger.proof;

import dev.consilium.mpc.hash.Sha256Hash;

/** What {@link HeaderChain} needs of a block header: where it sits, what it follows, what it hashes to. */
public interface ChainLink {
  /** Position in the chain; genesis is 0. */
  long height();

  /** The hash of the header at {@code height() - 1}, as this header claims it. */
  Sha256Hash previousHash();

  /**
   * This header's own hash, computed from its contents (SHA-256 of the canonical header). It must never be
   * a value the header merely carries, or a forged header could claim any hash and the chain proves nothing.
   */
  Sha256Hash hash();
}
