package dev.consilium.ledger.replica;

import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.storage.CanonicalPersistent;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * The replica's state: the head header and the ledger state after it; both null before genesis. Immutable,
 * and its canonical form is the snapshot.
 */
public record ReplicaState(BlockHeader head, LedgerState ledger) implements CanonicalPersistent {
  public static final String MANIFEST = "replica-state";
  public static final ReplicaState EMPTY = new ReplicaState(null, null);

  public boolean isEmpty() {
    return head == null;
  }

  /** The height the next block must have. */
  public long nextHeight() {
    return head == null ? 0 : head.height() + 1;
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    if (head == null) {
      throw new IllegalStateException("an empty replica has no snapshot");
    }
    head.writeTo(writer);
    ledger.writeTo(writer);
  }

  /** Reads a snapshot; each contract's state is read by that contract from {@code registry}. */
  public static ReplicaState read(CanonicalReader reader, ContractRegistry registry)
      throws CanonicalFormatException {
    BlockHeader head = BlockHeader.read(reader);
    LedgerState ledger = LedgerState.read(reader, registry);
    // Asserted where it is read as where it was written: a snapshot's state must be the head's.
    if (!ledger.stateRoot().equals(head.stateRoot())) {
      throw reader.malformed("snapshot state root " + ledger.stateRoot().toHex() + " differs from its head's "
          + head.stateRoot().toHex() + " at height " + head.height());
    }
    return new ReplicaState(head, ledger);
  }

  @Override
  public String toString() {
    return head == null ? "ReplicaState[empty]" : "ReplicaState[" + head + "]";
  }
}
