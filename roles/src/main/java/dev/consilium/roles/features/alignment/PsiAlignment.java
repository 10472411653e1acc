package dev.consilium.roles.features.alignment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.owner.Alignment;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.roles.psi.PsiMember;
import dev.consilium.roles.psi.PsiResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The owner's side: leads the task's PSI session through this member's PSI actor. */
public final class PsiAlignment implements Alignment {
  private static final String SESSION_PREFIX = "psi:";
  private static final String PURPOSE_PREFIX = "features:";
  private static final String SCORING_PURPOSE_PREFIX = "features-score:";
  /** Task ids are [a-z0-9-]: the dot cannot be part of one. */
  private static final String SCORING_SESSION_SEPARATOR = ".s";

  private final ActorRef<PsiMember.Command> psi;
  private final ActorSystem<?> system;
  private final Duration timeout;

  /** {@code timeout} bounds the whole session: the PSI settings' session timeout, plus a margin. */
  public PsiAlignment(ActorRef<PsiMember.Command> psi, ActorSystem<?> system, Duration timeout) {
    this.psi = psi;
    this.system = system;
    this.timeout = timeout;
  }

  /** The PSI session of a task: one per task, since a task id is registered once. */
  public static String sessionId(String taskId) {
    return SESSION_PREFIX + taskId;
  }

  /** The purpose an invitation states, which a holder checks against the ledger. */
  public static String purpose(String taskId) {
    return PURPOSE_PREFIX + taskId;
  }

  /** Session {@code session} of scoring new rows with a completed task's model. */
  public static String scoringSessionId(String taskId, int session) {
    return SESSION_PREFIX + taskId + SCORING_SESSION_SEPARATOR + session;
  }

  public static String scoringPurpose(String taskId) {
    return SCORING_PURPOSE_PREFIX + taskId;
  }

  /** The task a training alignment's purpose names, or null if it names none. */
  static String taskOf(String purpose) {
    return purpose.startsWith(PURPOSE_PREFIX) ? purpose.substring(PURPOSE_PREFIX.length()) : null;
  }

  /** The task a scoring alignment's purpose names, or null if it names none. */
  static String scoredTaskOf(String purpose) {
    return purpose.startsWith(SCORING_PURPOSE_PREFIX) ? purpose.substring(SCORING_PURPOSE_PREFIX.length()) : null;
  }

  /** The task a session id names (training or scoring), or null. */
  static String taskOfSession(String sessionId) {
    if (!sessionId.startsWith(SESSION_PREFIX)) {
      return null;
    }
    String rest = sessionId.substring(SESSION_PREFIX.length());
    int scoring = rest.indexOf(SCORING_SESSION_SEPARATOR);
    return scoring < 0 ? rest : rest.substring(0, scoring);
  }

  /** Whether a session id is a scoring session's rather than a training alignment's. */
  static boolean isScoringSession(String sessionId) {
    return sessionId.startsWith(SESSION_PREFIX) && sessionId.contains(SCORING_SESSION_SEPARATOR);
  }

  /** The parties of a task's alignment: the owner and every holder. */
  static List<Did> parties(TaskView task) {
    List<Did> parties = new ArrayList<>();
    parties.add(task.owner());
    parties.addAll(task.holders());
    return parties;
  }

  @Override
  public CompletionStage<List<String>> align(TaskView task, List<String> ownIds) {
    return intersect(task, ownIds, sessionId(task.taskId()), purpose(task.taskId()));
  }

  @Override
  public CompletionStage<List<String>> alignForScoring(TaskView task, List<String> ownIds, int session) {
    return intersect(task, ownIds, scoringSessionId(task.taskId(), session), scoringPurpose(task.taskId()));
  }

  private CompletionStage<List<String>> intersect(TaskView task, List<String> ownIds, String sessionId,
      String purpose) {
    List<Did> parties = parties(task);
    CompletionStage<PsiResult> result = AskPattern.ask(psi, replyTo -> new PsiMember.Start(sessionId,
        parties, new HashSet<>(parties), purpose, ownIds, replyTo), timeout, system.scheduler());
    return result.thenCompose(answer -> {
      if (answer instanceof PsiResult.Intersection intersection) {
        return CompletableFuture.completedFuture(intersection.ids());
      }
      String why = answer instanceof PsiResult.Failed failed ? failed.outcome() + ": " + failed.reason()
          : "this owner was not designated to learn the intersection";
      return CompletableFuture.failedFuture(new IllegalStateException("PSI session " + answer.sessionId() + " " + why));
    });
  }
}
