package dev.consilium.runtime.replication;

import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.replica.LedgerTypes;
import dev.consilium.ledger.storage.CanonicalTypes;

/** Everything a member persists: the ledger's types and the replication's epoch promises. */
public final class ReplicationTypes {
  private ReplicationTypes() {}

  public static CanonicalTypes canonicalTypes(ContractRegistry registry) {
    return LedgerTypes.register(CanonicalTypes.builder(), registry)
        .register(EpochPromised.MANIFEST, EpochPromised.class, EpochPromised::read)
        .build();
  }
}
