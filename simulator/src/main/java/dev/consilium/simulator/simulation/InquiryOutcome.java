package dev.consilium.simulator.simulation;

import java.util.List;

/**
 * How one inquiry of the workload ended (with the DIDs of the banks its total counts), as the asking bank's process writes it to its results file, one JSON
 * object per line: DECIDED (with the total and the decision), INSUFFICIENT, FAILED (with the reason), or
 * ABANDONED (asked by a process that was killed before the answer; found on the ledger after its restart).
 */
public record InquiryOutcome(String inquiryId, String ending, long totalCents, boolean approved, String reasonCode,
    List<String> contributors, long latencyMs, long finishedAtMs, String failure) {
  public static final String DECIDED = "DECIDED";
  public static final String INSUFFICIENT = "INSUFFICIENT";
  public static final String FAILED = "FAILED";
  public static final String ABANDONED = "ABANDONED";
}
