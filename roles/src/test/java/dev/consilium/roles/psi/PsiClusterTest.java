package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.psi.PsiIds;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * PSI between members in separate ActorSystems clustered over TCP, every message between them serialized:
 * chunks of 64 points, so each list crosses the network in dozens of chunks, at most three in flight.
 */
public class PsiClusterTest {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(120);
  private static final PsiSettings SETTINGS = new PsiSettings(64, 3, 100_000, 8, 8, 20_000, 30_000, 180_000, 200);
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());

  private static PsiTestMembers.ThreeBanks banks;
  private static PsiTestMembers.Member a;
  private static PsiTestMembers.Member b;
  private static PsiTestMembers.Member c;

  @BeforeClass
  public static void start() {
    banks = PsiTestMembers.ThreeBanks.start(CONSORTIUM, SETTINGS);
    a = banks.a();
    b = banks.b();
    c = banks.c();
  }

  @AfterClass
  public static void stop() {
    banks.close();
  }

  @Test
  public void threeParties_partialOverlap_designatedGetExactlyTheIntersectionOthersOnlySizes() {
    Random random = new Random(11);
    List<String> all = PsiTestMembers.randomIds(random, "all", 700);
    List<String> ab = PsiTestMembers.randomIds(random, "ab", 300);
    List<String> ac = PsiTestMembers.randomIds(random, "ac", 200);
    List<String> bc = PsiTestMembers.randomIds(random, "bc", 250);
    List<String> idsA = shuffled(random, all, ab, ac, PsiTestMembers.randomIds(random, "a", 1800));
    List<String> idsB = shuffled(random, all, ab, bc, PsiTestMembers.randomIds(random, "b", 1250));
    List<String> idsC = shuffled(random, all, ac, bc, PsiTestMembers.randomIds(random, "c", 850));
    String session = "psi-three-1";
    TestProbe<PsiResult> resultB = b.joins(session, idsB);
    TestProbe<PsiResult> resultC = c.joins(session, idsC);

    TestProbe<PsiResult> resultA = a.leads(session, List.of(a.did(), b.did(), c.did()), List.of(a.did(), b.did()), idsA);

    Map<Did, Integer> sizes = Map.of(a.did(), 3000, b.did(), 2500, c.did(), 2000);
    List<String> expected = PsiIds.canonicallySorted(all);
    PsiResult.Intersection atA = intersection(resultA.receiveMessage(RESULT_TIMEOUT));
    PsiResult.Intersection atB = intersection(resultB.receiveMessage(RESULT_TIMEOUT));
    assertEquals(expected, atA.ids());
    assertEquals(expected, atB.ids());
    assertEquals(sizes, atA.sizes());
    assertEquals(sizes, atB.sizes());
    PsiResult atC = resultC.receiveMessage(RESULT_TIMEOUT);
    assertEquals(new PsiResult.SizesOnly(session, sizes), atC);
    resultA.expectNoMessage(Duration.ofMillis(300));
  }

  @Test
  public void twoParties_bothDesignated_sameListInTheSameOrder() {
    Random random = new Random(12);
    List<String> common = PsiTestMembers.randomIds(random, "both", 300);
    List<String> idsA = shuffled(random, common, PsiTestMembers.randomIds(random, "a", 700));
    List<String> idsB = shuffled(random, common, PsiTestMembers.randomIds(random, "b", 500));
    String session = "psi-two-1";
    TestProbe<PsiResult> resultB = b.joins(session, idsB);

    TestProbe<PsiResult> resultA = a.leads(session, List.of(b.did(), a.did()), List.of(a.did(), b.did()), idsA);

    List<String> expected = PsiIds.canonicallySorted(common);
    assertEquals(expected, intersection(resultA.receiveMessage(RESULT_TIMEOUT)).ids());
    assertEquals(expected, intersection(resultB.receiveMessage(RESULT_TIMEOUT)).ids());
  }

  @Test
  public void twoParties_disjointAndEmptySets_emptyIntersection() {
    String session = "psi-two-empty";
    TestProbe<PsiResult> resultC = c.joins(session, List.of());

    TestProbe<PsiResult> resultA = a.leads(session, List.of(a.did(), c.did()), List.of(a.did(), c.did()),
        List.of("x", "y", "z"));

    PsiResult.Intersection atA = intersection(resultA.receiveMessage(RESULT_TIMEOUT));
    assertEquals(List.of(), atA.ids());
    assertEquals(Map.of(a.did(), 3, c.did(), 0), atA.sizes());
    assertEquals(List.of(), intersection(resultC.receiveMessage(RESULT_TIMEOUT)).ids());
  }

  @Test
  public void partyDeclines_everyoneFailsNamingIt() {
    String session = "psi-declined-1";
    TestProbe<PsiResult> resultB = b.joins(session, List.of("1", "2"));
    c.refuses(session, "no task names this member");

    TestProbe<PsiResult> resultA = a.leads(session, List.of(a.did(), b.did(), c.did()), List.of(a.did()),
        List.of("1", "3"));

    PsiResult.Failed atA = failed(resultA.receiveMessage(RESULT_TIMEOUT));
    assertEquals(Outcome.REFUSED, atA.outcome());
    assertTrue(atA.reason(), atA.reason().contains(c.did() + " declined: no task names this member"));
    PsiResult.Failed atB = failed(resultB.receiveMessage(RESULT_TIMEOUT));
    assertEquals(Outcome.REFUSED, atB.outcome());
    assertTrue(atB.reason(), atB.reason().contains(c.did() + " declined: no task names this member"));
  }

  @Test
  public void invitedPartyWithDuplicateIds_callerHearsWhichLeaderOnlyThatTheyWereRefused() {
    String session = "psi-duplicates-1";
    TestProbe<PsiResult> resultB = b.joins(session, List.of("same", "other", "same"));

    TestProbe<PsiResult> resultA = a.leads(session, List.of(a.did(), b.did()), List.of(a.did()), List.of("same"));

    PsiResult.Failed atB = failed(resultB.receiveMessage(RESULT_TIMEOUT));
    assertEquals("this member's ids were refused: ids 0 and 2 are equal: a party's ids must be distinct",
        atB.reason());
    PsiResult.Failed atA = failed(resultA.receiveMessage(RESULT_TIMEOUT));
    assertEquals(Outcome.REFUSED, atA.outcome());
    assertTrue(atA.reason(), atA.reason().endsWith(b.did() + " declined: its ids were not acceptable"));
    assertTrue(atA.reason(), !atA.reason().contains("same"));
  }

  @Test
  public void start_leaderNotDesignated_refusedAtOnce() {
    TestProbe<PsiResult> resultA = a.leads("psi-bad-start", List.of(a.did(), b.did()), List.of(b.did()), List.of("1"));
    PsiResult.Failed failed = failed(resultA.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(new PsiResult.Failed("psi-bad-start", Outcome.REFUSED,
        "the leader " + a.did() + " must be one of the designated parties"), failed);
  }

  @Test
  public void start_sessionIdReused_refused() {
    TestProbe<PsiResult> first = a.leads("psi-reused", List.of(a.did(), b.did()), List.of(a.did()), List.of("1"));
    TestProbe<PsiResult> second = a.leads("psi-reused", List.of(a.did(), b.did()), List.of(a.did()), List.of("1"));
    PsiResult.Failed failed = failed(second.receiveMessage(Duration.ofSeconds(5)));
    assertEquals("session id psi-reused is already in use on this member", failed.reason());
    // The first is refused by b's policy, which has no answer for it.
    assertTrue(failed(first.receiveMessage(RESULT_TIMEOUT)).reason().contains("no such session here"));
  }

  private static PsiResult.Intersection intersection(PsiResult result) {
    assertTrue(String.valueOf(result), result instanceof PsiResult.Intersection);
    return (PsiResult.Intersection) result;
  }

  private static PsiResult.Failed failed(PsiResult result) {
    assertTrue(String.valueOf(result), result instanceof PsiResult.Failed);
    return (PsiResult.Failed) result;
  }

  @SafeVarargs
  private static List<String> shuffled(Random random, List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> part : parts) {
      out.addAll(part);
    }
    Collections.shuffle(out, random);
    return out;
  }
}
