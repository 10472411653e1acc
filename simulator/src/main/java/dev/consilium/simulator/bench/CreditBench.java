package dev.consilium.simulator.bench;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.mask.ZeroSumMask;
import dev.consilium.mpc.paillier.DjnObfuscators;
import dev.consilium.mpc.paillier.MaskedPlaintext;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.roles.credit.InquiryPacking;
import dev.consilium.simulator.simulation.Simulation;
import dev.consilium.simulator.simulation.SimulationPlan;
import dev.consilium.simulator.simulation.SimulationReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code consilium bench credit}: joint credit inquiries through the whole system (4 banks and a regulator,
 * one JVM each, on this machine), offered faster than they can be answered, so the completion rate is the
 * system's capacity. Two ratios from the same run: against the cryptographic bound (the cores' worth of the
 * CPU time one inquiry's encryptions, masks, homomorphic additions and decryption take, measured here) and
 * against the seed article's naive design run the same way (textbook Paillier, no masks, one entry per block).
 */
public final class CreditBench {
  static final int BANKS = 4;
  private static final double BOUND_TARGET = 0.50;
  private static final double NAIVE_TARGET = 3.0;
  private static final double BATCH_TARGET = 20.0;
  /** Batch inquiries offered per second: more than 4 banks answer when each covers hundreds of customers. */
  private static final double BATCH_RATE = 2.0;
  /** The population the runs draw from: enough different customers for the largest batch. */
  private static final int CUSTOMERS = 2000;
  private static final int CRYPTO_WARMUP = 30;
  private static final int CRYPTO_ROUNDS = 60;

  private CreditBench() {}

  /**
   * Runs the benchmark and prints its table; the exit status says whether every target was met. With
   * {@code batch} above 1, a third run offers {@code batchInquiries} inquiries of {@code batch} customers
   * each, and its cost per customer is compared with the single inquiries'.
   */
  public static int run(int inquiries, double rate, long deadlineMs, int batch, int batchInquiries,
      PrintStream out) throws Exception {
    out.printf("bench credit: %d inquiries offered at %.0f/s to %d banks and a regulator, one JVM each, on %d cores%n",
        inquiries, rate, BANKS, Runtime.getRuntime().availableProcessors());
    double cryptoMs = cryptoMillisPerInquiry(BANKS);
    double boundPerSecond = Runtime.getRuntime().availableProcessors() * 1000.0 / cryptoMs;

    SimulationPlan plan = new SimulationPlan(BANKS, inquiries, 1, rate, 20261206L, CUSTOMERS, deadlineMs, false, false,
        Optional.empty(), Optional.empty());
    out.println("running Consilium (DJN Paillier, zero-sum masks, blocks of up to 500 entries) ...");
    SimulationReport ours = new Simulation(plan, System.err).run();
    out.println("running the naive baseline (textbook Paillier, no masks, one entry per block) ...");
    // A fifth of the inquiries: the naive design answers some twenty times slower, and its completion rate
    // under the same overload is what is compared.
    SimulationReport naive = new Simulation(plan.asNaiveBaseline(Math.max(10, inquiries / 5)), System.err).run();

    BenchTable table = new BenchTable(out, 44);
    table.header();
    table.row("Consilium inquiries/s", ours.inquiriesPerSecond(), "inquiries/s");
    table.row("Consilium p99 latency", ours.latencyPercentilesMs()[2], "ms");
    table.row("naive baseline inquiries/s", naive.inquiriesPerSecond(), "inquiries/s");
    table.row("naive baseline p99 latency", naive.latencyPercentilesMs()[2], "ms");
    table.row("crypto CPU per inquiry (" + BANKS + " banks)", cryptoMs, "ms");
    table.row("cryptographic bound", boundPerSecond, "inquiries/s");
    List<String> failures = new ArrayList<>();
    problems("Consilium", ours, failures);
    problems("naive baseline", naive, failures);
    double boundRatio = ours.inquiriesPerSecond() / boundPerSecond;
    double naiveRatio = ours.inquiriesPerSecond() / Math.max(1e-9, naive.inquiriesPerSecond());
    int first = table.verdict("inquiries/s against the cryptographic bound", boundRatio, BOUND_TARGET, failures);
    int second = table.verdict("inquiries/s against the naive baseline", naiveRatio, NAIVE_TARGET, List.of());
    if (batch <= 1) {
      out.println("--batch B adds a run of inquiries of B customers each (Paillier packing), against these.");
      return first == 0 && second == 0 ? 0 : 1;
    }
    out.printf("running Consilium with --batch %d (%d inquiries offered at %.0f/s) ...%n", batch, batchInquiries,
        BATCH_RATE);
    SimulationPlan batchPlan = new SimulationPlan(BANKS, batchInquiries, batch, BATCH_RATE, 20261206L, CUSTOMERS,
        deadlineMs, false, false, Optional.empty(), Optional.empty());
    SimulationReport batched = new Simulation(batchPlan, System.err).run();
    List<String> batchFailures = new ArrayList<>();
    problems("batch", batched, batchFailures);
    // Cost per customer is the members' time per customer answered: the inverse of customers/s.
    double singleMsPerCustomer = 1000.0 / Math.max(1e-9, ours.customersPerSecond());
    double batchMsPerCustomer = 1000.0 / Math.max(1e-9, batched.customersPerSecond());
    table.header();
    table.row("batch inquiries/s (" + batch + " customers each)", batched.inquiriesPerSecond(), "inquiries/s");
    table.row("batch customers/s", batched.customersPerSecond(), "customers/s");
    table.row("batch p99 latency", batched.latencyPercentilesMs()[2], "ms");
    table.row("cost per customer, single inquiries", singleMsPerCustomer, "ms");
    table.row("cost per customer, batch of " + batch, batchMsPerCustomer, "ms");
    // A batch's share is ceil(B / slots) ciphertexts, each costing what one single inquiry's does: its bound.
    int ciphertexts = InquiryPacking.ciphertextsPerShare(PaillierParameters.DEFAULT, BANKS, batch);
    double batchBound = boundPerSecond / ciphertexts * batch;
    table.row("batch crypto bound (" + ciphertexts + " ciphertexts/share)", batchBound, "customers/s");
    table.row("batch against its cryptographic bound", 100 * batched.customersPerSecond() / batchBound, "%");
    int third = table.verdict("cost per customer, single against batch", singleMsPerCustomer / batchMsPerCustomer,
        BATCH_TARGET, batchFailures);
    return first == 0 && second == 0 && third == 0 ? 0 : 1;
  }

  private static void problems(String name, SimulationReport report, List<String> failures) {
    if (!report.passed()) {
      java.io.StringWriter text = new java.io.StringWriter();
      report.print(new PrintWriter(text, true));
      failures.add(name + " run failed its checks:\n" + text);
    }
  }

  /**
   * The CPU time, on this thread, of what one inquiry among {@code banks} banks needs cryptographically: every
   * bank's mask and encryption, one homomorphic addition per contribution, and the asker's decryption.
   */
  static double cryptoMillisPerInquiry(int banks) throws Exception {
    SecureRandom random = new SecureRandom();
    PaillierPrivateKey key = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, random);
    PaillierEncrypter encrypter = PaillierEncrypter.create(DjnObfuscators.createWithoutTable(key.publicKey(), random));
    PaillierDecrypter decrypter = PaillierDecrypter.create(key);
    List<X25519PrivateKey> agreement = new ArrayList<>();
    List<X25519PublicKey> publicKeys = new ArrayList<>();
    for (int b = 0; b < banks; b++) {
      agreement.add(X25519PrivateKey.generate(random));
      publicKeys.add(agreement.get(b).publicKey());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (int round = 0; round < CRYPTO_WARMUP + CRYPTO_ROUNDS; round++) {
      byte[] inquiryId = ("bench-" + round).getBytes(StandardCharsets.UTF_8);
      long start = threads.getCurrentThreadCpuTime();
      PaillierCiphertext sum = null;
      for (int b = 0; b < banks; b++) {
        BigInteger mask = ZeroSumMask.totalMask(agreement.get(b), b, publicKeys, inquiryId, key.publicKey().modulus());
        PaillierCiphertext share = MaskedPlaintext.encrypt(encrypter, 1_000L * b, mask);
        sum = sum == null ? share : sum.add(share);
      }
      long decrypted = decrypter.decryptLong(sum);
      long spent = threads.getCurrentThreadCpuTime() - start;
      if (decrypted != 1_000L * banks * (banks - 1) / 2) {
        throw new IllegalStateException("the benchmark's own inquiry decrypted to " + decrypted);
      }
      if (round >= CRYPTO_WARMUP) {
        total += spent;
      }
    }
    return total / 1e6 / CRYPTO_ROUNDS;
  }
}
