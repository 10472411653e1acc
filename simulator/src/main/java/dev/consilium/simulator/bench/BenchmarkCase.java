package dev.consilium.simulator.bench;

/**
 * One benchmark method with the name it has in the report. {@code unitsPerOp} converts the method's ops/s
 * into the unit the report shows (values per packed encryption; elements per split of a vector).
 */
record BenchmarkCase(String label, Class<?> benchmarkClass, String method, double unitsPerOp, String unit,
    int quickWarmupSeconds) {
  /** Enough for most cases; BigInteger's Montgomery path needs longer before C2 has compiled it. */
  static final int QUICK_WARMUP_SECONDS = 2;

  static BenchmarkCase perOp(String label, Class<?> benchmarkClass, String method) {
    return new BenchmarkCase(label, benchmarkClass, method, 1, "ops/s", QUICK_WARMUP_SECONDS);
  }

  static BenchmarkCase of(String label, Class<?> benchmarkClass, String method, double unitsPerOp, String unit) {
    return new BenchmarkCase(label, benchmarkClass, method, unitsPerOp, unit, QUICK_WARMUP_SECONDS);
  }

  BenchmarkCase withQuickWarmupSeconds(int seconds) {
    return new BenchmarkCase(label, benchmarkClass, method, unitsPerOp, unit, seconds);
  }

  String jmhRegex() {
    return "^" + benchmarkClass.getName().replace(".", "\\.") + "\\." + method + "$";
  }
}
