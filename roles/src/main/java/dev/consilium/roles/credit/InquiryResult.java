package dev.consilium.roles.credit;

import java.util.OptionalLong;

/**
 * How an inquiry this institution asked ended: DECIDED with the consortium-wide total and the decision, or
 * INSUFFICIENT (too few banks contributed by the deadline, nothing decrypted). Stays inside the asking bank:
 * the total is the customer's debt, so it is never logged.
 */
public record InquiryResult(String inquiryId, Ending ending, OptionalLong totalCents, boolean approved,
    String reasonCode, int contributors, long latencyMs) {
  /** How the inquiry ended. */
  public enum Ending { DECIDED, INSUFFICIENT }

  @Override
  public String toString() {
    return "InquiryResult[" + inquiryId + ", " + ending + ", " + contributors + " contributors, " + latencyMs + " ms]";
  }
}
