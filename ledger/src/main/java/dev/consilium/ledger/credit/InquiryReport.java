package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Arrays;

/**
 * The payload of {@code report}: the inquiry's totals sealed to the regulator's key. Opaque to the contract,
 * which has no regulator key to check it against; the regulator checks it when it decrypts. Immutable.
 */
public final class InquiryReport implements CanonicalEncodable {
  /** 64 KiB: a sealed report of 1,000 customers' totals, with room to spare. */
  public static final int MAX_REPORT_BYTES = 64 << 10;

  private final String inquiryId;
  private final byte[] ciphertext;

  public InquiryReport(String inquiryId, byte[] ciphertext) {
    this.inquiryId = InquiryIds.require(inquiryId);
    if (ciphertext.length == 0 || ciphertext.length > MAX_REPORT_BYTES) {
      throw new IllegalArgumentException(sizeProblem(ciphertext.length));
    }
    this.ciphertext = ciphertext.clone();
  }

  public static InquiryReport read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    byte[] ciphertext = reader.readBytes(MAX_REPORT_BYTES);
    if (ciphertext.length == 0) {
      throw reader.malformed(sizeProblem(0));
    }
    return new InquiryReport(inquiryId, ciphertext);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeBytes(ciphertext);
  }

  public String inquiryId() {
    return inquiryId;
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InquiryReport other && inquiryId.equals(other.inquiryId)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return inquiryId.hashCode() * 31 + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "InquiryReport[" + inquiryId + ", " + ciphertext.length + " bytes]";
  }

  private static String sizeProblem(int length) {
    return "a report has 1 to " + MAX_REPORT_BYTES + " bytes, not " + length;
  }
}
