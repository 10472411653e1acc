package dev.consilium.roles.psi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who may ask this member to intersect, and with which ids: called once per invitation, on the session
 * actor's thread, so it must not block; it may read the ledger or a data store and complete later. The
 * answer must come within {@code consilium.psi.invite-timeout-ms}, or the invitation is declined as
 * unanswered (a {@link PsiAnswer.Join} that comes later gets a {@link PsiResult.Failed} while the session
 * still lingers, and nothing after). A stage that fails is a refusal whose details stay in this member's log.
 *
 * <p>A features holder, say, checks that the leader owns a task on the ledger that names this member and the
 * stated purpose, and answers with its sample ids.
 */
@FunctionalInterface
public interface PsiPolicy {
  CompletionStage<PsiAnswer> answer(PsiInvitation invitation);

  /** A policy that declines every invitation, for a member that leads sessions but never joins others'. */
  static PsiPolicy refuseAll(String reason) {
    return invitation -> CompletableFuture.completedFuture(PsiAnswer.refuse(reason));
  }
}
