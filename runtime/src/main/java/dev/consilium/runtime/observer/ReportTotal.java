package dev.consilium.runtime.observer;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReportOpener} made of one report: each customer's total in cents (in the inquiry's order), or
 * the reason it would not open. The totals are the customers' consortium-wide debts, so {@code toString} says
 * only whether the report opened; they leave through {@link #totalsCents()}, into the regulator's own API
 * response, and never into a log.
 */
public record ReportTotal(boolean opened, List<Long> totalsCents, String problem) {
  public ReportTotal {
    Objects.requireNonNull(problem, "problem");
    totalsCents = List.copyOf(totalsCents);
    if (opened != problem.isEmpty()) {
      throw new IllegalArgumentException("a report either opens, with no problem, or names why it does not");
    }
    if (opened == totalsCents.isEmpty()) {
      throw new IllegalArgumentException("a report that opened has a total per customer; one that did not, none");
    }
  }

  public static ReportTotal opened(List<Long> totalsCents) {
    return new ReportTotal(true, totalsCents, "");
  }

  public static ReportTotal notOpened(String problem) {
    return new ReportTotal(false, List.of(), problem.isEmpty() ? "the report does not open" : problem);
  }

  @Override
  public String toString() {
    return opened ? "ReportTotal[opened]" : "ReportTotal[not opened: " + problem + "]";
  }
}
