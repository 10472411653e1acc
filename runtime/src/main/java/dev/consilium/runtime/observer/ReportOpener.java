package dev.consilium.runtime.observer;

/**
 * Opens the sealed report of an inquiry for the observer's {@code /reports}. The runtime cannot open one
 * itself: the report is sealed to the regulator's agreement key and its format belongs to the roles, which
 * depend on the runtime, not the other way round. So the regulator's role supplies an opener when it starts
 * the observer; without one, {@code /reports} lists the reports by hash only.
 */
@FunctionalInterface
public interface ReportOpener {
  /**
   * The total in {@code sealed}, the report filed under {@code inquiryId}, or why it does not open (sealed to
   * another key, changed, filed under another inquiry, unreadable). Never throws for a bad report: one report
   * that does not open must not hide the others.
   */
  ReportTotal open(String inquiryId, byte[] sealed);
}
