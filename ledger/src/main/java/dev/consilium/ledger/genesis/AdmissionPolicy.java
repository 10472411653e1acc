package dev.consilium.ledger.genesis;

/**
 * Who may admit and revoke members. Only the regulator policy exists so far; a validator-quorum policy
 * (DESIGN §3) will join it when the replicated ledger can collect the votes.
 */
public enum AdmissionPolicy {
  REGULATOR
}
