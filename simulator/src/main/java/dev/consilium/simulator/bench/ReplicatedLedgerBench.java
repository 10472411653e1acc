package dev.consilium.simulator.bench;

import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.runtime.identity.ConsortiumCa;
import dev.consilium.runtime.identity.ConsortiumName;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberEndpoint;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.runtime.identity.MemberName;
import dev.consilium.runtime.node.ConsortiumNode;
import dev.consilium.runtime.node.LoopbackMember;
import dev.consilium.runtime.node.NodeIdentity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * {@code consilium bench ledger --replicas N}: N validator members, each its own ActorSystem with its own H2
 * ledger, clustered over loopback Artery with mutual TLS, the sequencer a cluster singleton. Measures the
 * rate of committed entries against the bound that signature checks set on this machine (the sequencer and
 * each of the N replicas verify every entry: cores × one thread's Ed25519 verification rate / (N + 1),
 * measured in the same run), the latency at half that peak, and the failover time: from the moment the
 * sequencer's member is stopped to the first receipt for an entry submitted after it.
 */
public final class ReplicatedLedgerBench {
  private static final int BANKS = LedgerBench.BANKS;
  private static final int WINDOW_PER_CLIENT = 200;
  private static final double TARGET_RATIO = 0.50;
  private static final double SIGNING_MARGIN = 1.5;
  private static final Duration FAILOVER_RUN = Duration.ofSeconds(20);
  private static final Duration FAILOVER_STOP_AFTER = Duration.ofSeconds(3);
  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);

  private record Plan(String name, Duration verifyWarmup, int verifySlices, Duration warmup, Duration measure,
      Duration latency) {}

  private static final Plan FULL = new Plan("full", Duration.ofSeconds(6), 7, Duration.ofSeconds(10),
      Duration.ofSeconds(20), Duration.ofSeconds(15));
  private static final Plan QUICK = new Plan("quick", Duration.ofSeconds(5), 3, Duration.ofSeconds(5),
      Duration.ofSeconds(8), Duration.ofSeconds(6));

  private ReplicatedLedgerBench() {}

  public static int run(int replicas, boolean quick, PrintStream out) throws IOException {
    Plan plan = quick ? QUICK : FULL;
    LedgerBench.quietLogs();
    SecureRandom random = new SecureRandom();
    Path tmp = Files.createTempDirectory("consilium-bench-replicated");
    try {
      out.printf("Replicated ledger benchmark (%s): %d validator members in %d ActorSystems over loopback Artery "
          + "with mutual TLS, each with its own H2 ledger; the sequencer is a cluster singleton and a block commits "
          + "on %d of them. %d banks submit through the members' sequencer proxies, %d entries in flight each.%n",
          plan.name(), replicas, replicas, replicas / 2 + 1, BANKS, WINDOW_PER_CLIENT);
      return run(plan, replicas, random, tmp, out);
    } catch (IdentityException e) {
      throw new IllegalStateException("the benchmark's own identities are invalid: " + e.getMessage(), e);
    } finally {
      LedgerBench.deleteTree(tmp, out);
    }
  }

  private static int run(Plan plan, int replicas, SecureRandom random, Path tmp, PrintStream out)
      throws IOException, IdentityException {
    out.printf("[0/5] Issuing %d members (RSA-3072 TLS certificates) and starting the cluster ...%n", replicas);
    List<NodeIdentity> identities = new ArrayList<>();
    List<MemberDocument> documents = new ArrayList<>();
    MemberIdentity regulator = issue(replicas, random, tmp, identities, documents);
    BenchConsortium consortium = BenchConsortium.create(regulator.signingKey(), documents, BANKS,
        replicas / 2 + 1, random);
    List<ConsortiumNode> nodes = startCluster(consortium, identities, tmp);
    List<String> failures = new ArrayList<>();
    try {
      VerifyBaseline verification = VerifyBaseline.create(random);
      out.printf("[1/5] Ed25519 verification, 1 thread: %d s warm-up, median of %d s ...%n",
          plan.verifyWarmup().toSeconds(), plan.verifySlices());
      double verifyBefore = verification.opsPerSecond(plan.verifyWarmup(), plan.verifySlices());
      double bound = bound(verifyBefore, replicas);

      LedgerClients clients = new LedgerClients((bank, entry) ->
          nodes.get(bank % nodes.size()).ledger().submitter().submit(entry));
      int perBank = perBank(bound * SIGNING_MARGIN, plan.warmup().plus(plan.measure()));
      out.printf("[2/5] Throughput: signing %,d entries; %d s warm-up, %d s measured ...%n", perBank * BANKS,
          plan.warmup().toSeconds(), plan.measure().toSeconds());
      List<List<Entry>> entries = consortium.signEntries(perBank, 1);
      LedgerClients.Throughput throughput = clients.saturate(entries, WINDOW_PER_CLIENT, plan.warmup(),
          plan.measure());
      entries = null;
      failures.addAll(throughput.failures());

      out.printf("[3/5] Ed25519 verification again, median of %d s ...%n", plan.verifySlices());
      double verifyAfter = verification.opsPerSecond(Duration.ofMillis(500), plan.verifySlices());

      double pacedRate = throughput.entriesPerSecond() / 2;
      out.printf("[4/5] Latency: %,.0f entries/s (half the peak) for %d s ...%n", pacedRate,
          plan.latency().toSeconds());
      LedgerClients.Latencies latencies = clients.paced(
          consortium.signEntries(perBank(pacedRate, plan.latency()), perBank + 1L), pacedRate);
      failures.addAll(latencies.failures());

      out.printf("[5/5] Failover: %,.0f entries/s through the other members; the sequencer's member leaves after "
          + "%d s ...%n", pacedRate, FAILOVER_STOP_AFTER.toSeconds());
      Failover failover = failover(consortium, nodes, pacedRate, 2L * perBank + 2, out);
      return report(plan, replicas, new double[] {verifyBefore, verifyAfter}, throughput, latencies, failover,
          failures, out);
    } finally {
      // Newest first, one after the other: the oldest member hosts the singleton and moves it last.
      for (int i = nodes.size() - 1; i >= 0; i--) {
        ConsortiumNode node = nodes.get(i);
        if (!node.system().whenTerminated().isCompleted()) {
          try {
            node.close();
          } catch (IllegalStateException e) {
            out.println("warning: " + e.getMessage());
          }
        }
      }
    }
  }

  /** The cores' worth of one thread's verification rate, shared by the sequencer and every replica. */
  private static double bound(double verifyPerSecond, int replicas) {
    return Runtime.getRuntime().availableProcessors() * verifyPerSecond / (replicas + 1);
  }

  private static MemberIdentity issue(int replicas, SecureRandom random, Path tmp, List<NodeIdentity> identities,
      List<MemberDocument> documents) throws IOException, IdentityException {
    Instant now = Instant.now();
    ConsortiumCa ca = ConsortiumCa.create(ConsortiumName.of("bench"), now, random);
    ca.writeTo(tmp.resolve("ca"));
    MemberIdentity regulator = null;
    for (int i = 0; i < replicas; i++) {
      String name = i == 0 ? "regulator" : "validator-" + i;
      Set<String> roles = i == 0 ? Set.of("regulator", "validator") : Set.of("institution", "validator");
      Path dir = tmp.resolve(name);
      ca.issue(MemberName.of(name), roles, new MemberEndpoint("127.0.0.1", MemberEndpoint.DEFAULT_PORT), now, random)
          .writeTo(dir);
      MemberIdentity member = MemberIdentity.load(dir);
      regulator = i == 0 ? member : regulator;
      documents.add(member.document());
      identities.add(NodeIdentity.fromDirectory(dir));
    }
    return regulator;
  }

  private static List<ConsortiumNode> startCluster(BenchConsortium consortium, List<NodeIdentity> identities,
      Path tmp) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      ports.add(LoopbackMember.freePort());
    }
    List<ConsortiumNode> nodes = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      Config config = ConfigFactory.parseMap(Map.of(
          "akka.loglevel", "WARNING",
          "consilium.ledger.block.max-entries", LedgerBench.MAX_BLOCK_ENTRIES,
          "consilium.ledger.block.max-delay", LedgerBench.MAX_BLOCK_DELAY_MS + "ms"))
          .withFallback(LoopbackMember.config(ports.get(i), ports.get(0), tmp.resolve("data-" + i)));
      nodes.add(ConsortiumNode.start(identities.get(i), consortium.genesis, consortium.registry, config));
    }
    awaitUp(nodes);
    return nodes;
  }

  private static void awaitUp(List<ConsortiumNode> nodes) {
    long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = nodes.stream().allMatch(node -> StreamSupport.stream(
              Cluster.get(node.system()).state().getMembers().spliterator(), false)
          .filter(member -> member.status() == MemberStatus.up()).count() == nodes.size());
      if (all) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("the benchmark cluster did not form within " + FORM_TIMEOUT.toSeconds() + " s");
  }

  /** From the sequencer's member stopping to the first receipt of an entry submitted after that. */
  private record Failover(double seconds, int receipts, int refused, Map<String, Integer> reasons) {}

  /**
   * Paced submissions through the members other than the first (the oldest, hence the singleton's host);
   * the first member leaves the cluster meanwhile.
   */
  private static Failover failover(BenchConsortium consortium, List<ConsortiumNode> nodes, double rate,
      long firstNonce, PrintStream out) {
    List<ConsortiumNode> survivors = nodes.subList(1, nodes.size());
    int perBank = perBank(rate, FAILOVER_RUN);
    List<List<Entry>> entries = consortium.signEntries(perBank, firstNonce);
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    long[] stopAt = {Long.MAX_VALUE};
    Thread stopper = new Thread(() -> {
      sleep(FAILOVER_STOP_AFTER.toMillis());
      stopAt[0] = System.nanoTime();
      nodes.get(0).close();
    }, "bench-failover-stop");
    stopper.start();
    List<CompletableFuture<Long>> completions = new ArrayList<>();
    List<Long> submitted = new ArrayList<>();
    int total = perBank * BANKS;
    for (int k = 0; k < total; k++) {
      long due = start + k * intervalNanos;
      sleepNanos(due - System.nanoTime());
      int bank = k % BANKS;
      Entry entry = entries.get(bank).get(k / BANKS);
      submitted.add(System.nanoTime());
      completions.add(survivors.get(bank % survivors.size()).ledger().submitter().submit(entry)
          .thenApply((Receipt receipt) -> System.nanoTime()).toCompletableFuture());
    }
    join(stopper);
    long stopNanos = stopAt[0];
    long firstAfter = Long.MAX_VALUE;
    int receipts = 0;
    int refused = 0;
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    for (int i = 0; i < completions.size(); i++) {
      try {
        long done = completions.get(i).get(2, TimeUnit.MINUTES);
        receipts++;
        if (submitted.get(i) > stopNanos) {
          firstAfter = Math.min(firstAfter, done);
        }
      } catch (Exception e) {
        refused++;
        reasons.merge(reasonOf(e), 1, Integer::sum);
      }
    }
    double seconds = firstAfter == Long.MAX_VALUE ? Double.NaN : (firstAfter - stopNanos) / 1e9;
    return new Failover(seconds, receipts, refused, reasons);
  }

  /** A refusal's reason without the parts that differ between entries (hashes, numbers, actor names). */
  private static String reasonOf(Exception e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = String.valueOf(cause.getMessage());
    return message.replaceAll("[0-9a-f]{16,}", "#").replaceAll("did:consilium:\\w+", "DID")
        .replaceAll("\\d+", "N").replaceAll("Actor\\[[^]]*]", "ACTOR");
  }

  private static int report(Plan plan, int replicas, double[] verify, LedgerClients.Throughput throughput,
      LedgerClients.Latencies latencies, Failover failover, List<String> failures, PrintStream out) {
    double verifyMean = (verify[0] + verify[1]) / 2;
    double bound = bound(verifyMean, replicas);
    BenchTable table = new BenchTable(out, 62);
    table.header();
    table.row("ed25519.verify.bouncycastle (1 thread, before)", verify[0], "ops/s");
    table.row("ed25519.verify.bouncycastle (1 thread, after)", verify[1], "ops/s");
    table.row(String.format("bound: %d cores x verify / %d verifications per entry",
        Runtime.getRuntime().availableProcessors(), replicas + 1), bound, "entries/s");
    table.row(String.format("ledger.replicated.committed (%d replicas, %.0f s window)", replicas,
        throughput.windowSeconds()), throughput.entriesPerSecond(), "entries/s");
    table.row(String.format("ledger.replicated.latency.p50 (at %,.0f entries/s)", latencies.offeredPerSecond()),
        latencies.percentileMs(0.50), "ms");
    table.row(String.format("ledger.replicated.latency.p99 (at %,.0f entries/s)", latencies.offeredPerSecond()),
        latencies.percentileMs(0.99), "ms");
    table.row("ledger.replicated.failover (sequencer stopped -> next receipt)", failover.seconds() * 1000, "ms");
    out.printf("Throughput: %,d entries committed in the window, %.2f of %d cores busy. Failover: %,d receipts, "
        + "%,d submissions refused or timed out (each names its reason to the client).%n",
        throughput.committedInWindow(), throughput.busyCores(), Runtime.getRuntime().availableProcessors(),
        failover.receipts(), failover.refused());
    failover.reasons().forEach((reason, count) -> out.printf("  %,6d x %s%n", count,
        reason.length() > 300 ? reason.substring(0, 300) + " ..." : reason));
    double ratio = throughput.entriesPerSecond() / bound;
    return table.verdict("committed entries/s vs signature-check bound", ratio, TARGET_RATIO, failures);
  }

  private static int perBank(double ratePerSecond, Duration duration) {
    return BenchTable.perBank(ratePerSecond, duration, BANKS);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleepNanos(long nanos) {
    if (nanos > 0) {
      sleep(TimeUnit.NANOSECONDS.toMillis(nanos));
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
