package dev.consilium.roles.credit;

import dev.consilium.ledger.credit.CustomerDecision;
import dev.consilium.ledger.identity.Did;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How an inquiry this institution asked ended: DECIDED with each customer's consortium-wide total and
 * decision (in the application's order), or INSUFFICIENT (too few banks contributed by the deadline,
 * nothing decrypted, both lists empty); and which banks the totals count (all participants, or those that
 * contributed by the deadline). Stays inside the asking bank: the totals are the customers' debts, so they
 * are never logged.
 */
public record InquiryResult(String inquiryId, Ending ending, List<Long> totalsCents,
    List<CustomerDecision> decisions, SortedSet<Did> contributors, long latencyMs) {
  public InquiryResult {
    totalsCents = List.copyOf(totalsCents);
    decisions = List.copyOf(decisions);
    contributors = Collections.unmodifiableSortedSet(new TreeSet<>(contributors));
    if (totalsCents.size() != decisions.size() || (ending == Ending.INSUFFICIENT) != totalsCents.isEmpty()) {
      throw new IllegalArgumentException("inquiry " + inquiryId + ": a decided inquiry has a total and a decision"
          + " per customer, an insufficient one neither; got " + totalsCents.size() + " totals and "
          + decisions.size() + " decisions, " + ending);
    }
  }

  /** How the inquiry ended. */
  public enum Ending { DECIDED, INSUFFICIENT }

  @Override
  public String toString() {
    return "InquiryResult[" + inquiryId + ", " + ending + ", " + totalsCents.size() + " customers, "
        + contributors.size() + " contributors, " + latencyMs + " ms]";
  }
}
