package dev.consilium.ledger.features;

/**
 * How much the features state may hold; every replica of one ledger must use the same. A snapshot carries each
 * contract's state as one byte string of at most 256 MiB ({@code LedgerState}), so the bounds keep the worst case
 * under that: 10,000 tasks of at most 2.2 KB without their rounds (22 MB), plus 80,000 rounds of at most 2.6 KB
 * each (17 parties' digests and 8 active compute nodes, 204 MB), 226 MB in all ({@code FeaturesStateTest} checks
 * the sum). A running task holds room for every epoch it may train, reserved at registration; an ended one holds
 * the rounds it committed.
 */
record FeaturesBounds(int maxTasks, int maxHeldRounds) {
  static final FeaturesBounds STANDARD = new FeaturesBounds(FeaturesContract.MAX_TASKS, 80_000);

  FeaturesBounds {
    if (maxTasks < 1 || maxHeldRounds < 1) {
      throw new IllegalArgumentException("features bounds must be positive: " + maxTasks + " tasks, "
          + maxHeldRounds + " rounds");
    }
  }
}
