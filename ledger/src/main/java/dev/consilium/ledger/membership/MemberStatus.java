package dev.consilium.ledger.membership;

/** Whether a member's entries and messages count. A revoked identity never returns: it needs a new key. */
public enum MemberStatus {
  ADMITTED,
  REVOKED
}
