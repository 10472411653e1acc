package dev.consilium.ledger.contract;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;

/** An immutable contract state with a canonical encoding; its hash feeds the block's state root. */
public interface ContractState extends CanonicalEncodable {
  default Sha256Hash stateHash() {
    return Sha256.digest(toCanonicalBytes());
  }
}
