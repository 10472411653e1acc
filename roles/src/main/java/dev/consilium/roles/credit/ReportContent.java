package dev.consilium.roles.credit;

import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.List;
import java.util.Objects;

/**
 * What an asking bank reports to the regulator inside the sealed report: the inquiry and each customer's
 * decrypted consortium-wide total, in the inquiry's order. Only the regulator reads it; its text shows the
 * inquiry only.
 */
public record ReportContent(String inquiryId, List<Long> totalsCents) implements CanonicalEncodable {
  private static final int MAX_ID_CHARS = 64;

  public ReportContent {
    Objects.requireNonNull(inquiryId, "inquiryId");
    totalsCents = List.copyOf(totalsCents);
    if (inquiryId.isEmpty() || inquiryId.length() > MAX_ID_CHARS || totalsCents.isEmpty()
        || totalsCents.size() > OpenInquiry.MAX_CUSTOMERS || totalsCents.stream().anyMatch(t -> t < 0)) {
      throw new IllegalArgumentException("a report names an inquiry of 1 to " + MAX_ID_CHARS + " characters and 1"
          + " to " + OpenInquiry.MAX_CUSTOMERS + " totals that are not negative");
    }
  }

  public static ReportContent read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = reader.readString(MAX_ID_CHARS);
    List<Long> totals = reader.readList(CanonicalReader::readI64, OpenInquiry.MAX_CUSTOMERS);
    if (inquiryId.isEmpty() || totals.isEmpty() || totals.stream().anyMatch(t -> t < 0)) {
      throw reader.malformed("a report names an inquiry and 1 or more totals that are not negative");
    }
    return new ReportContent(inquiryId, totals);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeList(totalsCents, CanonicalWriter::writeI64);
  }

  @Override
  public String toString() {
    return "ReportContent[" + inquiryId + "]";
  }
}
