package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.List;

/**
 * The payload of {@code decision}: one {@link CustomerDecision} per customer of the inquiry, at the customer's
 * index in {@link OpenInquiry#pseudonyms()}. This class bounds the list (1 to {@link OpenInquiry#MAX_CUSTOMERS});
 * the contract checks that it has exactly as many as the inquiry has customers.
 */
public record CreditDecision(String inquiryId, List<CustomerDecision> decisions) implements CanonicalEncodable {
  public CreditDecision {
    InquiryIds.require(inquiryId);
    decisions = List.copyOf(decisions);
    String problem = countProblem(decisions.size());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static CreditDecision read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    List<CustomerDecision> decisions = reader.readList(CustomerDecision::read, OpenInquiry.MAX_CUSTOMERS);
    String problem = countProblem(decisions.size());
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new CreditDecision(inquiryId, decisions);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeList(decisions, (w, d) -> d.writeTo(w));
  }

  private static String countProblem(int count) {
    if (count < 1 || count > OpenInquiry.MAX_CUSTOMERS) {
      return "a decision covers 1 to " + OpenInquiry.MAX_CUSTOMERS + " customers, not " + count;
    }
    return null;
  }
}
