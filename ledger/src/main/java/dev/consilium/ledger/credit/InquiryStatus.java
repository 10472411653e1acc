package dev.consilium.ledger.credit;

/**
 * Where an inquiry stands. Ordinals are canonical (they are the status byte of an encoded inquiry). An inquiry
 * only ever moves to a later status: OPEN, then CORRECTING or straight to CLOSED or INSUFFICIENT; CORRECTING
 * to CLOSED; CLOSED to REPORTED to DECIDED.
 */
public enum InquiryStatus {
  /** Accepting contributions until the deadline; after it, waiting for {@code expire} to end the phase. */
  OPEN,
  /**
   * Expired at the deadline with at least the minimum contributors, but not every participant: the set of
   * contributors is frozen, and each contributor removes its masks with the banks that did not contribute.
   */
  CORRECTING,
  /** Every participant contributed, or every contributor corrected: the total is final. */
  CLOSED,
  /** Expired at the deadline with fewer than the minimum contributors; nothing is decrypted. */
  INSUFFICIENT,
  /** The asker filed the total re-encrypted to the regulator. */
  REPORTED,
  /** The asker recorded its decision; nothing more happens. */
  DECIDED
}
