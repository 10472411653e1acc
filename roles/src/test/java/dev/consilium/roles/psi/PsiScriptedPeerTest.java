package dev.consilium.roles.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.psi.Curve25519HashToCurve;
import dev.consilium.mpc.psi.PsiPoints;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.testing.DirectoryCluster;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real member against a peer the test plays by hand over the wire protocol: bank C's PSI actor is a probe
 * registered under bank C's DID, which answers, stays silent or sends malformed chunks. Each misbehaviour
 * must end the session with a reason that names it.
 */
public class PsiScriptedPeerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long INVITE_TIMEOUT_MS = 3_000;
  private static final long CHUNK_TIMEOUT_MS = 2_000;
  private static final PsiSettings SETTINGS =
      new PsiSettings(64, 3, 100_000, 8, 8, INVITE_TIMEOUT_MS, CHUNK_TIMEOUT_MS, 60_000, 200);
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Curve25519HashToCurve HASH =
      Curve25519HashToCurve.randomOracle("consilium-psi-scripted-test".getBytes(StandardCharsets.US_ASCII));

  private static DirectoryCluster cluster;
  private static PsiTestMembers.Member a;
  private static Did c;
  private static TestProbe<PsiMember.Command> fakeC;

  @BeforeClass
  public static void start() {
    cluster = new DirectoryCluster();
    a = PsiTestMembers.start(cluster.start(CONSORTIUM.bankA, CONSORTIUM), SETTINGS);
    DirectoryCluster.Node nodeC = cluster.start(CONSORTIUM.bankC, CONSORTIUM);
    c = nodeC.member().did;
    fakeC = nodeC.testKit().createTestProbe();
    nodeC.directory().tell(new Directory.Register<>(PsiMember.KEY, fakeC.getRef()));
  }

  @AfterClass
  public static void stop() {
    cluster.close();
  }

  @Test
  public void blindRequest_wrongLength_refused() {
    TestProbe<PsiResult> result = begin("scripted-length", 100);
    a.psi().tell(new PsiMessage.BlindRequest("scripted-length", c, 0, new byte[32]));
    assertFailed(result, Outcome.REFUSED, "chunk 0 from " + c + " refused: chunk holds 1 points, expected 64");
    PsiMessage.Abort abort = await(PsiMessage.Abort.class, "scripted-length");
    assertEquals(Outcome.REFUSED, abort.outcome());
  }

  @Test
  public void blindRequest_lowOrderPoint_refused() {
    TestProbe<PsiResult> result = begin("scripted-low-order", 100);
    List<byte[]> points = points("low", 64);
    points.set(5, new byte[32]); // u = 0: the point of order 2
    a.psi().tell(new PsiMessage.BlindRequest("scripted-low-order", c, 0, PsiPoints.join(points)));
    assertFailed(result, Outcome.REFUSED,
        "chunk 0 from " + c + " refused: batch item 5: point has low order (a divisor of 8)");
  }

  @Test
  public void blindRequest_beyondTheWindow_refused() {
    TestProbe<PsiResult> result = begin("scripted-order", 1000);
    a.psi().tell(new PsiMessage.BlindRequest("scripted-order", c, 3, PsiPoints.join(points("o", 64))));
    assertFailed(result, Outcome.REFUSED, "chunk from " + c
        + " refused: chunk 3 arrived while chunk 0 was expected, with at most 3 in flight");
  }

  @Test
  public void blindRequest_repeatAnsweredAgain_conflictingRepeatRefused_outsidersIgnored() {
    String session = "scripted-repeat";
    TestProbe<PsiResult> result = begin(session, 100);
    byte[] chunk = PsiPoints.join(points("r", 64));
    a.psi().tell(new PsiMessage.BlindRequest(session, c, 0, chunk));
    PsiMessage.BlindReply first = awaitReply(session, 0);
    a.psi().tell(new PsiMessage.BlindRequest(session, c, 0, chunk));
    PsiMessage.BlindReply again = awaitReply(session, 0);
    assertArrayEquals(first.points(), again.points());
    assertEquals(64 * PsiPoints.POINT_BYTES, first.points().length);

    // Neither a member outside the consortium nor one outside the session can end it.
    Did outsider = TestConsortium.outsider(new SecureRandom()).did;
    a.psi().tell(new PsiMessage.Abort(session, outsider, Outcome.REFUSED, "not admitted"));
    a.psi().tell(new PsiMessage.Abort(session, CONSORTIUM.bankB.did, Outcome.REFUSED, "not a party"));
    result.expectNoMessage(Duration.ofMillis(500));

    a.psi().tell(new PsiMessage.BlindRequest(session, c, 0, PsiPoints.join(points("other", 64))));
    assertFailed(result, Outcome.REFUSED, "chunk from " + c + " refused: chunk 0 arrived again with different content");
  }

  @Test
  public void blindReply_wrongLength_refused() {
    String session = "scripted-reply";
    TestProbe<PsiResult> result = begin(session, 100);
    PsiMessage.BlindRequest asked = await(PsiMessage.BlindRequest.class, session);
    a.psi().tell(new PsiMessage.BlindReply(session, c, asked.index(), new byte[64]));
    assertFailed(result, Outcome.REFUSED,
        "blinded chunk " + asked.index() + " from " + c + " refused: chunk holds 2 points, expected 64");
  }

  @Test
  public void noBlinding_timesOutForEveryone() {
    String session = "scripted-silent";
    TestProbe<PsiResult> result = begin(session, 100);
    PsiResult.Failed failed = failed(result.receiveMessage(TIMEOUT));
    assertEquals(Outcome.TIMED_OUT, failed.outcome());
    assertTrue(failed.reason(), failed.reason().matches(
        java.util.regex.Pattern.quote(c.toString()) + " did not blind chunk \\d within " + CHUNK_TIMEOUT_MS + " ms"));
    assertEquals(Outcome.TIMED_OUT, await(PsiMessage.Abort.class, session).outcome());
  }

  @Test
  public void noAcceptance_timesOut() {
    String session = "scripted-no-answer";
    TestProbe<PsiResult> result = a.leads(session, parties(), List.of(a.did()), PsiTestMembers.randomIds(new Random(3), "a", 10));
    await(PsiMessage.Invite.class, session);
    PsiResult.Failed failed = failed(result.receiveMessage(TIMEOUT));
    assertEquals(Outcome.TIMED_OUT, failed.outcome());
    assertTrue(failed.reason(), failed.reason().endsWith("no acceptance from [" + c + "] within " + INVITE_TIMEOUT_MS
        + " ms"));
  }

  @Test
  public void leaderRosterWithAnotherSize_refusedByTheParty() {
    String session = "scripted-roster";
    TestProbe<PsiResult> result = a.joins(session, PsiTestMembers.randomIds(new Random(4), "a", 100));
    a.psi().tell(new PsiMessage.Invite(session, c, parties(), List.of(c), "task-x", 64, 3, 60_000));
    assertEquals(100, await(PsiMessage.Accept.class, session).items());
    a.psi().tell(new PsiMessage.Begin(session, c, sizes(7, 50)));
    assertFailed(result, Outcome.REFUSED,
        "the leader's roster is malformed: it gives this member 7 ids, not the 100 it accepted with");
  }

  @Test
  public void chunkBeforeTheRoster_keptAndBlindedOnceTheRosterComes() {
    String session = "scripted-early";
    a.joins(session, PsiTestMembers.randomIds(new Random(6), "a", 100));
    a.psi().tell(new PsiMessage.Invite(session, c, parties(), List.of(c), "task-z", 64, 3, 60_000));
    await(PsiMessage.Accept.class, session);
    // C's chunk overtakes the roster; C never sends it again.
    a.psi().tell(new PsiMessage.BlindRequest(session, c, 0, PsiPoints.join(points("early", 50))));
    a.psi().tell(new PsiMessage.Begin(session, c, sizes(100, 50)));
    PsiMessage.BlindReply reply = awaitReply(session, 0);
    assertEquals(50 * PsiPoints.POINT_BYTES, reply.points().length);
  }

  @Test
  public void leaderResultWithWrongLength_refusedByTheParty() {
    String session = "scripted-result";
    TestProbe<PsiResult> result = a.joins(session, PsiTestMembers.randomIds(new Random(5), "a", 100));
    a.psi().tell(new PsiMessage.Invite(session, c, parties(), List.of(a.did(), c), "task-y", 64, 3, 60_000));
    await(PsiMessage.Accept.class, session);
    a.psi().tell(new PsiMessage.Begin(session, c, sizes(100, 50)));
    await(PsiMessage.Began.class, session);
    // 100 positions in parts of 64 * 8: one part of 13 bytes.
    a.psi().tell(new PsiMessage.ResultPart(session, c, 0, new byte[5]));
    assertFailed(result, Outcome.REFUSED, "the leader's result is malformed: result part 0 has 5 bytes, expected 13");
  }

  /** A leads a session with the scripted C, C accepts with {@code itemsC} and takes the roster. */
  private static TestProbe<PsiResult> begin(String session, int itemsC) {
    TestProbe<PsiResult> result = a.leads(session, parties(), List.of(a.did()),
        PsiTestMembers.randomIds(new Random(session.hashCode()), "a", 200));
    await(PsiMessage.Invite.class, session);
    a.psi().tell(new PsiMessage.Accept(session, c, itemsC));
    PsiMessage.Begin begin = await(PsiMessage.Begin.class, session);
    assertEquals(sizes(200, itemsC), begin.items());
    a.psi().tell(new PsiMessage.Began(session, c));
    return result;
  }

  /** Sizes in the sessions' party order (sorted DIDs) for A and C. */
  private static List<Integer> sizes(int itemsA, int itemsC) {
    return parties().get(0).equals(a.did()) ? List.of(itemsA, itemsC) : List.of(itemsC, itemsA);
  }

  private static List<Did> parties() {
    return List.copyOf(new TreeSet<>(List.of(a.did(), c)));
  }

  private static PsiMessage.BlindReply awaitReply(String session, int index) {
    while (true) {
      PsiMessage.BlindReply reply = await(PsiMessage.BlindReply.class, session);
      if (reply.index() == index) {
        return reply;
      }
    }
  }

  /** The next message of {@code type} for {@code session} that C's probe gets; others are passed over. */
  private static <T extends PsiMessage> T await(Class<T> type, String session) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      PsiMember.Command message = fakeC.receiveMessage(Duration.ofNanos(deadline - System.nanoTime()));
      if (type.isInstance(message) && session.equals(((PsiMessage) message).sessionId())) {
        return type.cast(message);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " for " + session + " within " + TIMEOUT);
  }

  private static void assertFailed(TestProbe<PsiResult> result, Outcome outcome, String reason) {
    PsiResult.Failed failed = failed(result.receiveMessage(TIMEOUT));
    assertEquals(failed.reason(), outcome, failed.outcome());
    assertEquals(reason, failed.reason());
  }

  private static PsiResult.Failed failed(PsiResult result) {
    assertTrue(String.valueOf(result), result instanceof PsiResult.Failed);
    return (PsiResult.Failed) result;
  }

  private static List<byte[]> points(String prefix, int count) {
    List<byte[]> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(HASH.hashToCurve((prefix + i).getBytes(StandardCharsets.UTF_8)));
    }
    return points;
  }
}
