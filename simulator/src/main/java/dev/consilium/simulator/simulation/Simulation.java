package dev.consilium.simulator.simulation;

import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.simulator.scenario.Population;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulation driver: sets the consortium up, starts its members, gives the start signal, shows progress,
 * kills and restarts a member if asked, waits for every inquiry and for every copy of the ledger to agree,
 * stops the members, verifies every copy offline, checks every answer against the ground truth, and
 * reports. The run passes only if every check holds.
 */
public final class Simulation {
  private static final long START_DELAY_MS = 1_000;
  private static final long RESTART_AFTER_MS = 10_000;

  private final SimulationPlan plan;
  private final PrintStream err;

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
    MemberWatch watch = new MemberWatch(dir, members, processes, err);
    long startMs;
    try {
      err.println("simulate: starting " + members.size() + " members " + (plan.inProcess() ? "in this JVM"
          : "in one JVM each"));
      for (String member : members) {
        processes.start(member);
      }
      watch.awaitFormed();
      startMs = System.currentTimeMillis() + START_DELAY_MS;
      Files.writeString(dir.go(), String.valueOf(startMs), StandardCharsets.UTF_8);
      follow(dir, members, processes, watch, report);
      watch.converge().ifPresent(report::problem);
    } finally {
      err.println("simulate: stopping the members");
      processes.close();
    }
    Map<String, MemberSnapshot> finalStatus = watch.readStatuses();
    for (String member : members) {
      try {
        MemberWatch.VerifiedCopy copy = watch.verifyCopy(member);
        report.copy(member, copy.height(), copy.hash());
      } catch (IllegalStateException e) {
        report.problem(e.getMessage());
      }
      report.bytesOnDisk(member, MemberWatch.directorySize(dir.data(member)));
    }
    List<InquiryOutcome> outcomes = new ArrayList<>();
    for (String member : members) {
      outcomes.addAll(ResultsFile.read(dir.results(member)));
    }
    report.outcomes(outcomes, workload, population, bankDids(dir), startMs);
    report.cpu(finalStatus, plan.inProcess());
    SimulationReport done = report.build();
    if (!plan.keep() && done.passed()) {
      MemberWatch.deleteTree(root);
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

  /** Shows progress until every inquiry has an outcome; kills and restarts a member when asked. */
  private void follow(WorkDir dir, List<String> members, MemberProcesses processes, MemberWatch watch,
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
      watch.requireAlive();
      Thread.sleep(MemberWatch.POLL_MS);
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
