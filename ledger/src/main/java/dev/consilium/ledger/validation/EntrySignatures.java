package dev.consilium.ledger.validation;

/** Whether applying a block verifies each entry's signature again (see {@link BlockRules#apply}). */
public enum EntrySignatures {
  VERIFY,
  TRUST_MERKLE_ROOT
}
