package dev.consilium.ledger.credit;

/**
 * How much the credit state may hold; every replica of one ledger must use the same. The state is encoded
 * whole for its hash and for snapshots, in one byte array, so the bounds keep the worst case under Java's 2 GB
 * array limit: 100,000 inquiries of about 14 KB without their batches (1.4 GB), plus 400,000 customers of
 * about 70 bytes each (pseudonym and decision, 28 MB), plus 400,000 total ciphertexts of at most 1 KiB each
 * (410 MB). Batches count against the customer and ciphertext bounds, not the inquiry bound.
 */
record CreditBounds(int maxInquiries, int maxHeldCustomers, int maxHeldCiphertexts) {
  static final CreditBounds STANDARD = new CreditBounds(CreditContract.MAX_INQUIRIES, 400_000, 400_000);

  CreditBounds {
    if (maxInquiries < 1 || maxHeldCustomers < 1 || maxHeldCiphertexts < 1) {
      throw new IllegalArgumentException("credit bounds must be positive: " + maxInquiries + " inquiries, "
          + maxHeldCustomers + " customers, " + maxHeldCiphertexts + " ciphertexts");
    }
  }
}
