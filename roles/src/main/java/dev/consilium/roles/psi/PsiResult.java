package dev.consilium.roles.psi;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import java.util.List;
import java.util.Map;

/**
 * How a session ended for this member, told to the local caller (the {@code resultTo} of
 * {@link PsiMember.Start} or of {@link PsiAnswer#join}): exactly one per session.
 */
public sealed interface PsiResult {
  String sessionId();

  /**
   * A designated party's result: the ids every party holds, in {@link dev.consilium.mpc.psi.PsiIds#CANONICAL_ORDER}
   * (the same list, in the same order, at every designated party), and every party's set size. The ids are
   * private: {@code toString} shows their count.
   */
  record Intersection(String sessionId, List<String> ids, Map<Did, Integer> sizes) implements PsiResult {
    public Intersection {
      ids = List.copyOf(ids);
      sizes = Map.copyOf(sizes);
    }

    @Override
    public String toString() {
      return "Intersection[" + sessionId + ", " + ids.size() + " ids, sizes=" + sizes + "]";
    }
  }

  /** A party that is not designated learns only that the session completed, and every party's set size. */
  record SizesOnly(String sessionId, Map<Did, Integer> sizes) implements PsiResult {
    public SizesOnly {
      sizes = Map.copyOf(sizes);
    }
  }

  /** The session ended without a result: timed out, a party lost, or refused, with the reason. */
  record Failed(String sessionId, Outcome outcome, String reason) implements PsiResult {}
}
