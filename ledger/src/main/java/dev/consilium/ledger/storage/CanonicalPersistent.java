package dev.consilium.ledger.storage;

import dev.consilium.mpc.canonical.CanonicalEncodable;

/**
 * Marks what the ledger persists (events such as {@code BlockAppended}, contract-state snapshots). Akka
 * serializes it with {@link CanonicalSerializer}, which stores {@link #toCanonicalBytes()} unchanged, so a
 * journal row's payload is exactly the canonical encoding that the offline verifier decodes. Each
 * implementing class needs an entry in {@link CanonicalTypes}.
 */
public interface CanonicalPersistent extends CanonicalEncodable {}
