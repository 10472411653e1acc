package dev.consilium.simulator.bench;

/**
 * A ratio {@code numerator / denominator} in each case's report unit. With a {@code minimum} above zero it
 * is a target the issues set; with zero it is reported for information only.
 */
record Target(String description, String numerator, String denominator, double minimum) {
  static Target info(String description, String numerator, String denominator) {
    return new Target(description, numerator, denominator, 0);
  }

  boolean isRequired() {
    return minimum > 0;
  }
}
