package dev.consilium.simulator.simulation;

import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.consilium.roles.credit.CreditDesk;
import dev.consilium.roles.credit.DeskStats;
import dev.consilium.roles.customer.PseudonymKeyFile;
import dev.consilium.roles.features.task.Traffic;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.node.ConsortiumNode;
import dev.consilium.runtime.replication.AuditStatus;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.simulator.cli.node.MemberRoles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The simulation's part in one member's process (with {@code consilium.simulation.*} set): a bank runs its
 * workload; every member writes its status for the driver every half second. Nothing here changes how the
 * member itself works: it runs the same node and roles as {@code consilium node}.
 */
public final class SimulatedMember implements AutoCloseable {
  public static final String SECTION = "consilium.simulation";
  private static final long STATUS_EVERY_MS = 500;
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

  private final ConsortiumNode node;
  private final MemberRoles roles;
  private final String member;
  private final Path statusFile;
  private final ScheduledExecutorService timer;
  private final WorkloadRunner runner; // null on a member without a workload
  private final ResultsFile results;
  private FeaturesRunner featuresRunner; // null on a member that runs no feature-learning task
  private Path trafficFile; // null on a member without feature roles
  private final ObjectMapper json = new ObjectMapper();

  private SimulatedMember(ConsortiumNode node, MemberRoles roles, String member, Path statusFile,
      WorkloadRunner runner, ResultsFile results) {
    this.node = node;
    this.roles = roles;
    this.member = member;
    this.statusFile = statusFile;
    this.runner = runner;
    this.results = results;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "simulation-" + member);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Whether {@code config} asks for the simulation's part. */
  public static boolean configured(Config config) {
    return config.hasPath(SECTION + ".member");
  }

  /** Starts the simulation's part on {@code node}, whose roles are already started. */
  public static SimulatedMember start(ConsortiumNode node, MemberRoles roles, Path memberDir) throws IdentityException {
    Config config = node.config().getConfig(SECTION);
    String member = config.getString("member");
    WorkloadRunner runner = null;
    ResultsFile results = null;
    Path workload = Path.of(config.getString("workload"));
    if (roles.institution().isPresent() && Files.exists(workload)) {
      Path resultsPath = Path.of(config.getString("results"));
      Set<String> done = new HashSet<>();
      ResultsFile.read(resultsPath).forEach(outcome -> done.add(outcome.inquiryId()));
      results = new ResultsFile(resultsPath);
      long timeoutMs = node.config().getDuration("consilium.institution.credit.inquiry-timeout").toMillis()
          + node.config().getDuration("consilium.institution.credit.expire-grace").toMillis() + 120_000;
      runner = new WorkloadRunner(node.system(), roles.institution().get().desk(), node.identity().did(),
          PseudonymKeyFile.read(memberDir), new CustomerKeys(config.getLong("seed")),
          WorkloadRunner.readWorkload(workload), done, results, Path.of(config.getString("go")),
          Duration.ofMillis(timeoutMs));
    }
    SimulatedMember simulated = new SimulatedMember(node, roles, member, Path.of(config.getString("status")), runner,
        results);
    simulated.startFeatures(config);
    simulated.timer.scheduleWithFixedDelay(simulated::writeStatus, 0, STATUS_EVERY_MS, TimeUnit.MILLISECONDS);
    if (runner != null) {
      Thread thread = new Thread(runner, "workload-" + member);
      thread.setDaemon(true);
      thread.start();
    }
    return simulated;
  }

  /** The owner of a feature-learning simulation trains its task; every feature member reports its traffic. */
  private void startFeatures(Config config) {
    if (roles.features().isEmpty() || !config.hasPath("traffic")) {
      return;
    }
    trafficFile = Path.of(config.getString("traffic"));
    Path task = Path.of(config.getString("features-task"));
    if (roles.features().get().owner().isPresent() && Files.exists(task)) {
      featuresRunner = new FeaturesRunner(node.system(), roles.features().get().owner().get(), task,
          Path.of(node.config().getString("consilium.features.table")),
          Path.of(config.getString("features-score-table")), Path.of(config.getString("go")),
          Path.of(config.getString("features-result")), config.getBoolean("plain-baseline"),
          Duration.ofMillis(config.getDuration("features-timeout").toMillis()));
      Thread thread = new Thread(featuresRunner, "features-" + member);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void writeTraffic() {
    if (trafficFile == null) {
      return;
    }
    try {
      Traffic.Snapshot snapshot = roles.features().get().traffic().snapshot();
      Map<String, Long> sent = new TreeMap<>();
      Map<String, Long> received = new TreeMap<>();
      Map<String, Long> receivedMessages = new TreeMap<>();
      snapshot.sent().forEach((kind, tally) -> sent.put(kind, tally.bytes()));
      snapshot.received().forEach((kind, tally) -> {
        received.put(kind, tally.bytes());
        receivedMessages.put(kind, tally.messages());
      });
      Path tmp = trafficFile.resolveSibling(trafficFile.getFileName() + ".tmp");
      Files.createDirectories(trafficFile.getParent());
      Files.write(tmp, json.writeValueAsBytes(new FeaturesResult.Traffic(member, sent, received, receivedMessages)));
      Files.move(tmp, trafficFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Being replaced or the node is stopping: the next round writes again.
    }
  }

  private void writeStatus() {
    writeTraffic();
    try {
      int up = (int) StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(), false)
          .filter(m -> m.status() == MemberStatus.up()).count();
      AuditStatus audit = AskPattern.<LedgerFollower.Command, AuditStatus>ask(node.follower(),
          LedgerFollower.GetStatus::new, ASK_TIMEOUT, node.system().scheduler()).toCompletableFuture().get();
      DeskStats stats = null;
      if (roles.institution().isPresent()) {
        stats = AskPattern.<CreditDesk.Command, DeskStats>ask(roles.institution().get().desk(), CreditDesk.GetStats::new,
            ASK_TIMEOUT, node.system().scheduler()).toCompletableFuture().get();
      }
      long committed = stats == null ? 0 : stats.committedByAction().values().stream().mapToLong(Long::longValue).sum();
      MemberSnapshot status = new MemberSnapshot(
          member, System.currentTimeMillis(), up, audit.verifiedHeight(), audit.verifiedHash(), audit.healthy(),
          stats == null ? 0 : stats.cryptoNanos(), processCpuNanos(), committed, stats == null ? 0 : stats.refused(),
          (runner == null || runner.finished()) && (featuresRunner == null || featuresRunner.finished()));
      Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
      Files.createDirectories(statusFile.getParent());
      Files.write(tmp, json.writeValueAsBytes(status));
      Files.move(tmp, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The node is starting or stopping: the next round writes again.
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  @Override
  public void close() {
    writeStatus();
    timer.shutdownNow();
    if (results != null) {
      results.close();
    }
  }
}
