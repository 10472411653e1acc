package dev.consilium.roles.credit;

import dev.consilium.ledger.identity.Did;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How an inquiry this institution asked ended: DECIDED with the consortium-wide total and the decision, or
 * INSUFFICIENT (too few banks contributed by the deadline, nothing decrypted); and which banks the total
 * counts (all participants, or those that contributed by the deadline). Stays inside the asking bank:
 * the total is the customer's debt, so it is never logged.
 */
public record InquiryResult(String inquiryId, Ending ending, OptionalLong totalCents, boolean approved,
    String reasonCode, SortedSet<Did> contributors, long latencyMs) {
  public InquiryResult {
    contributors = Collections.unmodifiableSortedSet(new TreeSet<>(contributors));
  }

  /** How the inquiry ended. */
  public enum Ending { DECIDED, INSUFFICIENT }

  @Override
  public String toString() {
    return "InquiryResult[" + inquiryId + ", " + ending + ", " + contributors.size() + " contributors, " + latencyMs + " ms]";
  }
}
