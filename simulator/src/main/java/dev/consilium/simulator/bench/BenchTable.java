package dev.consilium.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** How the ledger benchmarks print: a table of figures, then the target's verdict and any failures. */
final class BenchTable {
  private final PrintStream out;
  private final int labelWidth;

  BenchTable(PrintStream out, int labelWidth) {
    this.out = out;
    this.labelWidth = labelWidth;
  }

  void header() {
    out.println();
    out.printf("%-" + labelWidth + "s %12s  %s%n", "benchmark", "value", "unit");
  }

  void row(String label, double value, String unit) {
    out.printf("%-" + labelWidth + "s %12.1f  %s%n", label, value, unit);
  }

  /**
   * Prints the target's line and the failures; returns the exit status: 0 when the target is met and no
   * entry failed (failures make the figures invalid), 1 otherwise.
   */
  int verdict(String target, double ratio, double needed, List<String> failures) {
    boolean met = ratio >= needed;
    out.println();
    out.printf("%-" + labelWidth + "s %9s %9s  %s%n", "target", "ratio", "needed", "verdict");
    out.printf("%-" + labelWidth + "s %8.2fx %8.2fx  %s%n", target, ratio, needed, met ? "met" : "MISSED");
    if (!failures.isEmpty()) {
      out.println();
      out.println("Entries that failed (the figures above are not valid):");
      failures.forEach(f -> out.println("  " + f));
    }
    out.println();
    return met && failures.isEmpty() ? 0 : 1;
  }

  /** Entries per bank so that {@code banks} banks together offer {@code ratePerSecond} for {@code duration}. */
  static int perBank(double ratePerSecond, Duration duration, int banks) {
    return (int) Math.ceil(ratePerSecond * duration.toMillis() / 1000.0 / banks);
  }
}
