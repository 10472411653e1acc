package dev.consilium.simulator.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.psi.PsiIds;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.model.BottomModel;
import dev.consilium.roles.features.model.CentralizedTrainer;
import dev.consilium.roles.features.model.TopModel;
import dev.consilium.roles.features.model.TrainingResult;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.runtime.identity.IdentityException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The feature-learning simulation driver: sets the consortium up, starts its members, gives the start signal,
 * waits for the owner's task to end (aligned by PSI, trained, the test rows scored, the model registered),
 * waits for every copy of the ledger to agree, stops the members and verifies every copy offline. Then, in
 * this process, it trains the same model centrally on the joined rows (same architecture, initial weights,
 * split and minibatch order) as the reference, and compares: the run passes only if the federated test AUC
 * is within {@link FeaturesReport#MAX_AUC_GAP} of the centralized one and every federated score within
 * {@link FeaturesReport#MAX_SCORE_GAP} of its centralized twin.
 */
public final class FeaturesSimulation {
  private static final long START_DELAY_MS = 1_000;

  private final FeaturesPlan plan;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper();

  public FeaturesSimulation(FeaturesPlan plan, PrintStream err) {
    this.plan = plan;
    this.err = err;
  }

  public FeaturesReport run() throws IOException, InterruptedException, IdentityException {
    Path root = plan.workDir().isPresent() ? plan.workDir().get()
        : Files.createTempDirectory("consilium-features-");
    WorkDir dir = new WorkDir(root);
    Files.createDirectories(root);
    SimulationLog.redirectTo(root.resolve("simulate.log"));
    err.println("simulate features: setting up an owner, a holder, two compute nodes and a regulator in " + root);
    FeaturesSetup.create(dir, plan);
    FeaturesReport.Builder report = new FeaturesReport.Builder(plan, root);
    List<String> members = FeaturesSetup.members(plan);
    MemberProcesses processes = plan.inProcess() ? new InProcessMembers(dir) : new SeparateJvms(dir);
    MemberWatch watch = new MemberWatch(dir, members, processes, err);
    FeaturesResult result = null;
    try {
      err.println("simulate features: starting " + members.size() + " members " + (plan.inProcess() ? "in this JVM"
          : "in one JVM each"));
      for (String member : members) {
        processes.start(member);
      }
      watch.awaitFormed();
      Files.writeString(dir.go(), String.valueOf(System.currentTimeMillis() + START_DELAY_MS), StandardCharsets.UTF_8);
      result = awaitResult(dir, watch, processes);
      if (result == null) {
        report.problem("the owner's task did not end within " + FeaturesSetup.featuresTimeoutMs(plan) / 1000 + " s");
      }
      List<String> remaining = new ArrayList<>(members);
      plan.kill().ifPresent(kill -> remaining.remove(kill.member()));
      new MemberWatch(dir, remaining, processes, err).converge().ifPresent(report::problem);
    } finally {
      err.println("simulate features: stopping the members");
      processes.close();
    }
    for (String member : members) {
      try {
        MemberWatch.VerifiedCopy copy = watch.verifyCopy(member);
        report.copy(member, copy.height(), copy.hash());
      } catch (IllegalStateException e) {
        report.problem(e.getMessage());
      }
      Path traffic = FeaturesSetup.traffic(dir, member);
      if (Files.exists(traffic)) {
        report.traffic(json.readValue(Files.readAllBytes(traffic), FeaturesResult.Traffic.class));
      }
    }
    if (result != null && result.outcome().equals("completed")) {
      report.federated(result);
      err.println("simulate features: training the centralized reference");
      try {
        TaskView view = taskView(dir);
        TrainingResult reference = centralized(dir, view, result);
        report.centralized(reference);
        if (!result.scoredIds().isEmpty()) {
          report.centralizedInference(centralizedScores(dir, view, result.scoredIds(), reference));
        }
      } catch (IllegalStateException | IllegalArgumentException e) {
        report.problem("the centralized reference: " + e.getMessage());
      }
    }
    if (result != null && !result.outcome().equals("completed")) {
      report.federated(result);
    }
    FeaturesReport done = report.build();
    if (!plan.keep() && done.passed()) {
      MemberWatch.deleteTree(root);
    }
    return done;
  }

  /** Waits for the owner's result, showing each committed round as it comes; null if it never came. */
  private FeaturesResult awaitResult(WorkDir dir, MemberWatch watch, MemberProcesses processes)
      throws IOException, InterruptedException {
    long giveUpAt = System.currentTimeMillis() + FeaturesSetup.featuresTimeoutMs(plan);
    Path file = FeaturesSetup.result(dir);
    boolean killed = false;
    while (System.currentTimeMillis() < giveUpAt) {
      if (Files.exists(file)) {
        return json.readValue(Files.readAllBytes(file), FeaturesResult.class);
      }
      if (plan.kill().isPresent() && !killed && committedRounds(dir) >= plan.kill().get().afterRound()) {
        String member = plan.kill().get().member();
        err.println("simulate features: losing " + member + (plan.inProcess() ? " (its node leaves at once)"
            : " (kill -9)") + " after round " + plan.kill().get().afterRound());
        if (plan.inProcess()) {
          processes.stop(member);
        } else {
          processes.kill(member);
        }
        killed = true;
      }
      if (!killed) {
        watch.requireAlive();
      }
      Thread.sleep(MemberWatch.POLL_MS);
    }
    return null;
  }

  /** Rounds the owner has committed so far, from the owner's traffic (one digest per round from each holder). */
  private int committedRounds(WorkDir dir) throws IOException {
    Path traffic = FeaturesSetup.traffic(dir, FeaturesSetup.OWNER);
    if (!Files.exists(traffic)) {
      return 0;
    }
    try {
      FeaturesResult.Traffic owner = json.readValue(Files.readAllBytes(traffic), FeaturesResult.Traffic.class);
      // The holder and each compute node send one RoundClosed per round.
      long closed = owner.receivedMessages().getOrDefault("RoundClosed", 0L);
      return (int) (closed / (1 + plan.computeNodes()));
    } catch (IOException e) {
      return 0; // being replaced
    }
  }

  /**
   * The reference: the same task trained in one process on the rows both sides hold, in the canonical id
   * order the PSI gives, so row r is the same sample in both runs.
   */
  private TrainingResult centralized(WorkDir dir, TaskView view, FeaturesResult federated) throws IOException {
    FeatureTable owner = FeatureTable.read(FeaturesSetup.table(dir, FeaturesSetup.OWNER));
    FeatureTable holder = FeatureTable.read(FeaturesSetup.table(dir, FeaturesSetup.HOLDER));
    Set<String> holderIds = new HashSet<>(holder.ids());
    List<String> common = new ArrayList<>();
    for (String id : owner.ids()) {
      if (holderIds.contains(id)) {
        common.add(id);
      }
    }
    List<String> aligned = PsiIds.canonicallySorted(common);
    if (!aligned.equals(federated.alignedIds())) {
      throw new IllegalStateException("the PSI's aligned ids (" + federated.alignedIds().size()
          + ") are not the intersection of the two tables (" + aligned.size() + ")");
    }
    FeatureTable ownerRows = owner.alignTo(aligned);
    FeatureTable holderRows = holder.alignTo(aligned);
    return CentralizedTrainer.train(ownerRows.features(), ownerRows.labels(), List.of(holderRows.features()),
        view.spec(), view.training());
  }

  /** The centralized model's scores of the rows the owner scored after training, in the same order. */
  private double[] centralizedScores(WorkDir dir, TaskView view, List<String> ids, TrainingResult reference)
      throws IOException {
    FeatureTable owner = FeatureTable.read(FeaturesSetup.scoreTable(dir)).alignTo(ids);
    FeatureTable holder = FeatureTable.read(FeaturesSetup.table(dir, FeaturesSetup.HOLDER)).alignTo(ids);
    TopModel top = TopModel.initial(view.spec(), view.training(), owner.columnCount());
    top.restore(reference.top());
    BottomModel bottom = BottomModel.initial(view.spec(), view.training(), 1, holder.columnCount());
    bottom.restore(reference.bottoms().get(0));
    return top.score(bottom.forward(holder.features()), owner.features());
  }

  /** The task the owner trained, as the centralized reference trains it (the owner's DID plays no part). */
  private static TaskView taskView(WorkDir dir) throws IOException {
    try {
      FeatureTask task = CanonicalReader.decode(Files.readAllBytes(FeaturesSetup.task(dir)), FeatureTask::read);
      return TaskView.of(task.holders().get(0).did(), task);
    } catch (CanonicalFormatException e) {
      throw new IllegalStateException("the task file does not decode: " + e.getMessage(), e);
    }
  }
}
