package dev.consilium.ledger.contract;

import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * A pure, deterministic state machine run by every replica (DESIGN §4). It may read only its state, the
 * entry and the {@link ExecutionContext}: no clock but the block timestamp, no randomness, no I/O, so every
 * replica reaches the same state and state hash.
 */
public interface Contract<S extends ContractState> {
  /** The name entries use in their {@code contract} field. */
  String name();

  /** The state at genesis. */
  S initialState(GenesisConfig genesis);

  /** Refuses an entry whose precondition fails, naming why; must not change anything. */
  void validate(S state, Entry entry, ExecutionContext context) throws PreconditionFailedException;

  /** The state after {@code entry}; called only after {@link #validate} accepted it. */
  S apply(S state, Entry entry, ExecutionContext context);

  /** Reads a state written by {@link ContractState#writeTo}, for snapshots. */
  S readState(CanonicalReader reader) throws CanonicalFormatException;
}
