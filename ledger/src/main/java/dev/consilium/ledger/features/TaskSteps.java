package dev.consilium.ledger.features;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipState;

/**
 * The rules of each features action, as functions from the task before to the task after. Validate and apply
 * both run them, so a rule cannot be checked one way and applied another; each refusal names its rule and the
 * values that broke it. Here are the checks against the membership, the submitter and the state's bounds; the
 * rules of the task itself are {@link TrainingTask}'s, which a snapshot's reader checks too.
 */
final class TaskSteps {
  static final String INSTITUTION = "institution";
  static final String COMPUTE = "compute";

  private TaskSteps() {}

  static TrainingTask register(FeaturesState state, FeatureTask task, Did owner, ExecutionContext context,
      FeaturesBounds bounds) throws PreconditionFailedException {
    MembershipState members = context.membership();
    String taskId = task.taskId();
    if (!members.isAdmittedWithRole(owner, INSTITUTION)) {
      throw refused("only an admitted institution may register a task; " + owner + " is not one");
    }
    if (state.task(taskId).isPresent()) {
      throw refused("task " + taskId + " already exists; task ids are never reused");
    }
    if (state.size() >= bounds.maxTasks()) {
      throw refused("the features contract holds its maximum of " + bounds.maxTasks() + " tasks");
    }
    int maxEpochs = task.hyperParameters().maxEpochs();
    if ((long) state.heldRounds() + maxEpochs > bounds.maxHeldRounds()) {
      throw refused("task " + taskId + " may train " + maxEpochs + " rounds; the features contract holds or has"
          + " reserved " + state.heldRounds() + " of its maximum of " + bounds.maxHeldRounds() + " rounds");
    }
    String problem = TrainingTask.registrationProblem(task, owner);
    if (problem != null) {
      throw refused(problem);
    }
    for (Did holder : task.holderDids()) {
      if (!members.isAdmittedWithRole(holder, INSTITUTION)) {
        throw refused("data holder " + holder + " of task " + taskId + " is not an admitted institution");
      }
    }
    for (Did node : task.computeNodes()) {
      if (!members.isAdmittedWithRole(node, COMPUTE)) {
        throw refused("compute node " + node + " of task " + taskId + " is not an admitted member with role "
            + COMPUTE);
      }
    }
    return TrainingTask.registered(task, owner, context.timestampMs());
  }

  /**
   * {@code commit-round}, by the owner. Every party of the round must still be admitted in its role: a member
   * revoked mid-training stops the rounds, and the owner ends the task.
   */
  static TrainingTask commitRound(FeaturesState state, RoundCommitment commitment, Did submitter,
      ExecutionContext context) throws PreconditionFailedException {
    TrainingTask task = existing(state, commitment.taskId());
    requireOwner(task, submitter, "commit rounds of");
    require(task.roundProblem(commitment));
    MembershipState members = context.membership();
    if (!members.isAdmittedWithRole(task.owner(), INSTITUTION)) {
      throw refused("the owner " + task.owner() + " of task " + task.taskId() + " is no longer an admitted"
          + " institution");
    }
    for (Did holder : task.registration().holderDids()) {
      if (!members.isAdmittedWithRole(holder, INSTITUTION)) {
        throw refused("data holder " + holder + " of task " + task.taskId() + " is no longer an admitted"
            + " institution; round " + commitment.round() + " cannot count it");
      }
    }
    for (Did node : commitment.activeComputeNodes()) {
      if (!members.isAdmittedWithRole(node, COMPUTE)) {
        throw refused("active compute node " + node + " of task " + task.taskId() + " is no longer an admitted"
            + " member with role " + COMPUTE + "; round " + commitment.round() + " cannot count it");
      }
    }
    return task.withRound(new CommittedRound(commitment, context.timestampMs()));
  }

  static TrainingTask registerModel(FeaturesState state, ModelRegistration model, Did submitter)
      throws PreconditionFailedException {
    TrainingTask task = existing(state, model.taskId());
    requireOwner(task, submitter, "register the model of");
    require(task.modelProblem(model));
    return task.withModel(model);
  }

  static TrainingTask end(FeaturesState state, TaskEnd end, Did submitter, ExecutionContext context)
      throws PreconditionFailedException {
    TrainingTask task = existing(state, end.taskId());
    if (!context.membership().isAdmitted(submitter)) {
      throw refused("only an admitted member may end a task; " + submitter + " is not one");
    }
    require(task.endProblem(end, submitter));
    return task.ended(new TaskEnding(end, submitter, context.timestampMs()));
  }

  private static TrainingTask existing(FeaturesState state, String taskId) throws PreconditionFailedException {
    return state.task(taskId).orElseThrow(() -> refused("no task " + taskId));
  }

  private static void requireOwner(TrainingTask task, Did submitter, String verb) throws PreconditionFailedException {
    if (!task.owner().equals(submitter)) {
      throw refused("only the owner " + task.owner() + " may " + verb + " task " + task.taskId() + ", not "
          + submitter);
    }
  }

  private static void require(String problem) throws PreconditionFailedException {
    if (problem != null) {
      throw refused(problem);
    }
  }

  private static PreconditionFailedException refused(String reason) {
    return new PreconditionFailedException(reason);
  }
}
