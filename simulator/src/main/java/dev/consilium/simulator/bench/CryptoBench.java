package dev.consilium.simulator.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code consilium bench crypto}: runs the mpc benchmarks one by one in forked JVMs, then prints every
 * figure and the ratios the foundation issue sets, all from this one run.
 */
public final class CryptoBench {
  private static final List<BenchmarkCase> CASES = List.of(
      BenchmarkCase.perOp("paillier.encrypt.djn", PaillierBenchmark.class, "encryptDjn"),
      BenchmarkCase.perOp("paillier.encrypt.textbook", PaillierBenchmark.class, "encryptTextbook"),
      BenchmarkCase.perOp("paillier.encrypt.javallier", PaillierBenchmark.class, "encryptJavallier"),
      BenchmarkCase.of("paillier.encrypt.packed", PaillierBenchmark.class, "encryptPacked",
          PaillierBenchmark.packedSlots(), "values/s"),
      BenchmarkCase.perOp("paillier.decrypt.crt", PaillierBenchmark.class, "decryptCrt")
          .withQuickWarmupSeconds(6),
      BenchmarkCase.perOp("paillier.decrypt.javallier", PaillierBenchmark.class, "decryptJavallier")
          .withQuickWarmupSeconds(6),
      BenchmarkCase.perOp("paillier.add", PaillierBenchmark.class, "add"),
      BenchmarkCase.perOp("paillier.add.javallier", PaillierBenchmark.class, "addJavallier").fullRunOnly(),
      BenchmarkCase.of("sharing.keystream.aes-ctr.raw", SharingBenchmark.class, "rawAesCtrKeystream",
          SharingBenchmark.ELEMENTS, "longs/s"),
      BenchmarkCase.of("sharing.split3.seeded.aes-ctr", SharingBenchmark.class, "splitSeededAesCtr",
          SharingBenchmark.ELEMENTS, "elements/s"),
      BenchmarkCase.of("sharing.split3.seeded.aes-ctr.2cores", SharingBenchmark.class,
          "splitSeededAesCtrParallel", SharingBenchmark.ELEMENTS, "elements/s"),
      BenchmarkCase.of("sharing.split3.seeded.chacha20", SharingBenchmark.class, "splitSeededChaCha20",
          SharingBenchmark.ELEMENTS, "elements/s").fullRunOnly(),
      BenchmarkCase.of("sharing.split3.securerandom", SharingBenchmark.class, "splitSecureRandomMasks",
          SharingBenchmark.ELEMENTS, "elements/s"),
      BenchmarkCase.perOp("ed25519.sign.bouncycastle", SignatureBenchmark.class, "signBouncyCastle"),
      BenchmarkCase.perOp("ed25519.verify.bouncycastle", SignatureBenchmark.class, "verifyBouncyCastle"),
      BenchmarkCase.perOp("ed25519.sign.jdk", SignatureBenchmark.class, "signJdk"),
      BenchmarkCase.perOp("ed25519.verify.jdk", SignatureBenchmark.class, "verifyJdk"),
      BenchmarkCase.perOp("psi.hash-to-curve", PsiBenchmark.class, "hashToCurve"),
      BenchmarkCase.perOp("psi.blind.x25519", PsiBenchmark.class, "blindX25519"));

  private static final List<Target> TARGETS = List.of(
      new Target("DJN encryption vs textbook", "paillier.encrypt.djn", "paillier.encrypt.textbook", 2),
      new Target("DJN encryption vs javallier", "paillier.encrypt.djn", "paillier.encrypt.javallier", 2),
      new Target("packed encryption per value vs javallier", "paillier.encrypt.packed",
          "paillier.encrypt.javallier", 20),
      new Target("CRT decryption vs javallier", "paillier.decrypt.crt", "paillier.decrypt.javallier", 1),
      // Splitting into 3 shares expands two seeds per element, so one thread is bounded by 0.5 of the raw
      // keystream rate by construction; the 2-core split is the one that can clear the target.
      new Target("seeded split (2 cores) vs raw AES-CTR keystream", "sharing.split3.seeded.aes-ctr.2cores",
          "sharing.keystream.aes-ctr.raw", 0.5),
      Target.info("seeded split (1 thread, ceiling 0.5) vs raw keystream", "sharing.split3.seeded.aes-ctr",
          "sharing.keystream.aes-ctr.raw"),
      new Target("seeded split vs SecureRandom masks (1 thread)", "sharing.split3.seeded.aes-ctr",
          "sharing.split3.securerandom", 5),
      Target.info("Ed25519 sign: BouncyCastle vs JDK", "ed25519.sign.bouncycastle", "ed25519.sign.jdk"),
      Target.info("Ed25519 verify: BouncyCastle vs JDK", "ed25519.verify.bouncycastle", "ed25519.verify.jdk"));

  private CryptoBench() {}

  /** Runs the suite and returns the exit status: 0 when every target whose inputs ran is met, 1 otherwise. */
  public static int run(boolean quick, String include, PrintStream out) throws RunnerException {
    Pattern filter = include == null ? null : Pattern.compile(include);
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    List<BenchmarkCase> selected = new ArrayList<>();
    for (BenchmarkCase c : CASES) {
      if ((filter == null || filter.matcher(c.label()).find()) && (c.inQuickRun() || !quick)) {
        selected.add(c);
      }
    }
    out.printf("Running %d benchmarks (%s); each runs in its own JVM.%n", selected.size(),
        quick ? "quick" : "full");
    boolean paillier = selected.stream().anyMatch(c -> c.benchmarkClass() == PaillierBenchmark.class);
    Path paillierKey = paillier ? BenchKeys.writePaillierKey() : null;
    try {
      for (int i = 0; i < selected.size(); i++) {
        BenchmarkCase c = selected.get(i);
        out.printf("[%d/%d] %s ...%n", i + 1, selected.size(), c.label());
        RunResult result = single(runOne(c, quick, paillierKey));
        rates.put(c.label(), result.getPrimaryResult().getScore() * c.unitsPerOp());
        errors.put(c.label(), result.getPrimaryResult().getScoreError() * c.unitsPerOp());
      }
    } finally {
      if (paillierKey != null) {
        deleteQuietly(paillierKey, out);
      }
    }
    int status = report(selected, rates, errors, out);
    if (paillier) {
      out.println("javallier's modPow runs on GMP (jnagmp): " + com.n1analytics.paillier.util.BigIntegerUtil.USE_GMP);
    }
    return status;
  }

  private static Collection<RunResult> runOne(BenchmarkCase c, boolean quick, Path paillierKey)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(c.jmhRegex())
        .forks(1)
        .threads(1)
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true)
        .jvmArgsAppend(forkJvmArgs(paillierKey));
    if (quick) {
      options.warmupIterations(1).warmupTime(TimeValue.seconds(c.quickWarmupSeconds()))
          .measurementIterations(2).measurementTime(TimeValue.seconds(1));
    } else {
      // Three 2 s warm-ups leave 6 s, what BigInteger's Montgomery path needs to reach C2.
      options.warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }
    return new Runner(options.build()).run();
  }

  // One call: JMH's jvmArgsAppend replaces what an earlier call set.
  private static String[] forkJvmArgs(Path paillierKey) {
    List<String> args = new ArrayList<>(List.of("-Xmx2g"));
    if (paillierKey != null) {
      args.add("-D" + BenchKeys.PAILLIER_KEY_PROPERTY + "=" + paillierKey);
    }
    return args.toArray(new String[0]);
  }

  private static void deleteQuietly(Path file, PrintStream out) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      out.println("warning: could not delete the benchmark key file " + file + ": " + e.getMessage());
    }
  }

  private static RunResult single(Collection<RunResult> results) {
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result, got " + results.size());
    }
    return results.iterator().next();
  }

  private static int report(List<BenchmarkCase> cases, Map<String, Double> rates, Map<String, Double> errors,
      PrintStream out) {
    out.println();
    out.printf("%-34s %16s %12s  %s%n", "benchmark", "rate", "± error", "unit");
    for (BenchmarkCase c : cases) {
      double error = errors.get(c.label());
      out.printf("%-34s %16.1f %12s  %s%n", c.label(), rates.get(c.label()),
          Double.isNaN(error) ? "-" : String.format("%.1f", error), c.unit());
    }
    out.println();
    out.printf("%-52s %10s %10s  %s%n", "target", "ratio", "needed", "verdict");
    boolean allMet = true;
    for (Target t : TARGETS) {
      Double numerator = rates.get(t.numerator());
      Double denominator = rates.get(t.denominator());
      if (numerator == null || denominator == null) {
        out.printf("%-52s %10s %10s  %s%n", t.description(), "-", "-", "not run");
        continue;
      }
      double ratio = numerator / denominator;
      if (!t.isRequired()) {
        out.printf("%-52s %9.2fx %10s  %s%n", t.description(), ratio, "-", "info");
        continue;
      }
      boolean met = ratio >= t.minimum();
      allMet &= met;
      out.printf("%-52s %9.2fx %9.1fx  %s%n", t.description(), ratio, t.minimum(), met ? "met" : "MISSED");
    }
    out.println();
    return allMet ? 0 : 1;
  }
}
