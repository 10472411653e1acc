package dev.consilium.roles.credit;

import dev.consilium.roles.customer.Consent;
import java.util.Objects;

/**
 * One customer of an {@link Application}: known here by id (everywhere else by pseudonym), their signed
 * consent, the amount they ask for and their declared annual income. None of it leaves this bank.
 */
public record Applicant(String customerId, Consent consent, long requestedCents, long annualIncomeCents) {
  public Applicant {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(consent, "consent");
    if (requestedCents <= 0 || annualIncomeCents < 0) {
      throw new IllegalArgumentException("an applicant's amount asked for must be positive and the income not"
          + " negative");
    }
  }

  /** Nothing of the customer: ids and amounts stay out of logs. */
  @Override
  public String toString() {
    return "Applicant[]";
  }
}
