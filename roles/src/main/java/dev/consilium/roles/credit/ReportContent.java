package dev.consilium.roles.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Objects;

/**
 * What an asking bank reports to the regulator inside the sealed report: the inquiry and the decrypted
 * consortium-wide total. Only the regulator reads it; its text shows the inquiry only.
 */
public record ReportContent(String inquiryId, long totalCents) implements CanonicalEncodable {
  private static final int MAX_ID_CHARS = 64;

  public ReportContent {
    Objects.requireNonNull(inquiryId, "inquiryId");
    if (inquiryId.isEmpty() || inquiryId.length() > MAX_ID_CHARS || totalCents < 0) {
      throw new IllegalArgumentException("a report names an inquiry of 1 to " + MAX_ID_CHARS
          + " characters and a total that is not negative");
    }
  }

  public static ReportContent read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = reader.readString(MAX_ID_CHARS);
    long total = reader.readI64();
    if (inquiryId.isEmpty() || total < 0) {
      throw reader.malformed("a report names an inquiry and a total that is not negative");
    }
    return new ReportContent(inquiryId, total);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeI64(totalCents);
  }

  @Override
  public String toString() {
    return "ReportContent[" + inquiryId + "]";
  }
}
