package dev.consilium.simulator.simulation;

import java.util.List;

/**
 * How one inquiry of the workload ended (with the DIDs of the banks its totals count), as the asking bank's
 * process writes it to its results file, one JSON object per line: DECIDED (with each customer's total and
 * decision, in the inquiry's order), INSUFFICIENT, FAILED (with the reason), or ABANDONED (asked by a process
 * that was killed before the answer; found on the ledger after its restart).
 */
public record InquiryOutcome(String inquiryId, String ending, List<Long> totalsCents, List<Boolean> approvals,
    List<String> reasonCodes, List<String> contributors, long latencyMs, long finishedAtMs, String failure) {
  public static final String DECIDED = "DECIDED";
  public static final String INSUFFICIENT = "INSUFFICIENT";
  public static final String FAILED = "FAILED";
  public static final String ABANDONED = "ABANDONED";

  /** An inquiry that ended without totals. */
  static InquiryOutcome without(String inquiryId, String ending, List<String> contributors, long latencyMs,
      long finishedAtMs, String failure) {
    return new InquiryOutcome(inquiryId, ending, List.of(), List.of(), List.of(), contributors, latencyMs,
        finishedAtMs, failure);
  }
}
