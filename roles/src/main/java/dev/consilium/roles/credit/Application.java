package dev.consilium.roles.credit;

import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.roles.customer.Consent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Loan applications at this institution that it investigates across the consortium as one inquiry: the
 * inquiry id it goes on the ledger under, and its applicants (one, or a batch of up to
 * {@link OpenInquiry#MAX_CUSTOMERS}, each a different customer). The customers' ids never leave this bank.
 */
public record Application(String inquiryId, List<Applicant> applicants) {
  public Application {
    Objects.requireNonNull(inquiryId, "inquiryId");
    applicants = List.copyOf(applicants);
    if (applicants.isEmpty() || applicants.size() > OpenInquiry.MAX_CUSTOMERS) {
      throw new IllegalArgumentException("application " + inquiryId + " has " + applicants.size()
          + " applicants; an inquiry covers 1 to " + OpenInquiry.MAX_CUSTOMERS);
    }
    Set<String> customers = new HashSet<>();
    for (int i = 0; i < applicants.size(); i++) {
      if (!customers.add(applicants.get(i).customerId())) {
        // By index: the customer id stays out of the message.
        throw new IllegalArgumentException("application " + inquiryId + ": applicant " + i
            + " is a customer already in the batch");
      }
    }
  }

  /** One customer's application. */
  public Application(String inquiryId, String customerId, Consent consent, long requestedCents,
      long annualIncomeCents) {
    this(inquiryId, List.of(new Applicant(customerId, consent, requestedCents, annualIncomeCents)));
  }

  /** The inquiry id and the batch size only: the customers and the amounts stay out of logs. */
  @Override
  public String toString() {
    return "Application[" + inquiryId + ", " + applicants.size() + " applicants]";
  }
}
