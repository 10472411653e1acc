package dev.consilium.simulator.bench;

/**
 * One benchmark method with the name it has in the report. {@code unitsPerOp} converts the method's ops/s
 * into the unit the report shows (values per packed encryption, elements per split of a vector).
 * {@code quickWarmupSeconds} is the warm-up of a quick run; {@code inQuickRun} is false for comparisons
 * that no target needs, which only a full run measures.
 */
record BenchmarkCase(String label, Class<?> benchmarkClass, String method, double unitsPerOp, String unit,
    int quickWarmupSeconds, boolean inQuickRun) {
  /** Enough for most cases; BigInteger's Montgomery path needs longer before C2 has compiled it. */
  static final int QUICK_WARMUP_SECONDS = 2;

  static BenchmarkCase perOp(String label, Class<?> benchmarkClass, String method) {
    return of(label, benchmarkClass, method, 1, "ops/s");
  }

  static BenchmarkCase of(String label, Class<?> benchmarkClass, String method, double unitsPerOp, String unit) {
    return new BenchmarkCase(label, benchmarkClass, method, unitsPerOp, unit, QUICK_WARMUP_SECONDS, true);
  }

  BenchmarkCase withQuickWarmupSeconds(int seconds) {
    return new BenchmarkCase(label, benchmarkClass, method, unitsPerOp, unit, seconds, inQuickRun);
  }

  BenchmarkCase fullRunOnly() {
    return new BenchmarkCase(label, benchmarkClass, method, unitsPerOp, unit, quickWarmupSeconds, false);
  }

  String jmhRegex() {
    return "^" + benchmarkClass.getName().replace(".", "\\.") + "\\." + method + "$";
  }
}
