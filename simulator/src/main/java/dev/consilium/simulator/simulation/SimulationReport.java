package dev.consilium.simulator.simulation;

import com.typesafe.config.ConfigFactory;
import dev.consilium.roles.institution.CreditRule;
import dev.consilium.simulator.scenario.Population;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a simulation found: the figures it prints and the problems that fail it. Every inquiry's decrypted
 * total must equal the ground truth, every decision must follow the rule, every copy of the ledger must pass
 * {@code ledger verify} and end at the same head.
 */
public record SimulationReport(SimulationPlan plan, Path workDir, List<String> problems, Map<String, Long> counts,
    double inquiriesPerSecond, long[] latencyPercentilesMs, long ledgerHeight, String headHash,
    Map<String, Long> bytesOnDisk, double cryptoShare, Optional<String> killed) {
  private static final int MAX_PROBLEMS_SHOWN = 20;

  /** Customers answered per second: inquiries/s times the batch. */
  public double customersPerSecond() {
    return inquiriesPerSecond * plan.batch();
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  public void print(PrintWriter out) {
    out.println("simulate: " + (passed() ? "PASSED" : "FAILED"));
    out.printf(Locale.ROOT, "consortium      %d banks and a regulator, %s%n", plan.banks(),
        plan.inProcess() ? "all in one JVM" : "one JVM each");
    out.printf(Locale.ROOT, "inquiries       %d asked: %d decided, %d insufficient, %d abandoned, %d failed%n",
        plan.inquiries(), counts.getOrDefault(InquiryOutcome.DECIDED, 0L),
        counts.getOrDefault(InquiryOutcome.INSUFFICIENT, 0L), counts.getOrDefault(InquiryOutcome.ABANDONED, 0L),
        counts.getOrDefault(InquiryOutcome.FAILED, 0L));
    if (plan.batch() > 1) {
      out.printf(Locale.ROOT, "batch           %d customers per inquiry, packed: %d customers asked about%n",
          plan.batch(), (long) plan.batch() * plan.inquiries());
    }
    out.printf(Locale.ROOT, "multi-head      %d about customers who borrow at several banks%n",
        counts.getOrDefault("multi-head", 0L));
    out.printf(Locale.ROOT, "totals          %d of %d decrypted totals equal the ground truth%s%n",
        counts.getOrDefault("total-ok", 0L), counts.getOrDefault("customers-decided", 0L),
        counts.containsKey("partial") ? " (" + counts.get("partial") + " of them without a lost bank's share, "
            + "as the deadline path gives them)" : "");
    out.printf(Locale.ROOT, "decisions       %d follow the rule: %d approved, %d refused%n",
        counts.getOrDefault("decision-ok", 0L), counts.getOrDefault("approved", 0L),
        counts.getOrDefault("refused", 0L));
    killed.ifPresent(k -> out.println("killed          " + k));
    out.printf(Locale.ROOT, "throughput      %.2f inquiries/s (asked at %.2f/s)%s%n", inquiriesPerSecond, plan.rate(),
        plan.batch() > 1 ? String.format(Locale.ROOT, ", %.1f customers/s", customersPerSecond()) : "");
    out.printf(Locale.ROOT, "latency         p50 %d ms, p95 %d ms, p99 %d ms%n", latencyPercentilesMs[0],
        latencyPercentilesMs[1], latencyPercentilesMs[2]);
    out.printf(Locale.ROOT, "ledger          height %d, head %s, the same on all %d copies, each verified%n",
        ledgerHeight, headHash.isEmpty() ? "-" : headHash.substring(0, 16) + "…", bytesOnDisk.size());
    StringBuilder disk = new StringBuilder();
    bytesOnDisk.forEach((member, bytes) -> disk.append(disk.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.1f MB", member, bytes / 1e6)));
    out.println("disk            " + disk);
    out.printf(Locale.ROOT, "cryptography    %.1f%% of the members' CPU time%n", cryptoShare * 100);
    out.println("work directory  " + workDir + (plan.keep() || !passed() ? " (kept)" : " (removed)"));
    if (plan.keep() || !passed()) {
      out.println("                inspect: bin/consilium ledger show --data " + workDir.resolve("data/regulator")
          + "; logs in data/<member>/node.log");
    }
    for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
      out.println("problem         " + problems.get(i));
    }
    if (problems.size() > MAX_PROBLEMS_SHOWN) {
      out.println("problem         ... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more");
    }
  }

  /** Collects the run's findings. */
  static final class Builder {
    private final SimulationPlan plan;
    private final Path workDir;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Long> bytesOnDisk = new LinkedHashMap<>();
    private final Map<String, String> heads = new LinkedHashMap<>();
    private long height = -1;
    private double perSecond;
    private long[] percentiles = {0, 0, 0};
    private double cryptoShare;
    private String killed;

    Builder(SimulationPlan plan, Path workDir) {
      this.plan = plan;
      this.workDir = workDir;
    }

    void problem(String problem) {
      problems.add(problem);
    }

    void killed(String member, int atInquiries) {
      killed = member + " (kill -9) after " + atInquiries + " inquiries, restarted 10 s later";
    }

    void bytesOnDisk(String member, long bytes) {
      bytesOnDisk.put(member, bytes);
    }

    void copy(String member, long copyHeight, String hash) {
      heads.put(member, copyHeight + ":" + hash);
      height = Math.max(height, copyHeight);
    }

    /**
     * Checks every inquiry's outcome against the ground truth: the total of the banks that contributed
     * ({@code bankByDid} numbers them), which is every bank's unless one was lost.
     */
    void outcomes(List<InquiryOutcome> outcomes, List<WorkItem> workload, Population population,
        Map<String, Integer> bankByDid, long startMs) {
      CreditRule rule = CreditRule.fromConfig(ConfigFactory.load());
      Map<String, InquiryOutcome> byId = new HashMap<>();
      for (InquiryOutcome outcome : outcomes) {
        InquiryOutcome earlier = byId.putIfAbsent(outcome.inquiryId(), outcome);
        if (earlier != null) {
          problems.add("inquiry " + outcome.inquiryId() + " has two outcomes: " + earlier.ending() + " and "
              + outcome.ending());
        }
      }
      List<Long> latencies = new ArrayList<>();
      long lastFinish = startMs;
      for (WorkItem item : workload) {
        for (WorkItem.Customer customer : item.customers()) {
          if (population.lenderCount(customer.customerId()) >= 2) {
            counts.merge("multi-head", 1L, Long::sum);
          }
        }
        InquiryOutcome outcome = byId.get(item.inquiryId());
        if (outcome == null) {
          problems.add("inquiry " + item.inquiryId() + " has no outcome");
          continue;
        }
        counts.merge(outcome.ending(), 1L, Long::sum);
        lastFinish = Math.max(lastFinish, outcome.finishedAtMs());
        switch (outcome.ending()) {
          case InquiryOutcome.DECIDED -> {
            latencies.add(outcome.latencyMs());
            decided(item, outcome, population, bankByDid, rule);
          }
          case InquiryOutcome.INSUFFICIENT, InquiryOutcome.ABANDONED -> {
            if (plan.kill().isEmpty()) {
              problems.add("inquiry " + item.inquiryId() + " ended " + outcome.ending() + " in a run where no member"
                  + " was lost");
            }
          }
          default -> problems.add("inquiry " + item.inquiryId() + " failed: " + outcome.failure());
        }
      }
      if (!latencies.isEmpty()) {
        latencies.sort(null);
        percentiles = new long[] {percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99)};
      }
      double seconds = Math.max(1, lastFinish - startMs) / 1000.0;
      perSecond = counts.getOrDefault(InquiryOutcome.DECIDED, 0L) / seconds;
    }

    /** Checks each customer's total and decision of a decided inquiry. */
    private void decided(WorkItem item, InquiryOutcome outcome, Population population,
        Map<String, Integer> bankByDid, CreditRule rule) {
      Set<Integer> contributed = new HashSet<>();
      outcome.contributors().forEach(did -> contributed.add(bankByDid.getOrDefault(did, -1)));
      if (contributed.contains(-1)) {
        problems.add("inquiry " + item.inquiryId() + " counts a contributor that is not a bank of this run");
        return;
      }
      if (contributed.size() < plan.banks() && plan.kill().isEmpty()) {
        problems.add("inquiry " + item.inquiryId() + " was answered by " + contributed.size() + " of "
            + plan.banks() + " banks in a run where no member was lost");
      }
      int customers = item.customers().size();
      if (outcome.totalsCents().size() != customers || outcome.approvals().size() != customers) {
        problems.add("inquiry " + item.inquiryId() + " asked about " + customers + " customers and was answered with "
            + outcome.totalsCents().size() + " totals and " + outcome.approvals().size() + " decisions");
        return;
      }
      counts.merge("customers-decided", (long) customers, Long::sum);
      for (int i = 0; i < customers; i++) {
        WorkItem.Customer customer = item.customers().get(i);
        long total = outcome.totalsCents().get(i);
        if (total == population.totalOwedCents(customer.customerId(), contributed)) {
          counts.merge("total-ok", 1L, Long::sum);
          if (contributed.size() < plan.banks()) {
            counts.merge("partial", 1L, Long::sum);
          }
        } else {
          problems.add("inquiry " + item.inquiryId() + ", customer " + i + ": the decrypted total differs from the"
              + " ground truth of the " + contributed.size() + " banks that contributed");
        }
        boolean approved = outcome.approvals().get(i);
        if (rule.decide(total, customer.requestedCents(), customer.annualIncomeCents()).approved() == approved) {
          counts.merge("decision-ok", 1L, Long::sum);
        } else {
          problems.add("inquiry " + item.inquiryId() + ", customer " + i + ": the decision does not follow the rule");
        }
        counts.merge(approved ? "approved" : "refused", 1L, Long::sum);
      }
    }

    void cpu(Map<String, MemberSnapshot> statuses, boolean sameProcess) {
      long crypto = statuses.values().stream().mapToLong(MemberSnapshot::cryptoNanos).sum();
      long cpu = sameProcess
          ? statuses.values().stream().mapToLong(MemberSnapshot::processCpuNanos).max().orElse(0)
          : statuses.values().stream().mapToLong(MemberSnapshot::processCpuNanos).sum();
      cryptoShare = cpu > 0 ? (double) crypto / cpu : 0;
      statuses.values().stream().filter(s -> !s.auditHealthy())
          .forEach(s -> problems.add(s.member() + "'s audit raised an alarm; see its node.log"));
    }

    SimulationReport build() {
      Map<String, List<String>> membersByHead = new LinkedHashMap<>();
      heads.forEach((member, head) -> membersByHead.computeIfAbsent(head, h -> new ArrayList<>()).add(member));
      if (membersByHead.size() > 1) {
        problems.add("the ledger copies end at different heads: " + membersByHead);
      }
      if (heads.size() != bytesOnDisk.size() && problems.isEmpty()) {
        problems.add("not every ledger copy could be verified");
      }
      String hash = heads.isEmpty() ? "" : heads.values().iterator().next().split(":")[1];
      return new SimulationReport(plan, workDir, List.copyOf(problems), Map.copyOf(counts), perSecond, percentiles,
          height, hash, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bytesOnDisk)), cryptoShare,
          Optional.ofNullable(killed));
    }

    private static long percentile(List<Long> sorted, double p) {
      int index = (int) Math.ceil(p * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }
}
