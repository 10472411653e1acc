package dev.consilium.roles.psi;

import akka.actor.typed.ActorRef;
import java.util.List;
import java.util.Objects;

/** A member's answer to a {@link PsiInvitation}: take part with these ids, or refuse. */
public sealed interface PsiAnswer {
  /** Take part with {@code ids}; the result, or why the session failed, goes to {@code resultTo}. */
  static PsiAnswer join(List<String> ids, ActorRef<PsiResult> resultTo) {
    return new Join(ids, resultTo);
  }

  /** Refuse; {@code reason} is sent to the leader, so it must be fit to share. */
  static PsiAnswer refuse(String reason) {
    return new Refuse(reason);
  }

  /** Taking part. The ids are this member's private input: {@code toString} shows only their count. */
  record Join(List<String> ids, ActorRef<PsiResult> resultTo) implements PsiAnswer {
    public Join {
      Objects.requireNonNull(ids, "ids");
      Objects.requireNonNull(resultTo, "resultTo");
    }

    @Override
    public String toString() {
      return "Join[" + ids.size() + " ids, resultTo=" + resultTo + "]";
    }
  }

  /** Refusing, for a reason the leader is told. */
  record Refuse(String reason) implements PsiAnswer {
    public Refuse {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
