package dev.consilium.runtime.observer;

import java.util.Objects;

/**
 * What a {@link ReportOpener} made of one report: its total in cents, or the reason it would not open. The
 * total is the customer's consortium-wide debt, so {@code toString} says only whether the report opened; the
 * total leaves through {@link #totalCents()}, into the regulator's own API response, and never into a log.
 */
public record ReportTotal(boolean opened, long totalCents, String problem) {
  public ReportTotal {
    Objects.requireNonNull(problem, "problem");
    if (opened != problem.isEmpty()) {
      throw new IllegalArgumentException("a report either opens, with no problem, or names why it does not");
    }
    if (!opened && totalCents != 0) {
      throw new IllegalArgumentException("a report that did not open has no total");
    }
  }

  public static ReportTotal opened(long totalCents) {
    return new ReportTotal(true, totalCents, "");
  }

  public static ReportTotal notOpened(String problem) {
    return new ReportTotal(false, 0, problem.isEmpty() ? "the report does not open" : problem);
  }

  @Override
  public String toString() {
    return opened ? "ReportTotal[opened]" : "ReportTotal[not opened: " + problem + "]";
  }
}
