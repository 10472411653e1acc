package dev.consilium.ledger.replica;

import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.storage.CanonicalTypes;

/** The types the ledger persists, with their stable manifests, for the ActorSystem's setup. */
public final class LedgerTypes {
  private LedgerTypes() {}

  public static CanonicalTypes canonicalTypes(ContractRegistry registry) {
    return register(CanonicalTypes.builder(), registry).build();
  }

  /** Adds the ledger's types to {@code builder}, for a member that persists types of its own as well. */
  public static CanonicalTypes.Builder register(CanonicalTypes.Builder builder, ContractRegistry registry) {
    return builder
        .register(BlockAppended.MANIFEST, BlockAppended.class, BlockAppended::read)
        .register(ReplicaState.MANIFEST, ReplicaState.class, reader -> ReplicaState.read(reader, registry));
  }
}
