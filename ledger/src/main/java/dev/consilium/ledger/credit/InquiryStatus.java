package dev.consilium.ledger.credit;

/** Where an inquiry stands. The order is the only order an inquiry moves in; ordinals are canonical. */
public enum InquiryStatus {
  /** Accepting contributions, or corrections once the deadline has passed. */
  OPEN,
  /** Every participant contributed, or every contributor corrected: the total is final. */
  CLOSED,
  /** The deadline passed with fewer than the minimum contributors; nothing is decrypted. */
  INSUFFICIENT,
  /** The asker filed the total re-encrypted to the regulator. */
  REPORTED,
  /** The asker recorded its decision; nothing more happens. */
  DECIDED
}
