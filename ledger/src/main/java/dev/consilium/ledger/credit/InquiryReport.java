package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * The payload of {@code report}: the total re-encrypted to the regulator's key. Opaque to the contract, which
 * has no regulator key to check it against; the regulator checks it when it decrypts.
 */
public final class InquiryReport extends InquiryCiphertext {
  public static final int MAX_REPORT_BYTES = 2_048;
  private static final String WHAT = "a report";

  public InquiryReport(String inquiryId, byte[] ciphertext) {
    super(inquiryId, ciphertext, MAX_REPORT_BYTES, WHAT);
  }

  public static InquiryReport read(CanonicalReader reader) throws CanonicalFormatException {
    return read(reader, MAX_REPORT_BYTES, WHAT, InquiryReport::new);
  }
}
