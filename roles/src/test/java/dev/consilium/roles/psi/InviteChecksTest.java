package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import java.security.SecureRandom;
import java.util.List;
import org.junit.Test;

public class InviteChecksTest {
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Did A = CONSORTIUM.bankA.did;
  private static final Did B = CONSORTIUM.bankB.did;
  private static final Did C = CONSORTIUM.bankC.did;
  private static final List<Did> SORTED = List.copyOf(new java.util.TreeSet<>(List.of(A, B, C)));
  private static final PsiSettings SETTINGS = new PsiSettings(64, 4, 10_000, 4, 8, 5_000, 5_000, 60_000, 200);

  @Test
  public void problem_goodInvite_none() {
    assertNull(InviteChecks.problem(invite(SORTED, List.of(A), 64, 4, 60_000), B, SETTINGS));
  }

  @Test
  public void problem_eachBadField_named() {
    assertEquals("the invitation's parties must be distinct and sorted",
        InviteChecks.problem(invite(List.of(SORTED.get(1), SORTED.get(0)), List.of(A), 64, 4, 1), B, SETTINGS));
    assertEquals("the invitation's parties must be distinct and sorted",
        InviteChecks.problem(invite(List.of(SORTED.get(0), SORTED.get(0)), List.of(A), 64, 4, 1), B, SETTINGS));
    assertEquals("this member is not among the invitation's parties",
        InviteChecks.problem(invite(sorted(A, C), List.of(A), 64, 4, 1), B, SETTINGS));
    assertEquals("the designated parties must be distinct parties, the leader among them",
        InviteChecks.problem(invite(SORTED, List.of(B), 64, 4, 1), B, SETTINGS));
    assertEquals("chunks of 65 points; this member takes 1 to 64",
        InviteChecks.problem(invite(SORTED, List.of(A), 65, 4, 1), B, SETTINGS));
    assertEquals("5 chunks in flight; this member takes 1 to 4",
        InviteChecks.problem(invite(SORTED, List.of(A), 64, 5, 1), B, SETTINGS));
    assertEquals("the session's deadline must be positive, was 0 ms",
        InviteChecks.problem(invite(SORTED, List.of(A), 64, 4, 0), B, SETTINGS));
    assertEquals("a session here has 2 to 4 parties, the invitation names 1",
        InviteChecks.problem(invite(List.of(B), List.of(B), 64, 4, 1), B, SETTINGS));
  }

  @Test
  public void problem_leaderNotAParty_named() {
    PsiMessage.Invite invite = new PsiMessage.Invite("s", A, sorted(B, C), List.of(A), "p", 64, 4, 1);
    assertEquals("the leader is not among the invitation's parties", InviteChecks.problem(invite, B, SETTINGS));
  }

  @Test
  public void problem_longPurpose_named() {
    PsiMessage.Invite invite = new PsiMessage.Invite("s", A, SORTED, List.of(A), "x".repeat(257), 64, 4, 1);
    assertEquals("the purpose has more than 256 chars", InviteChecks.problem(invite, B, SETTINGS));
  }

  private static PsiMessage.Invite invite(List<Did> parties, List<Did> designated, int chunk, int window, long ms) {
    return new PsiMessage.Invite("s-1", A, parties, designated, "task-1", chunk, window, ms);
  }

  private static List<Did> sorted(Did... dids) {
    return List.copyOf(new java.util.TreeSet<>(List.of(dids)));
  }
}
