package dev.consilium.ledger.contract;

import dev.consilium.ledger.membership.MembershipState;

/**
 * What a contract may know besides its own state: the block being applied (height and timestamp, the only
 * clock) and the membership as it stood before the entry, for role checks.
 */
public record ExecutionContext(long height, long timestampMs, MembershipState membership) {}
