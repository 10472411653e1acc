package dev.consilium.roles.features.owner;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.pattern.StatusReply;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.ledger.features.ModelHash;
import dev.consilium.ledger.features.ModelRegistration;
import dev.consilium.ledger.features.PartyDigest;
import dev.consilium.ledger.features.RoundCommitment;
import dev.consilium.ledger.features.TaskEnd;
import dev.consilium.ledger.features.TaskOutcome;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.mpc.additive.FixedPointOverflowException;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.roles.features.aggregation.WireArrays;
import dev.consilium.roles.features.aggregation.ZCodec;
import dev.consilium.roles.features.aggregation.ZSharing;
import dev.consilium.roles.features.compute.ComputeNode;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.holder.FeatureHolder;
import dev.consilium.roles.features.model.Metrics;
import dev.consilium.roles.features.model.ModelParameters;
import dev.consilium.roles.features.task.RoundDigest;
import dev.consilium.roles.features.task.TaskLookup;
import dev.consilium.roles.features.task.TaskRecords;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.roles.features.task.Traffic;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.serialization.CborSerializable;
import dev.consilium.runtime.session.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.ejml.data.DMatrixRMaj;

/**
 * The task owner's part in shared feature learning (DESIGN §6): it records the task, aligns rows with the
 * holders by PSI, then drives every step: it asks the holders for Z_i of a minibatch's rows (sending the
 * previous step's dL/dZ along), takes the compute nodes' sums, reconstructs Z = ΣZ_i, runs the top model
 * and so on; each epoch is a round, committed on the ledger with the digests of what every party sent and
 * of its model. After the last round it scores the test rows through the same path under the best round's
 * parameters and registers the model.
 *
 * <p>What it learns: Z for each step's rows, never any X_i or single Z_i (with two holders or more). Failure
 * semantics (DESIGN §7): a step unanswered after its retries ends the task as timed out; a compute node lost
 * while at least {@code minComputeNodes} remain restarts the current round from the last committed one
 * with the others (a new attempt: holders restore that round's checkpoint, so the result is the one an
 * undisturbed run gives); a lost holder, or too few compute nodes left, ends the task as participant lost.
 * Every end is recorded on the ledger with its reason. One task at a time.
 */
public final class TaskOwner extends AbstractBehavior<TaskOwner.Command> {
  public static final ProtocolKey<Command> KEY = new ProtocolKey<>("features-owner", Command.class);
  /** Sends of one step before the owner gives up on it. */
  static final int MAX_SENDS_PER_STEP = 3;
  static final int SCORING_CHUNK_ROWS = 4_096;
  /**
   * Elements of Z one step may carry: its explicit share, its compute nodes' sums and its gradient are 8 bytes
   * an element, and each must fit one Artery frame (256 KiB by default) with its envelope. 24,576 elements
   * make 192 KiB.
   */
  public static final int MAX_STEP_ELEMENTS = 24_576;

  public sealed interface Command {}

  /** Local: trains {@code task} with this member's labelled {@code table}; the reply is the report. */
  public record Train(FeatureTask task, FeatureTable table, boolean plainBaseline,
      ActorRef<StatusReply<TaskReport>> replyTo) implements Command {}

  /**
   * Local: scores the rows of {@code table} (this owner's columns; labels not needed) with completed task
   * {@code taskId}'s registered model, through the same path as training: the rows are aligned with the
   * holders' by PSI, and each holder's Z_i reaches this owner only as compute nodes' sums. The reply gives
   * the ids in common and their scores.
   */
  public record Score(String taskId, FeatureTable table, ActorRef<StatusReply<ScoreReport>> replyTo)
      implements Command {}

  /** A compute node's sum of the holders' shares for one step. */
  public record SumReady(String taskId, int attempt, long step, Did from, int rows, int cols, byte[] sum)
      implements Command, CborSerializable, FromMember {
    @Override
    public String toString() {
      return "SumReady[" + taskId + ", attempt " + attempt + ", step " + step + ", from " + from + ", redacted]";
    }
  }

  /** Only in the unprotected baseline: a holder's Z_i itself. */
  public record PlainZ(String taskId, int attempt, long step, Did from, int rows, int cols, byte[] z)
      implements Command, CborSerializable, FromMember {}

  /** A party's digests for a round: what it sent, and its model (empty for a compute node). */
  public record RoundClosed(String taskId, int attempt, int round, Did from, byte[] sentDigest, byte[] modelDigest)
      implements Command, CborSerializable, FromMember {}

  /** A holder could not do a step; the reason is public. */
  public record StepRefused(String taskId, int attempt, long step, Did from, String reason)
      implements Command, CborSerializable, FromMember {}

  private record Recorded(String what, Receipt receipt, Throwable failure) implements Command {}

  private record AlignedIds(List<String> ids, Throwable failure) implements Command {}

  private record PeersFound(Map<Did, ActorRef<FeatureHolder.Command>> holders,
      Map<Did, ActorRef<ComputeNode.Command>> computes, String problem) implements Command {}

  private record StepTimeout(int attempt, long step) implements Command {}

  private record Lost(Directory.MemberLost lost) implements Command {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Did self;
  private final Alignment alignment;
  private final TaskLookup lookup;
  private final TaskRecords records;
  private final ActorRef<Directory.Command> directory;
  private final Traffic traffic;
  private Run run; // the task in progress, or null
  /** Completed tasks' registered top models, to score new rows with, oldest first. */
  private final Map<String, Served> served = new LinkedHashMap<>();

  /** A completed task this owner can score with: its view, its top model, and the scoring sessions so far. */
  private record Served(TaskView view, ModelParameters top, int sessions) {}

  static final int MAX_SERVED_MODELS = 16;

  private TaskOwner(ActorContext<Command> context, TimerScheduler<Command> timers, Did self, Alignment alignment,
      TaskLookup lookup, TaskRecords records, ActorRef<Directory.Command> directory, Traffic traffic) {
    super(context);
    this.context = context;
    this.timers = timers;
    this.self = self;
    this.alignment = alignment;
    this.lookup = lookup;
    this.records = records;
    this.directory = directory;
    this.traffic = traffic;
    directory.tell(new Directory.SubscribeLost(context.messageAdapter(Directory.MemberLost.class, Lost::new)));
  }

  public static Behavior<Command> create(Did self, Alignment alignment, TaskLookup lookup, TaskRecords records,
      ActorRef<Directory.Command> directory, Traffic traffic) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new TaskOwner(context, timers, self, alignment,
        lookup, records, directory, traffic)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Train.class, this::onTrain)
        .onMessage(Score.class, this::onScore)
        .onMessage(Recorded.class, this::onRecorded)
        .onMessage(AlignedIds.class, this::onAligned)
        .onMessage(PeersFound.class, this::onPeersFound)
        .onMessage(SumReady.class, this::onSumReady)
        .onMessage(PlainZ.class, this::onPlainZ)
        .onMessage(RoundClosed.class, this::onRoundClosed)
        .onMessage(StepRefused.class, this::onStepRefused)
        .onMessage(StepTimeout.class, this::onStepTimeout)
        .onMessage(Lost.class, this::onLost)
        .build();
  }

  private Behavior<Command> onTrain(Train train) {
    if (run != null) {
      train.replyTo().tell(StatusReply.error("this owner is already running task " + run.view.taskId()));
      return this;
    }
    if (!train.table().hasLabels()) {
      train.replyTo().tell(StatusReply.error("the owner's table " + train.table().source() + " has no labels"));
      return this;
    }
    long stepElements = (long) train.task().hyperParameters().batchSize() * train.task().model().outputWidth();
    if (stepElements > MAX_STEP_ELEMENTS) {
      train.replyTo().tell(StatusReply.error("task " + train.task().taskId() + ": batchSize x outputWidth is "
          + stepElements + "; at most " + MAX_STEP_ELEMENTS + " so that a step's shares fit one message"));
      return this;
    }
    if (train.table().columnCount() != train.task().ownerWidth()) {
      train.replyTo().tell(StatusReply.error("task " + train.task().taskId() + " declares " + train.task().ownerWidth()
          + " owner columns, the table has " + train.table().columnCount()));
      return this;
    }
    run = new Run(TaskView.of(self, train.task()), train.table(), train.plainBaseline(), train.replyTo());
    record("register-task", records.register(train.task()));
    return this;
  }

  private Behavior<Command> onScore(Score score) {
    if (run != null) {
      score.replyTo().tell(StatusReply.error("this owner is running task " + run.view.taskId()));
      return this;
    }
    Served model = served.get(score.taskId());
    if (model == null) {
      score.replyTo().tell(StatusReply.error("this owner holds no completed model of task " + score.taskId()));
      return this;
    }
    if (score.table().columnCount() != model.view().registration().ownerWidth()) {
      score.replyTo().tell(StatusReply.error("task " + score.taskId() + " takes " + model.view().registration()
          .ownerWidth() + " owner columns, the table has " + score.table().columnCount()));
      return this;
    }
    int session = model.sessions() + 1;
    served.put(score.taskId(), new Served(model.view(), model.top(), session));
    run = new Run(model.view(), score.table(), false, null);
    run.scoreReplyTo = score.replyTo();
    run.scoringModel = model.top();
    run.alignStartedNanos = System.nanoTime();
    pipe(alignment.alignForScoring(model.view(), score.table().ids(), session), AlignedIds::new);
    return this;
  }

  private Behavior<Command> onRecorded(Recorded recorded) {
    if (run == null) {
      return this;
    }
    if (recorded.failure() != null) {
      if (recorded.what().equals("end-task")) {
        context.getLog().warn("Task {}: its end was not recorded: {}", run.view.taskId(),
            recorded.failure().getMessage());
        return reply();
      }
      return end(TaskOutcome.REFUSED, recorded.what() + " refused: " + recorded.failure().getMessage(), null);
    }
    switch (recorded.what()) {
      case "register-task" -> {
        List<String> ids = run.table.ids();
        run.alignStartedNanos = System.nanoTime();
        pipe(alignment.align(run.view, ids), AlignedIds::new);
      }
      case "commit-round" -> {
        run.committing = false;
        roundCommitted();
      }
      case "register-model" -> end(TaskOutcome.COMPLETED, "trained " + run.training.lastCommittedRound()
          + " rounds; the model of round " + run.training.finalRound() + " is registered", null);
      case "end-task" -> reply();
      default -> throw new IllegalStateException("unknown record " + recorded.what());
    }
    return this;
  }

  private Behavior<Command> onAligned(AlignedIds aligned) {
    if (run == null) {
      return this;
    }
    if (aligned.failure() != null) {
      return end(TaskOutcome.REFUSED, "alignment failed: " + aligned.failure().getMessage(), null);
    }
    if (aligned.ids().size() < 2) {
      return end(TaskOutcome.REFUSED, "the parties share " + aligned.ids().size() + " ids: nothing to "
          + (run.scoring() ? "score" : "train on"), null);
    }
    run.alignedIds = aligned.ids();
    run.alignMs = (System.nanoTime() - run.alignStartedNanos) / 1_000_000;
    int chunkRows = scoringChunkRows(run.view.spec().outputWidth());
    try {
      run.training = run.scoring()
          ? OwnerTraining.forScoring(run.view, run.table.alignTo(aligned.ids()), run.scoringModel, chunkRows)
          : new OwnerTraining(run.view, run.table.alignTo(aligned.ids()), chunkRows);
    } catch (IllegalArgumentException e) {
      return end(TaskOutcome.REFUSED, "cannot train on the aligned rows: " + e.getMessage(), null);
    }
    lookup.findPeers(run.view, context, PeersFound::new);
    return this;
  }

  private Behavior<Command> onPeersFound(PeersFound found) {
    if (run == null || run.training == null || run.stepStartedNanos != 0) {
      return this;
    }
    if (found.problem() != null) {
      return end(TaskOutcome.PARTICIPANT_LOST, found.problem(), null);
    }
    run.holders.putAll(found.holders());
    run.computes.putAll(found.computes());
    run.active.addAll(run.view.computeNodes());
    run.roundStartedNanos = System.nanoTime();
    return sendNext();
  }

  /** Asks for the step due, or closes the round, or finishes the test. */
  private Behavior<Command> sendNext() {
    OwnerTraining.Step step = run.training.next();
    if (step != null) {
      run.step++;
      run.current = step;
      run.sums.clear();
      run.sends = 0;
      run.stepStartedNanos = System.nanoTime();
      DMatrixRMaj gradient = run.training.takeGradient();
      run.gradient = gradient == null ? new byte[0] : WireArrays.doublesToBytes(gradient.data);
      run.gradientStep = gradient == null ? -1 : run.lastTrainStep;
      if (step.phase() == OwnerTraining.Phase.TRAIN) {
        run.lastTrainStep = run.step;
      }
      return sendStep();
    }
    if (run.training.testComplete()) {
      return run.scoring() ? scored() : registerModel();
    }
    return closeRound();
  }

  private Behavior<Command> sendStep() {
    if (run.sends == 0) {
      // What the owner sends for a step: the rows it asks for and the gradient of the step before.
      run.digest.add(run.step, WireArrays.intsToBytes(run.current.rows()));
      run.digest.add(run.step, run.gradient);
    }
    run.sends++;
    FeatureHolder.Forward forward = new FeatureHolder.Forward(run.view.taskId(), run.attempt, run.restoreRound,
        run.step, self, run.current.rows(), run.current.phase() == OwnerTraining.Phase.TRAIN, run.gradientStep,
        run.gradient, List.copyOf(run.active), run.plain);
    run.holders.values().forEach(holder -> {
      traffic.sent("Forward", run.gradient.length + 4L * run.current.rows().length);
      holder.tell(forward);
    });
    timers.startSingleTimer(new StepTimeout(run.attempt, run.step), Duration.ofMillis(stepTimeoutMs()));
    return this;
  }

  private Behavior<Command> onSumReady(SumReady ready) {
    traffic.received("SumReady", ready.sum().length);
    if (!current(ready.taskId(), ready.attempt(), ready.step()) || run.plain || !run.active.contains(ready.from())) {
      return this;
    }
    run.sums.putIfAbsent(ready.from(), ready.sum());
    if (run.sums.size() < run.active.size()) {
      return this;
    }
    List<long[]> sums = new ArrayList<>();
    for (Did node : run.active) {
      sums.add(WireArrays.bytesToLongs(run.sums.get(node)));
    }
    DMatrixRMaj z;
    try {
      z = ZSharing.reconstruct(sums, ready.rows(), ready.cols(), run.codec());
    } catch (IllegalArgumentException | FixedPointOverflowException e) {
      return end(TaskOutcome.REFUSED, "step " + ready.step() + ": the sums do not reconstruct: " + e.getMessage(),
          null);
    }
    return stepDone(z);
  }

  private Behavior<Command> onPlainZ(PlainZ plain) {
    traffic.received("PlainZ", plain.z().length);
    if (!current(plain.taskId(), plain.attempt(), plain.step()) || !run.plain
        || !run.holders.containsKey(plain.from())) {
      return this;
    }
    run.sums.putIfAbsent(plain.from(), plain.z());
    if (run.sums.size() < run.holders.size()) {
      return this;
    }
    DMatrixRMaj z = new DMatrixRMaj(plain.rows(), plain.cols());
    for (byte[] part : run.sums.values()) {
      double[] values = WireArrays.bytesToDoubles(part);
      for (int i = 0; i < z.data.length; i++) {
        z.data[i] += values[i];
      }
    }
    return stepDone(z);
  }

  private Behavior<Command> stepDone(DMatrixRMaj z) {
    timers.cancel(new StepTimeout(run.attempt, run.step));
    if (z.numRows != run.current.rows().length || z.numCols != run.view.spec().outputWidth()) {
      return end(TaskOutcome.REFUSED, "step " + run.step + " came back " + z.numRows + " x " + z.numCols + " for "
          + run.current.rows().length + " rows", null);
    }
    run.training.accept(run.current, z);
    run.stepStartedNanos = System.nanoTime();
    return sendNext();
  }

  private Behavior<Command> closeRound() {
    run.closing = run.training.round();
    run.closed.clear();
    DMatrixRMaj gradient = run.training.takeGradient();
    byte[] bytes = gradient == null ? new byte[0] : WireArrays.doublesToBytes(gradient.data);
    long gradientStep = gradient == null ? -1 : run.lastTrainStep;
    for (ActorRef<FeatureHolder.Command> holder : run.holders.values()) {
      holder.tell(new FeatureHolder.CloseRound(run.view.taskId(), run.attempt, run.closing, self, gradientStep, bytes));
    }
    // In the unprotected baseline too: a round's commitment holds a digest from every active compute node,
    // there of nothing sent.
    for (Did node : run.active) {
      run.computes.get(node).tell(new ComputeNode.CloseRound(run.view.taskId(), run.attempt, run.closing, self));
    }
    timers.startSingleTimer(new StepTimeout(run.attempt, -run.closing), Duration.ofMillis(stepTimeoutMs()));
    return this;
  }

  private Behavior<Command> onRoundClosed(RoundClosed closed) {
    traffic.received("RoundClosed", closed.sentDigest().length + closed.modelDigest().length);
    if (run == null || !closed.taskId().equals(run.view.taskId()) || closed.attempt() != run.attempt
        || closed.round() != run.closing) {
      return this;
    }
    run.closed.putIfAbsent(closed.from(), closed);
    int expected = run.holders.size() + run.active.size();
    if (run.closed.size() < expected) {
      return this;
    }
    timers.cancel(new StepTimeout(run.attempt, -run.closing));
    List<PartyDigest> digests = new ArrayList<>();
    digests.add(PartyDigest.withModel(self, Sha256Hash.fromBytes(run.digest.finish()),
        run.training.topDigest()));
    for (RoundClosed party : run.closed.values()) {
      Sha256Hash sent = Sha256Hash.fromBytes(party.sentDigest());
      digests.add(party.modelDigest().length == 0 ? PartyDigest.withoutModel(party.from(), sent)
          : PartyDigest.withModel(party.from(), sent, Sha256Hash.fromBytes(party.modelDigest())));
    }
    // The contract takes each list sorted by DID, so that a round has exactly one encoding.
    digests.sort(Comparator.comparing(PartyDigest::party));
    run.roundDigests.put(run.closing, digests);
    double auc = run.training.validationAuc();
    RoundCommitment commitment = new RoundCommitment(run.view.taskId(), run.closing, run.alignedIds.size(),
        List.copyOf(run.active), digests, Double.isNaN(auc) ? 0 : micros(auc));
    run.committing = true;
    record("commit-round", records.commitRound(commitment));
    return this;
  }

  private void roundCommitted() {
    long millis = (System.nanoTime() - run.roundStartedNanos) / 1_000_000;
    run.training.committed();
    run.rounds.add(new TaskReport.RoundStat(run.closing, millis, run.training.validationAucs()
        .get(run.training.validationAucs().size() - 1)));
    run.closing = 0;
    if (run.training.phase() == OwnerTraining.Phase.TEST) {
      // The test runs under the final round's parameters: a new attempt restores them at the holders.
      run.attempt++;
      run.restoreRound = run.training.finalRound();
    }
    run.roundStartedNanos = System.nanoTime();
    if (run.resumePending) {
      run.resumePending = false;
      resume(run.lostWhileCommitting);
      return;
    }
    sendNext();
  }

  private Behavior<Command> registerModel() {
    double auc = Metrics.rocAuc(run.training.testScores(), run.training.testLabels());
    double ks = Metrics.ks(run.training.testScores(), run.training.testLabels());
    run.testAuc = auc;
    run.testKs = ks;
    int finalRound = run.training.finalRound();
    Sha256Hash hash = ModelHash.ofRound(run.roundDigests.get(finalRound));
    double validation = run.rounds.get(finalRound - 1).validationAuc();
    record("register-model", records.registerModel(new ModelRegistration(run.view.taskId(), finalRound, hash,
        run.training.lastCommittedRound(), Double.isNaN(validation) ? 0 : micros(validation), micros(auc),
        micros(ks))));
    return this;
  }

  private Behavior<Command> onStepRefused(StepRefused refused) {
    traffic.received("StepRefused", 0);
    if (run == null || !refused.taskId().equals(run.view.taskId()) || refused.attempt() != run.attempt
        || !run.holders.containsKey(refused.from())) {
      return this;
    }
    return end(TaskOutcome.REFUSED, refused.from() + " refused step " + refused.step() + ": " + refused.reason(), null);
  }

  private Behavior<Command> onStepTimeout(StepTimeout timeout) {
    if (run == null || run.ended || timeout.attempt() != run.attempt) {
      return this;
    }
    boolean closing = timeout.step() < 0;
    if (closing ? run.closing != -timeout.step() : timeout.step() != run.step) {
      return this;
    }
    if (!closing && run.sends < MAX_SENDS_PER_STEP) {
      context.getLog().info("Task {}: step {} unanswered after {} ms; asking again", run.view.taskId(), run.step,
          stepTimeoutMs());
      return sendStep();
    }
    return end(TaskOutcome.TIMED_OUT, (closing ? "round " + run.closing + " was not closed" : "step " + run.step
        + " was not answered") + " within " + stepTimeoutMs() + " ms, " + run.sends + " times", null);
  }

  private Behavior<Command> onLost(Lost lost) {
    if (run == null || run.ended || run.training == null) {
      return this;
    }
    Did did = lost.lost().did();
    if (run.training.testComplete()) {
      return this; // every score is in: what is left (the model's registration, the end) needs no other party
    }
    if (run.holders.containsKey(did)) {
      return end(TaskOutcome.PARTICIPANT_LOST, "holder " + did + " was lost (" + lost.lost().loss() + ")", did);
    }
    if (!run.active.remove(did)) {
      return this;
    }
    if (run.active.size() < run.view.minComputeNodes()) {
      return end(TaskOutcome.PARTICIPANT_LOST, "compute node " + did + " was lost (" + lost.lost().loss() + "); "
          + run.active.size() + " remain, the task needs " + run.view.minComputeNodes(), did);
    }
    if (run.committing) {
      // The round being committed may still land: resume from wherever the ledger then stands.
      context.getLog().info("Task {}: compute node {} lost while round {} is being committed; resuming after",
          run.view.taskId(), did, run.closing);
      run.resumePending = true;
      run.lostWhileCommitting = did;
      return this;
    }
    return resume(did);
  }

  /** Ends the round in progress and starts it again from the last committed round, with the compute nodes left. */
  private Behavior<Command> resume(Did lost) {
    context.getLog().info("Task {}: compute node {} lost; resuming from round {} with {}", run.view.taskId(), lost,
        run.training.lastCommittedRound(), run.active);
    run.closing = 0;
    timers.cancel(new StepTimeout(run.attempt, run.step));
    run.attempt++;
    run.resumes++;
    // A scoring session's holders hold only the final weights, as their round 0.
    run.restoreRound = run.scoring() ? 0 : run.training.phase() == OwnerTraining.Phase.TEST
        ? run.training.finalRound() : run.training.lastCommittedRound();
    run.training.resume();
    run.roundStartedNanos = System.nanoTime();
    return sendNext();
  }

  private Behavior<Command> end(TaskOutcome outcome, String reason, Did lostParty) {
    if (run.ended) {
      return this;
    }
    if (run.scoring()) {
      // The task itself ended long ago, on the ledger: a failed scoring session only tells its caller.
      context.getLog().info("Scoring with task {} failed: {}", run.view.taskId(), reason);
      endParties(true);
      Run failed = run;
      run = null;
      failed.scoreReplyTo.tell(StatusReply.error("scoring with task " + failed.view.taskId() + " failed: " + reason));
      return this;
    }
    run.ended = true;
    run.outcome = outcome;
    run.reason = reason;
    timers.cancelAll();
    context.getLog().info("Task {} ends {}: {}", run.view.taskId(), outcome.wireName(), reason);
    endParties(outcome == TaskOutcome.COMPLETED);
    if (outcome == TaskOutcome.COMPLETED) {
      served.remove(run.view.taskId());
      served.put(run.view.taskId(), new Served(run.view, run.training.finalParameters(), 0));
      while (served.size() > MAX_SERVED_MODELS) {
        served.remove(served.keySet().iterator().next());
      }
    }
    record("end-task", records.end(new TaskEnd(run.view.taskId(), outcome, Reasons.fit(reason),
        Optional.ofNullable(lostParty))));
    return this;
  }

  /** Tells every party the task (or scoring session) is over; holders keep the final weights if asked. */
  private void endParties(boolean keepModel) {
    for (ActorRef<FeatureHolder.Command> holder : run.holders.values()) {
      holder.tell(new FeatureHolder.EndTask(run.view.taskId(), self, keepModel));
    }
    for (ActorRef<ComputeNode.Command> node : run.computes.values()) {
      node.tell(new ComputeNode.EndTask(run.view.taskId(), self));
    }
  }

  /** Every new row is scored: the holders keep their weights for the next session, the caller gets the scores. */
  private Behavior<Command> scored() {
    timers.cancelAll();
    endParties(true);
    Run done = run;
    run = null;
    done.scoreReplyTo.tell(StatusReply.success(new ScoreReport(done.view.taskId(), done.alignedIds,
        done.training.testScores(), done.alignMs, (System.nanoTime() - done.startedNanos) / 1_000_000)));
    return this;
  }

  private Behavior<Command> reply() {
    Run ended = run;
    run = null;
    TaskReport report = new TaskReport(ended.view.taskId(), ended.outcome, ended.reason,
        ended.alignedIds == null ? 0 : ended.alignedIds.size(), ended.alignedIds == null ? List.of() : ended.alignedIds,
        List.copyOf(ended.rounds), ended.training == null ? 0 : ended.training.finalRound(),
        ended.training == null ? new int[0] : ended.training.testRows(),
        ended.training == null || ended.outcome != TaskOutcome.COMPLETED ? new double[0]
            : ended.training.testScores(), ended.testAuc, ended.testKs, ended.resumes, ended.alignMs,
        (System.nanoTime() - ended.startedNanos) / 1_000_000, traffic.snapshot());
    ended.replyTo.tell(StatusReply.success(report));
    return this;
  }

  /** Rows per scoring step for Z of width {@code outputWidth}: as many as fit {@link #MAX_STEP_ELEMENTS}. */
  static int scoringChunkRows(int outputWidth) {
    return Math.max(1, Math.min(SCORING_CHUNK_ROWS, MAX_STEP_ELEMENTS / outputWidth));
  }

  private boolean current(String taskId, int attempt, long step) {
    return run != null && !run.ended && run.current != null && taskId.equals(run.view.taskId())
        && attempt == run.attempt && step == run.step && run.closing == 0;
  }

  private long stepTimeoutMs() {
    return run.view.roundTimeoutMs();
  }

  private void record(String what, CompletionStage<Receipt> stage) {
    context.pipeToSelf(stage, (receipt, failure) -> new Recorded(what, receipt, failure));
  }

  private <T> void pipe(CompletionStage<T> stage, java.util.function.BiFunction<T, Throwable, Command> adapt) {
    context.pipeToSelf(stage, adapt::apply);
  }

  private static int micros(double fraction) {
    return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 1_000_000);
  }

  /** The task in progress. */
  private static final class Run {
    final TaskView view;
    final FeatureTable table;
    final boolean plain;
    final ActorRef<StatusReply<TaskReport>> replyTo;
    final Map<Did, ActorRef<FeatureHolder.Command>> holders = new TreeMap<>();
    final Map<Did, ActorRef<ComputeNode.Command>> computes = new TreeMap<>();
    final TreeSet<Did> active = new TreeSet<>();
    final Map<Did, byte[]> sums = new HashMap<>();
    final Map<Did, RoundClosed> closed = new TreeMap<>();
    final Map<Integer, List<PartyDigest>> roundDigests = new HashMap<>();
    final List<TaskReport.RoundStat> rounds = new ArrayList<>();
    final RoundDigest digest = new RoundDigest();
    List<String> alignedIds;
    OwnerTraining training;
    ZCodec codec;
    OwnerTraining.Step current;
    int attempt;
    int restoreRound;
    long step;
    long lastTrainStep = -1;
    long gradientStep = -1;
    byte[] gradient = new byte[0];
    int sends;
    int resumes;
    boolean committing; // a round's commitment awaits its receipt
    boolean resumePending; // a compute node was lost meanwhile: resume once the receipt came
    Did lostWhileCommitting;
    int closing;
    final long startedNanos = System.nanoTime();
    long alignStartedNanos;
    long alignMs;
    long stepStartedNanos;
    long roundStartedNanos;
    boolean ended;
    TaskOutcome outcome;
    String reason;
    double testAuc = Double.NaN;
    double testKs = Double.NaN;
    ActorRef<StatusReply<ScoreReport>> scoreReplyTo; // set for a scoring session
    ModelParameters scoringModel;

    Run(TaskView view, FeatureTable table, boolean plain, ActorRef<StatusReply<TaskReport>> replyTo) {
      this.view = view;
      this.table = table;
      this.plain = plain;
      this.replyTo = replyTo;
    }

    boolean scoring() {
      return scoreReplyTo != null;
    }

    ZCodec codec() {
      if (codec == null) {
        codec = ZCodec.of(view.fractionBits(), view.holders().size());
      }
      return codec;
    }
  }
}
