package dev.consilium.ledger.features;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * Shared feature learning, vertical federated learning (DESIGN §6). Actions, each with its payload class:
 * <ul>
 *   <li>{@code register-task} ({@link FeatureTask}), by an admitted institution, the owner, who holds the labels:
 *       its data holders (admitted institutions) and compute nodes (admitted members with role {@code compute}),
 *       none of them the owner and no compute node a holder; the model and hyper-parameters. A task id is
 *       registered once, ever.
 *   <li>{@code commit-round} ({@link RoundCommitment}), by the owner, while the task runs and before its model is
 *       registered: rounds 1, 2, ... up to the task's max epochs, each with the same aligned row count, at least
 *       the minimum of active compute nodes, and one digest per party of the round. Every party of the round
 *       must still be admitted in its role.
 *   <li>{@code register-model} ({@link ModelRegistration}), by the owner, once: the model of a committed round,
 *       named by that round's {@link ModelHash}.
 *   <li>{@code end-task} ({@link TaskEnd}): by the owner, with any outcome ({@code completed} only after
 *       register-model); or by a holder or compute node of the task, only as {@code participant-lost} naming
 *       the owner, so a task whose owner vanished still ends. Nothing is accepted for an ended task.
 * </ul>
 * Times recorded (registration, each round, the end) are block timestamps, the only clock.
 */
public final class FeaturesContract implements Contract<FeaturesState> {
  public static final String NAME = "features";
  public static final String REGISTER_TASK = "register-task";
  public static final String COMMIT_ROUND = "commit-round";
  public static final String REGISTER_MODEL = "register-model";
  public static final String END_TASK = "end-task";
  /** Bounds the state, which a snapshot carries whole; the sizes are in {@link FeaturesBounds}. */
  public static final int MAX_TASKS = 10_000;

  private final FeaturesBounds bounds;

  public FeaturesContract() {
    this(FeaturesBounds.STANDARD);
  }

  /** For tests of the bounds; every replica of one ledger must use the same. */
  FeaturesContract(FeaturesBounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FeaturesState initialState(GenesisConfig genesis) {
    return FeaturesState.empty();
  }

  public static byte[] registerTaskPayload(FeatureTask task) {
    return task.toCanonicalBytes();
  }

  public static byte[] commitRoundPayload(RoundCommitment commitment) {
    return commitment.toCanonicalBytes();
  }

  public static byte[] registerModelPayload(ModelRegistration model) {
    return model.toCanonicalBytes();
  }

  public static byte[] endTaskPayload(TaskEnd end) {
    return end.toCanonicalBytes();
  }

  /**
   * The task a payload of any features action is about: every payload starts with the task id. Throws when the
   * payload does not start with a valid one.
   */
  public static String taskIdOf(byte[] payload) throws CanonicalFormatException {
    return TaskIds.read(new CanonicalReader(payload));
  }

  @Override
  public void validate(FeaturesState state, Entry entry, ExecutionContext context)
      throws PreconditionFailedException {
    step(state, entry, context);
  }

  @Override
  public FeaturesState apply(FeaturesState state, Entry entry, ExecutionContext context) {
    try {
      TrainingTask task = step(state, entry, context);
      return entry.action().equals(REGISTER_TASK) ? state.withNew(task) : state.withUpdated(task);
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("apply called for an entry validate refused: " + e.getMessage(), e);
    }
  }

  @Override
  public FeaturesState readState(CanonicalReader reader) throws CanonicalFormatException {
    return FeaturesState.read(reader, bounds);
  }

  private TrainingTask step(FeaturesState state, Entry entry, ExecutionContext context)
      throws PreconditionFailedException {
    switch (entry.action()) {
      case REGISTER_TASK -> {
        FeatureTask task = payload(entry, FeatureTask::read, "a feature task");
        return TaskSteps.register(state, task, entry.submitter(), context, bounds);
      }
      case COMMIT_ROUND -> {
        RoundCommitment commitment = payload(entry, RoundCommitment::read, "a round commitment");
        return TaskSteps.commitRound(state, commitment, entry.submitter(), context);
      }
      case REGISTER_MODEL -> {
        ModelRegistration model = payload(entry, ModelRegistration::read, "a model registration");
        return TaskSteps.registerModel(state, model, entry.submitter());
      }
      case END_TASK -> {
        TaskEnd end = payload(entry, TaskEnd::read, "a task end");
        return TaskSteps.end(state, end, entry.submitter(), context);
      }
      default -> throw new PreconditionFailedException("features has no action '" + entry.action() + "'; its"
          + " actions are " + String.join(", ", REGISTER_TASK, COMMIT_ROUND, REGISTER_MODEL, END_TASK));
    }
  }

  private static <T> T payload(Entry entry, CanonicalDecoder<T> decoder, String what)
      throws PreconditionFailedException {
    try {
      return CanonicalReader.decode(entry.payload(), decoder);
    } catch (CanonicalFormatException e) {
      throw new PreconditionFailedException("payload of " + entry.action() + " is not " + what + ": "
          + e.getMessage());
    }
  }
}
