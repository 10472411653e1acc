package dev.consilium.simulator.simulation;

import dev.consilium.ledger.credit.OpenInquiry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one simulation runs: how many banks, inquiries, customers per inquiry (the batch) and customers in
 * all, at what rate, under which seed, with
 * what deadline per inquiry; in one JVM or one per member; whether to keep the work directory; which
 * member to kill, if any, and when; and whether it is the benchmark's naive baseline.
 */
public record SimulationPlan(int banks, int inquiries, int batch, double rate, long seed, int customers,
    long inquiryTimeoutMs, boolean inProcess, boolean keep, Optional<Kill> kill, Optional<Path> workDir,
    boolean naiveBaseline) {
  public static final int MAX_BANKS = 16;

  /** A run of the protocol as designed (not the benchmark's naive baseline). */
  public SimulationPlan(int banks, int inquiries, int batch, double rate, long seed, int customers,
      long inquiryTimeoutMs, boolean inProcess, boolean keep, Optional<Kill> kill, Optional<Path> workDir) {
    this(banks, inquiries, batch, rate, seed, customers, inquiryTimeoutMs, inProcess, keep, kill, workDir, false);
  }

  /**
   * The same run, with {@code naiveInquiries} inquiries, as the seed article's naive design, the credit
   * benchmark's baseline: textbook Paillier, no masks, one entry per block.
   */
  public SimulationPlan asNaiveBaseline(int naiveInquiries) {
    return new SimulationPlan(banks, naiveInquiries, batch, rate, seed, customers, inquiryTimeoutMs, inProcess, keep,
        kill, workDir, true);
  }

  /** Kill -9 {@code member}'s JVM once {@code percent} of the inquiries are done; restart it later. */
  public record Kill(String member, int percent) {}

  public SimulationPlan {
    if (banks < 2 || banks > MAX_BANKS) {
      throw new IllegalArgumentException("--banks must be 2 to " + MAX_BANKS + ", not " + banks);
    }
    if (inquiries < 1) {
      throw new IllegalArgumentException("--inquiries must be at least 1, not " + inquiries);
    }
    if (batch < 1 || batch > OpenInquiry.MAX_CUSTOMERS) {
      throw new IllegalArgumentException("--batch must be 1 to " + OpenInquiry.MAX_CUSTOMERS + " customers per inquiry, not "
          + batch);
    }
    if (!(rate > 0) || rate > 10_000) {
      throw new IllegalArgumentException("--rate must be in (0, 10000] inquiries per second, not " + rate);
    }
    if (customers < 1) {
      throw new IllegalArgumentException("the population needs at least 1 customer, not " + customers);
    }
    if (batch > customers) {
      throw new IllegalArgumentException("--batch " + batch + " asks about more customers at once than the population"
          + " of " + customers + " has");
    }
    if (inquiryTimeoutMs < 1_000) {
      throw new IllegalArgumentException("an inquiry's deadline must be at least 1000 ms, not " + inquiryTimeoutMs);
    }
    if (kill.isPresent()) {
      Kill k = kill.get();
      if (!ConsortiumSetup.members(banks).contains(k.member())) {
        throw new IllegalArgumentException("--kill names " + k.member() + ", not a member of this consortium: "
            + String.join(", ", ConsortiumSetup.members(banks)));
      }
      if (k.percent() < 1 || k.percent() > 99) {
        throw new IllegalArgumentException("--kill " + k.member() + "@" + k.percent() + "%: the share must be 1 to 99");
      }
      if (inProcess) {
        throw new IllegalArgumentException("--kill needs one JVM per member; it cannot be combined with --in-process");
      }
    }
  }
}
