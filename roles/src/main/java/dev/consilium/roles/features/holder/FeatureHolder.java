package dev.consilium.roles.features.holder;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.additive.AdditiveSharing;
import dev.consilium.mpc.additive.FixedPointOverflowException;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.roles.features.aggregation.WireArrays;
import dev.consilium.roles.features.aggregation.ZCodec;
import dev.consilium.roles.features.aggregation.ZShare;
import dev.consilium.roles.features.aggregation.ZSharing;
import dev.consilium.roles.features.compute.ComputeNode;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.model.BottomModel;
import dev.consilium.roles.features.model.ModelParameters;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.roles.features.task.RoundDigest;
import dev.consilium.roles.features.task.TaskLookup;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.roles.features.task.Traffic;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.serialization.CborSerializable;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * A data holder's part in shared feature learning (DESIGN §6). For each step the task owner asks for, it
 * applies the owner's dL/dZ of its previous training step to its own weights W_i, computes Z_i = X_i·W_i
 * for the rows asked and sends one share of it to each compute node; at the end of a round it keeps a
 * checkpoint of W_i and reports the digests of what it sent and of its weights.
 *
 * <p>What it learns: which aligned rows each step covers and dL/dZ for them; never a label, Z, or another
 * party's columns. What leaves it: shares (uniformly random alone), digests, and, only in the unprotected
 * baseline that a benchmark switches on with {@code allowPlainBaseline}, Z_i itself to the owner.
 *
 * <p>Rows are aligned by PSI ({@link Aligned}) before any step; steps are idempotent by (task, attempt, step):
 * a repeated request resends the same shares and applies no gradient twice. A request of a newer attempt
 * (after a dropout) first restores the checkpoint of the round the owner resumes from.
 */
public final class FeatureHolder extends AbstractBehavior<FeatureHolder.Command> {
  public static final ProtocolKey<Command> KEY = new ProtocolKey<>("features-holder", Command.class);
  static final int MAX_TASKS = 16;
  /** Completed tasks whose final weights this holder keeps for scoring; past it the oldest goes. */
  static final int MAX_SERVED_MODELS = 16;

  public sealed interface Command {}

  /** Local: the PSI session of {@code taskId} ended with these ids, in the canonical order every party shares. */
  public record Aligned(String taskId, List<String> ids) implements Command {}

  /**
   * The owner asks for Z_i of {@code rows} (aligned positions) as step {@code step} of {@code attempt}, after
   * this holder applies {@code gradient} (dL/dZ, row-major doubles, empty for none) to its training step
   * {@code gradientStep}. A new attempt starts from the checkpoint of {@code restoreRound} (0: the initial
   * weights), sharing among {@code computeNodes}.
   */
  public record Forward(String taskId, int attempt, int restoreRound, long step, Did from, int[] rows, boolean train,
      long gradientStep, byte[] gradient, List<Did> computeNodes, boolean plain)
      implements Command, CborSerializable, FromMember {}

  /** The owner closes {@code round} after applying the last gradient: checkpoint and report the digests. */
  public record CloseRound(String taskId, int attempt, int round, Did from, long gradientStep, byte[] gradient)
      implements Command, CborSerializable, FromMember {}

  /**
   * Local: a scoring session of completed task {@code taskId} ended with these new ids: score them with the
   * model this holder kept.
   */
  public record AlignedForScoring(String taskId, List<String> ids) implements Command {}

  /**
   * The owner ended the task (or a scoring session of it): drop its rows, weights and checkpoints; with
   * {@code keepModel} (the task completed) keep only the final weights, to score new rows with later.
   */
  public record EndTask(String taskId, Did from, boolean keepModel) implements Command, CborSerializable, FromMember {}

  private record TaskFound(String taskId, Optional<TaskView> task, Optional<ActorRef<TaskOwner.Command>> owner,
      String problem) implements Command {}

  private record ComputesFound(String taskId, Map<Did, ActorRef<ComputeNode.Command>> actors, String problem)
      implements Command {}

  /** Settings of a holder, checked at start-up. */
  public record Settings(PrgAlgorithm prg, boolean allowPlainBaseline) {}

  private final ActorContext<Command> context;
  private final Did self;
  private final FeatureTable table;
  private final TaskLookup lookup;
  private final Settings settings;
  private final SecureRandom random;
  private final Traffic traffic;
  private final Map<String, HolderTask> tasks = new HashMap<>();
  /** Final weights of completed tasks, to score new rows with, oldest first. */
  private final Map<String, ModelParameters> served = new LinkedHashMap<>();
  /** The tasks in {@link #served}, for this member's PSI policy, which runs outside this actor. */
  private final Set<String> servedTasks;
  /** A task's latest step that came before this holder's alignment ended, by task. */
  private final Map<String, Forward> early = new HashMap<>();

  private FeatureHolder(ActorContext<Command> context, Did self, FeatureTable table, TaskLookup lookup,
      Settings settings, SecureRandom random, Traffic traffic, Set<String> servedTasks) {
    super(context);
    this.context = context;
    this.self = self;
    this.table = table;
    this.lookup = lookup;
    this.settings = settings;
    this.random = random;
    this.traffic = traffic;
    this.servedTasks = servedTasks;
  }

  /**
   * The holder of {@code self} with its {@code table}; it keeps {@code servedTasks} (a thread-safe set) up to
   * date with the completed tasks whose final weights it keeps.
   */
  public static Behavior<Command> create(Did self, FeatureTable table, TaskLookup lookup, Settings settings,
      SecureRandom random, Traffic traffic, Set<String> servedTasks) {
    return Behaviors.setup(context -> new FeatureHolder(context, self, table, lookup, settings, random, traffic,
        servedTasks));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Aligned.class, this::onAligned)
        .onMessage(AlignedForScoring.class, this::onAlignedForScoring)
        .onMessage(TaskFound.class, this::onTaskFound)
        .onMessage(ComputesFound.class, this::onComputesFound)
        .onMessage(Forward.class, this::onForward)
        .onMessage(CloseRound.class, this::onCloseRound)
        .onMessage(EndTask.class, this::onEndTask)
        .build();
  }

  private Behavior<Command> onAligned(Aligned aligned) {
    return align(aligned.taskId(), aligned.ids(), null);
  }

  private Behavior<Command> onAlignedForScoring(AlignedForScoring aligned) {
    ModelParameters model = served.get(aligned.taskId());
    if (model == null) {
      context.getLog().warn("Task {}: asked to score, but this holder keeps no model of it", aligned.taskId());
      return this;
    }
    return align(aligned.taskId(), aligned.ids(), model);
  }

  /** Rows aligned for a task: to train it ({@code scoringModel} null) or to score with its final weights. */
  private Behavior<Command> align(String taskId, List<String> ids, ModelParameters scoringModel) {
    if (tasks.size() >= MAX_TASKS && !tasks.containsKey(taskId)) {
      context.getLog().warn("Task {} aligned, but {} tasks are already held; ignored", taskId, MAX_TASKS);
      return this;
    }
    HolderTask task = new HolderTask(table.alignTo(ids), scoringModel);
    task.pending = early.remove(taskId);
    tasks.put(taskId, task);
    lookup.find(taskId, context, (view, owner, problem) -> new TaskFound(taskId, view, owner,
        problem));
    return this;
  }

  private Behavior<Command> onTaskFound(TaskFound found) {
    HolderTask task = tasks.get(found.taskId());
    if (task == null) {
      return this;
    }
    String problem = found.problem();
    if (problem == null && (found.task().isEmpty() || !found.task().get().holderSet().contains(self))) {
      problem = "the ledger shows no task " + found.taskId() + " naming this holder";
    }
    if (problem == null && found.owner().isEmpty()) {
      problem = "the owner of task " + found.taskId() + " is not reachable";
    }
    if (problem != null) {
      tasks.remove(found.taskId());
      context.getLog().warn("Dropped task {}: {}", found.taskId(), problem);
      return this;
    }
    TaskView view = found.task().get();
    int width = view.holderWidth(self);
    if (width != task.aligned.columnCount()) {
      tasks.remove(found.taskId());
      context.getLog().warn("Dropped task {}: it declares {} columns for this holder, the table has {}",
          found.taskId(), width, task.aligned.columnCount());
      return this;
    }
    BottomModel model = BottomModel.initial(view.spec(), view.training(), view.partyIndex(self), width);
    if (task.scoringModel != null) {
      model.restore(task.scoringModel);
    }
    task.start(view, found.owner().get(), model);
    lookup.findAll(ComputeNode.KEY, view.computeNodes(), context,
        (actors, failure) -> new ComputesFound(found.taskId(), actors, failure));
    return this;
  }

  private Behavior<Command> onComputesFound(ComputesFound found) {
    HolderTask task = tasks.get(found.taskId());
    if (task == null) {
      return this;
    }
    if (found.problem() != null) {
      context.getLog().warn("Task {}: compute nodes not all found: {}", found.taskId(), found.problem());
    }
    task.computes.putAll(found.actors());
    Forward pending = task.pending;
    task.pending = null;
    return pending == null ? this : handle(pending);
  }

  private Behavior<Command> onForward(Forward forward) {
    traffic.received("Forward", forward.gradient().length + 4L * forward.rows().length);
    return handle(forward);
  }

  private Behavior<Command> handle(Forward forward) {
    HolderTask task = tasks.get(forward.taskId());
    if (task == null) {
      // The owner learns the intersection when this holder does, so its first step may come first: it waits.
      if (early.size() < MAX_TASKS || early.containsKey(forward.taskId())) {
        early.put(forward.taskId(), forward);
      }
      return this;
    }
    if (task.view == null || (!forward.plain() && !task.computes.keySet().containsAll(forward.computeNodes()))) {
      task.pending = forward; // the latest step waits until the task is checked and its compute nodes found
      return this;
    }
    if (!forward.from().equals(task.view.owner())) {
      return this;
    }
    if (forward.attempt() < task.attempt) {
      return this;
    }
    String refusal = null;
    if (forward.attempt() > task.attempt) {
      refusal = task.startAttempt(forward.attempt(), forward.restoreRound());
    }
    if (refusal == null) {
      refusal = applyGradient(task, forward.gradientStep(), forward.gradient());
    }
    if (refusal == null && forward.step() == task.lastStep) {
      resend(task);
      return this;
    }
    if (refusal == null && forward.step() < task.lastStep) {
      return this;
    }
    if (refusal == null) {
      refusal = forwardStep(task, forward);
    }
    if (refusal != null) {
      context.getLog().warn("Task {}: refused step {}: {}", forward.taskId(), forward.step(), refusal);
      task.owner.tell(new TaskOwner.StepRefused(forward.taskId(), forward.attempt(), forward.step(), self, refusal));
    }
    return this;
  }

  private String forwardStep(HolderTask task, Forward forward) {
    if (task.scoringModel != null && forward.train()) {
      return "a scoring session of a completed task takes no training step";
    }
    if (forward.plain() && !settings.allowPlainBaseline()) {
      return "this holder does not send plaintext Z (the unprotected baseline is for benchmarks only)";
    }
    for (int row : forward.rows()) {
      if (row < 0 || row >= task.aligned.rowCount()) {
        return "row " + row + " is outside the " + task.aligned.rowCount() + " aligned rows";
      }
    }
    if (forward.rows().length == 0) {
      return "a step of no rows";
    }
    DMatrixRMaj x = task.aligned.select(forward.rows());
    DMatrixRMaj z = task.model.forward(x);
    task.lastStep = forward.step();
    task.lastX = x; // the gradient of this step applies to the same rows: kept, not gathered again
    task.lastTrain = forward.train();
    task.gradientApplied = false;
    task.lastPlain = forward.plain();
    if (forward.plain()) {
      task.lastPlainZ = WireArrays.doublesToBytes(z.data);
      task.digest.add(forward.step(), task.lastPlainZ);
      resend(task);
      return null;
    }
    List<Did> nodes = forward.computeNodes();
    if (nodes.size() < 2) {
      return "a step shared among " + nodes.size() + " compute node(s): at least 2 keep Z_i hidden";
    }
    List<ZShare> shares;
    try {
      AdditiveSharing sharing = AdditiveSharing.create(settings.prg(), nodes.size(), random);
      shares = ZSharing.split(z, task.codec, sharing, (int) (forward.step() % nodes.size()));
    } catch (FixedPointOverflowException e) {
      return "Z_i does not fit the task's fixed-point range: " + e.getMessage();
    }
    task.lastShares = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      ZShare share = shares.get(i);
      byte[] bytes = share.bytes(SecretAccess.get());
      task.lastShares.put(nodes.get(i), new ComputeNode.Share(forward.taskId(), task.attempt, forward.step(), self,
          share.rows(), share.cols(), share.seeded(), bytes));
      task.digest.add(forward.step(), bytes);
    }
    resend(task);
    return null;
  }

  private void resend(HolderTask task) {
    if (task.lastPlain) {
      traffic.sent("PlainZ", task.lastPlainZ.length);
      task.owner.tell(new TaskOwner.PlainZ(task.view.taskId(), task.attempt, task.lastStep, self,
          task.lastX.numRows, task.view.spec().outputWidth(), task.lastPlainZ));
      return;
    }
    task.lastShares.forEach((node, share) -> {
      traffic.sent("Share", share.share().length);
      task.computes.get(node).tell(share);
    });
  }

  private String applyGradient(HolderTask task, long gradientStep, byte[] gradient) {
    if (gradient.length == 0 || task.gradientApplied || gradientStep != task.lastStep || !task.lastTrain) {
      return null;
    }
    double[] values = WireArrays.bytesToDoubles(gradient);
    int k = task.view.spec().outputWidth();
    int rows = task.lastX.numRows;
    if (values.length != rows * k) {
      return "a gradient of " + values.length + " values for a step of " + rows + " rows x " + k;
    }
    DMatrixRMaj dz = DMatrixRMaj.wrap(rows, k, values);
    task.model.update(task.lastX, dz, task.view.training().learningRate());
    task.gradientApplied = true;
    return null;
  }

  private Behavior<Command> onCloseRound(CloseRound close) {
    traffic.received("CloseRound", close.gradient().length);
    HolderTask task = tasks.get(close.taskId());
    if (task == null || task.view == null || !close.from().equals(task.view.owner())
        || close.attempt() != task.attempt) {
      return this;
    }
    String refusal = applyGradient(task, close.gradientStep(), close.gradient());
    if (refusal != null) {
      task.owner.tell(new TaskOwner.StepRefused(close.taskId(), close.attempt(), -1, self, refusal));
      return this;
    }
    if (!task.checkpoints.containsKey(close.round())) {
      task.checkpoints.put(close.round(), task.model.checkpoint());
      task.roundDigests.put(close.round(), task.digest.finish());
    }
    byte[] sent = task.roundDigests.get(close.round());
    byte[] model = task.checkpoints.get(close.round()).digest().toByteArray();
    traffic.sent("RoundClosed", sent.length + model.length);
    task.owner.tell(new TaskOwner.RoundClosed(close.taskId(), close.attempt(), close.round(), self, sent, model));
    return this;
  }

  private Behavior<Command> onEndTask(EndTask end) {
    traffic.received("EndTask", 0);
    HolderTask task = tasks.get(end.taskId());
    if (task != null && task.view != null && end.from().equals(task.view.owner())) {
      tasks.remove(end.taskId());
      if (end.keepModel()) {
        // The test scoring ran under the final round's weights: those are the model the ledger registered.
        served.remove(end.taskId());
        served.put(end.taskId(), task.model.checkpoint());
        servedTasks.add(end.taskId());
        while (served.size() > MAX_SERVED_MODELS) {
          String oldest = served.keySet().iterator().next();
          served.remove(oldest);
          servedTasks.remove(oldest);
        }
      }
      context.getLog().info("Task {} ended; dropped its rows{}", end.taskId(),
          end.keepModel() ? " and kept its final weights for scoring" : " and weights");
    }
    return this;
  }

  /** What this holder keeps of one task. */
  private static final class HolderTask {
    final FeatureTable aligned;
    final ModelParameters scoringModel; // the final weights when this is a scoring session, else null
    final Map<Integer, ModelParameters> checkpoints = new HashMap<>();
    final Map<Integer, byte[]> roundDigests = new HashMap<>();
    final Map<Did, ActorRef<ComputeNode.Command>> computes = new HashMap<>();
    final RoundDigest digest = new RoundDigest();
    TaskView view;
    ActorRef<TaskOwner.Command> owner;
    BottomModel model;
    ZCodec codec;
    Forward pending;
    int attempt;
    long lastStep = -1;
    DMatrixRMaj lastX; // the rows of X the last step covered, null before the first
    boolean lastTrain;
    boolean gradientApplied;
    boolean lastPlain;
    byte[] lastPlainZ;
    Map<Did, ComputeNode.Share> lastShares = Map.of();

    HolderTask(FeatureTable aligned, ModelParameters scoringModel) {
      this.aligned = aligned;
      this.scoringModel = scoringModel;
    }

    void start(TaskView view, ActorRef<TaskOwner.Command> owner, BottomModel model) {
      this.view = view;
      this.owner = owner;
      this.model = model;
      this.codec = ZCodec.of(view.fractionBits(), view.holders().size());
      checkpoints.put(0, model.checkpoint());
    }

    /** Returns why the attempt cannot start, or null. */
    String startAttempt(int next, int restoreRound) {
      ModelParameters checkpoint = checkpoints.get(restoreRound);
      if (checkpoint == null) {
        return "no checkpoint of round " + restoreRound + " to resume from";
      }
      model.restore(checkpoint);
      // Rounds after the one resumed from were never committed: their checkpoints go.
      checkpoints.keySet().removeIf(round -> round > restoreRound);
      roundDigests.keySet().removeIf(round -> round > restoreRound);
      attempt = next;
      lastStep = -1;
      lastX = null;
      lastTrain = false;
      gradientApplied = false;
      lastShares = Map.of();
      digest.finish();
      return null;
    }
  }
}
