package dev.consilium.ledger.replica;

import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.storage.CanonicalTypes;

/** The types the ledger persists, with their stable manifests, for the ActorSystem's setup. */
public final class LedgerTypes {
  private LedgerTypes() {}

  public static CanonicalTypes canonicalTypes(ContractRegistry registry) {
    return CanonicalTypes.builder()
        .register(BlockAppended.MANIFEST, BlockAppended.class, BlockAppended::read)
        .register(ReplicaState.MANIFEST, ReplicaState.class, reader -> ReplicaState.read(reader, registry))
        .build();
  }
}
