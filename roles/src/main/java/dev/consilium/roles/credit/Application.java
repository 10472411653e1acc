package dev.consilium.roles.credit;

import dev.consilium.roles.customer.Consent;
import java.util.Objects;

/**
 * A loan application at this institution, which it investigates across the consortium: the inquiry id it
 * will go on the ledger under, the customer (known here by id, everywhere else by pseudonym), their signed
 * consent, the amount asked for and the declared annual income. The customer id never leaves this bank.
 */
public record Application(String inquiryId, String customerId, Consent consent, long requestedCents,
    long annualIncomeCents) {
  public Application {
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(consent, "consent");
    if (requestedCents <= 0 || annualIncomeCents < 0) {
      throw new IllegalArgumentException("application " + inquiryId + ": the amount asked for must be positive and"
          + " the income not negative");
    }
  }

  /** The inquiry id only: the customer and the amounts stay out of logs. */
  @Override
  public String toString() {
    return "Application[" + inquiryId + "]";
  }
}
