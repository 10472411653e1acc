package dev.consilium.roles.psi;

import dev.consilium.ledger.identity.Did;
import java.util.List;

/**
 * What a member's {@link PsiPolicy} is asked about: a session, its leader, every party (the leader and this
 * member among them), the designated parties that will learn the intersection, and the leader's stated
 * purpose (a task id, say), which the policy may check against the ledger.
 */
public record PsiInvitation(String sessionId, Did leader, List<Did> parties, List<Did> designated, String purpose) {
  public PsiInvitation {
    parties = List.copyOf(parties);
    designated = List.copyOf(designated);
  }

  /** True if {@code did} will learn the intersection. */
  public boolean isDesignated(Did did) {
    return designated.contains(did);
  }
}
