package dev.consilium.roles.features.alignment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.holder.FeatureHolder;
import dev.consilium.roles.features.task.TaskLookup;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.roles.psi.PsiAnswer;
import dev.consilium.roles.psi.PsiInvitation;
import dev.consilium.roles.psi.PsiPolicy;
import dev.consilium.roles.psi.PsiResult;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A holder's answer to PSI invitations: it joins only a session whose stated purpose is a task the committed
 * ledger shows running (to train) or completed with a registered model (to score new rows), led by that
 * task's owner, among exactly the task's owner and holders, with this
 * member a holder and designated; then it brings the ids of its table, and the intersection goes to its
 * {@link FeatureHolder} as the task's aligned rows. Anything else is refused with the reason, which the
 * leader sees.
 */
public final class HolderPsiPolicy implements PsiPolicy {
  private final Did self;
  private final List<String> ids;
  private final TaskLookup lookup;
  private final ActorSystem<?> system;
  private final ActorRef<PsiResult> results;
  private final Set<String> servedTasks;

  private HolderPsiPolicy(Did self, List<String> ids, TaskLookup lookup, ActorSystem<?> system,
      ActorRef<PsiResult> results, Set<String> servedTasks) {
    this.self = self;
    this.ids = ids;
    this.lookup = lookup;
    this.system = system;
    this.results = results;
    this.servedTasks = servedTasks;
  }

  /**
   * The policy of holder {@code self}, whose table has {@code ids}; results go to {@code resultsAdapter}
   * (an actor of {@link #resultsTo}); {@code servedTasks} are the completed tasks whose final weights the
   * holder still keeps, the only ones it scores for.
   */
  public static HolderPsiPolicy create(Did self, List<String> ids, TaskLookup lookup, ActorSystem<?> system,
      ActorRef<PsiResult> resultsAdapter, Set<String> servedTasks) {
    return new HolderPsiPolicy(self, List.copyOf(ids), lookup, system, resultsAdapter, servedTasks);
  }

  /** An actor that hands a task's intersection to {@code holder}; failures are only logged. */
  public static Behavior<PsiResult> resultsTo(ActorRef<FeatureHolder.Command> holder) {
    return Behaviors.receive((context, result) -> {
      String taskId = PsiAlignment.taskOfSession(result.sessionId());
      if (result instanceof PsiResult.Intersection intersection && taskId != null) {
        holder.tell(PsiAlignment.isScoringSession(result.sessionId())
            ? new FeatureHolder.AlignedForScoring(taskId, intersection.ids())
            : new FeatureHolder.Aligned(taskId, intersection.ids()));
      } else {
        context.getLog().warn("PSI session {} gave this holder no intersection: {}", result.sessionId(), result);
      }
      return Behaviors.same();
    });
  }

  @Override
  public CompletionStage<PsiAnswer> answer(PsiInvitation invitation) {
    String taskId = PsiAlignment.taskOf(invitation.purpose());
    if (taskId != null && invitation.sessionId().equals(PsiAlignment.sessionId(taskId))) {
      return lookup.runningTask(system, taskId).thenApply(task -> answer(invitation, task, "running"));
    }
    String scored = PsiAlignment.scoredTaskOf(invitation.purpose());
    if (scored != null && PsiAlignment.isScoringSession(invitation.sessionId())
        && scored.equals(PsiAlignment.taskOfSession(invitation.sessionId()))) {
      if (!servedTasks.contains(scored)) {
        return refuse("this holder keeps no model of task " + scored + " to score with");
      }
      return lookup.completedTask(system, scored).thenApply(task -> answer(invitation, task, "completed"));
    }
    return refuse("this holder joins only feature-learning alignments (purpose features:<task>, session psi:<task>;"
        + " or purpose features-score:<task>, session psi:<task>.s<n>)");
  }

  private PsiAnswer answer(PsiInvitation invitation, Optional<TaskView> task, String status) {
    return check(invitation, task, status).map(PsiAnswer::refuse).orElseGet(() -> PsiAnswer.join(ids, results));
  }

  private Optional<String> check(PsiInvitation invitation, Optional<TaskView> task, String status) {
    if (task.isEmpty()) {
      return Optional.of("the ledger shows no " + status + " task " + PsiAlignment.taskOfSession(invitation.sessionId()));
    }
    TaskView view = task.get();
    if (!view.owner().equals(invitation.leader())) {
      return Optional.of("the leader does not own task " + view.taskId());
    }
    if (!view.holderSet().contains(self)) {
      return Optional.of("this member is not a holder of task " + view.taskId());
    }
    if (!new HashSet<>(invitation.parties()).equals(new HashSet<>(PsiAlignment.parties(view)))) {
      return Optional.of("the parties are not exactly the owner and holders of task " + view.taskId());
    }
    if (!invitation.isDesignated(self)) {
      return Optional.of("this holder must learn the intersection to align its rows");
    }
    return Optional.empty();
  }

  private static CompletionStage<PsiAnswer> refuse(String reason) {
    return CompletableFuture.completedFuture(PsiAnswer.refuse(reason));
  }
}
