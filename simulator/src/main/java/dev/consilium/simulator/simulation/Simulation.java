package dev.consilium.simulator.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.simulator.cli.CommandRun;
import dev.consilium.simulator.scenario.Population;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The simulation driver: sets the consortium up, starts its members, gives the start signal, shows progress,
 * kills and restarts a member if asked, waits for every inquiry and for every copy of the ledger to agree,
 * stops the members, verifies every copy offline, checks every answer against the ground truth, and
 * reports. The run passes only if every check holds.
 */
public final class Simulation {
  private static final long FORM_TIMEOUT_MS = 180_000;
  private static final long START_DELAY_MS = 1_000;
  private static final long CONVERGE_TIMEOUT_MS = 60_000;
  private static final long RESTART_AFTER_MS = 10_000;
  private static final long POLL_MS = 250;
  private static final Pattern HEAD_HASH = Pattern.compile("head hash\\s+([0-9a-f]{64})");
  private static final Pattern HEAD_HEIGHT = Pattern.compile("head height\\s+(\\d+)");

  private final SimulationPlan plan;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper();

  /** A simulation of {@code plan} that shows its progress on {@code err}. */
  public Simulation(SimulationPlan plan, PrintStream err) {
    this.plan = plan;
    this.err = err;
  }

  /** Runs the simulation; the report says whether every check held. */
  public SimulationReport run() throws IOException, InterruptedException {
    Path root = plan.workDir().isPresent() ? plan.workDir().get()
        : Files.createTempDirectory("consilium-simulation-");
    WorkDir dir = new WorkDir(root);
    Files.createDirectories(root);
    SimulationLog.redirectTo(root.resolve("simulate.log"));
    List<String> members = ConsortiumSetup.members(plan.banks());
    err.println("simulate: setting up " + plan.banks() + " banks and a regulator in " + root);
    ConsortiumSetup.create(dir, plan);
    Population population = ConsortiumSetup.population(plan);
    List<WorkItem> workload = ConsortiumSetup.workload(plan, population);

    SimulationReport.Builder report = new SimulationReport.Builder(plan, root);
    MemberProcesses processes = plan.inProcess() ? new InProcessMembers(dir) : new SeparateJvms(dir);
    long startMs;
    try {
      err.println("simulate: starting " + members.size() + " members " + (plan.inProcess() ? "in this JVM"
          : "in one JVM each"));
      for (String member : members) {
        processes.start(member);
      }
      awaitFormed(dir, members, processes);
      startMs = System.currentTimeMillis() + START_DELAY_MS;
      Files.writeString(dir.go(), String.valueOf(startMs), StandardCharsets.UTF_8);
      follow(dir, members, processes, report);
      converge(dir, members, report);
    } finally {
      err.println("simulate: stopping the members");
      processes.close();
    }
    Map<String, MemberSnapshot> finalStatus = readStatuses(dir, members);
    for (String member : members) {
      verifyCopy(dir, member, report);
      report.bytesOnDisk(member, directorySize(dir.data(member)));
    }
    List<InquiryOutcome> outcomes = new ArrayList<>();
    for (String member : members) {
      outcomes.addAll(ResultsFile.read(dir.results(member)));
    }
    report.outcomes(outcomes, workload, population, bankDids(dir), startMs);
    report.cpu(finalStatus, plan.inProcess());
    SimulationReport done = report.build();
    if (!plan.keep() && done.passed()) {
      deleteTree(root);
    }
    return done;
  }

  /** Each bank's number by its DID, from the identities ca issue wrote. */
  private Map<String, Integer> bankDids(WorkDir dir) {
    Map<String, Integer> banks = new HashMap<>();
    for (int b = 0; b < plan.banks(); b++) {
      try {
        banks.put(MemberIdentity.load(dir.member(ConsortiumSetup.bank(b))).did().toString(), b);
      } catch (IdentityException e) {
        throw new IllegalStateException("cannot read " + ConsortiumSetup.bank(b) + "'s identity: " + e.getMessage(), e);
      }
    }
    return banks;
  }

  /** Waits until every member sees all of them up and follows the ledger. */
  private void awaitFormed(WorkDir dir, List<String> members, MemberProcesses processes)
      throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + FORM_TIMEOUT_MS;
    while (System.currentTimeMillis() < giveUpAt) {
      requireAlive(processes, members);
      Map<String, MemberSnapshot> statuses = readStatuses(dir, members);
      if (statuses.size() == members.size() && statuses.values().stream()
          .allMatch(s -> s.membersUp() == members.size() && s.verifiedHeight() >= 0)) {
        err.println("simulate: all " + members.size() + " members are up");
        return;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException("the consortium did not form within " + FORM_TIMEOUT_MS / 1000
        + " s; see the members' node.log under " + dir.root().resolve("data"));
  }

  /** Shows progress until every inquiry has an outcome; kills and restarts a member when asked. */
  private void follow(WorkDir dir, List<String> members, MemberProcesses processes,
      SimulationReport.Builder report) throws InterruptedException {
    int total = plan.inquiries();
    long expectedMs = Math.round(total * 1000.0 / plan.rate());
    long giveUpAt = System.currentTimeMillis() + START_DELAY_MS + expectedMs + 3 * plan.inquiryTimeoutMs() + 180_000;
    Progress progress = new Progress(err, total);
    long killedAtMs = -1;
    boolean restarted = false;
    while (true) {
      int done = 0;
      for (String member : members) {
        done += ResultsFile.read(dir.results(member)).size();
      }
      progress.show(done);
      if (done >= total) {
        progress.finish();
        return;
      }
      if (System.currentTimeMillis() > giveUpAt) {
        progress.finish();
        report.problem("only " + done + " of " + total + " inquiries ended before the run gave up");
        return;
      }
      if (plan.kill().isPresent()) {
        SimulationPlan.Kill kill = plan.kill().get();
        if (killedAtMs < 0 && done * 100L >= (long) kill.percent() * total) {
          progress.note("killing " + kill.member() + " (kill -9) at " + done + " of " + total + " inquiries");
          processes.kill(kill.member());
          killedAtMs = System.currentTimeMillis();
          report.killed(kill.member(), done);
        } else if (killedAtMs >= 0 && !restarted && System.currentTimeMillis() - killedAtMs >= RESTART_AFTER_MS) {
          progress.note("restarting " + kill.member());
          processes.start(kill.member());
          restarted = true;
        }
      }
      requireAlive(processes, members);
      Thread.sleep(POLL_MS);
    }
  }

  /** Waits until every member's follower stands at the same head, and stays there for a moment. */
  private void converge(WorkDir dir, List<String> members, SimulationReport.Builder report)
      throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + CONVERGE_TIMEOUT_MS;
    String agreed = null;
    int stableRounds = 0;
    while (System.currentTimeMillis() < giveUpAt) {
      Map<String, MemberSnapshot> statuses = readStatuses(dir, members);
      String hash = statuses.size() == members.size()
          && statuses.values().stream().map(MemberSnapshot::verifiedHash).distinct().count() == 1
          ? statuses.values().iterator().next().verifiedHash() : null;
      stableRounds = hash != null && hash.equals(agreed) ? stableRounds + 1 : 0;
      agreed = hash;
      if (stableRounds >= 8) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
    report.problem("the members' followed heads did not agree within " + CONVERGE_TIMEOUT_MS / 1000 + " s: "
        + readStatuses(dir, members).values().stream().map(s -> s.member() + "@" + s.verifiedHeight()).toList());
  }

  private void verifyCopy(WorkDir dir, String member, SimulationReport.Builder report) {
    CommandRun run = CommandRun.of("ledger", "verify", "--data", dir.data(member).toString());
    Matcher hash = HEAD_HASH.matcher(run.out());
    Matcher height = HEAD_HEIGHT.matcher(run.out());
    if (run.status() != 0 || !hash.find() || !height.find()) {
      report.problem("ledger verify failed on " + member + "'s copy: " + (run.out() + run.err()).trim());
      return;
    }
    report.copy(member, Long.parseLong(height.group(1)), hash.group(1));
  }

  private void requireAlive(MemberProcesses processes, List<String> members) {
    if (processes instanceof SeparateJvms jvms) {
      for (String member : members) {
        if (jvms.exited(member)) {
          throw new IllegalStateException(member + "'s JVM exited; see its node.log");
        }
      }
    }
  }

  private Map<String, MemberSnapshot> readStatuses(WorkDir dir, List<String> members) {
    Map<String, MemberSnapshot> statuses = new LinkedHashMap<>();
    for (String member : members) {
      Path file = dir.status(member);
      if (Files.exists(file)) {
        try {
          statuses.put(member, json.readValue(Files.readAllBytes(file), MemberSnapshot.class));
        } catch (IOException e) {
          // being replaced: read it next round
        }
      }
    }
    return statuses;
  }

  static long directorySize(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = new ArrayList<>(paths.toList());
      java.util.Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A one-line progress bar on the error stream, redrawn in place. */
  private static final class Progress {
    private static final int WIDTH = 40;
    private final PrintStream err;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int last = -1;

    Progress(PrintStream err, int total) {
      this.err = err;
      this.total = total;
    }

    void show(int done) {
      if (done == last) {
        return;
      }
      last = done;
      int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      err.print(String.format("\r[%s%s] %d/%d inquiries, %.1f/s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
          done, total, seconds > 0 ? done / seconds : 0.0));
      err.flush();
    }

    void note(String text) {
      err.println();
      err.println("simulate: " + text);
      last = -1;
    }

    void finish() {
      err.println();
    }
  }
}
