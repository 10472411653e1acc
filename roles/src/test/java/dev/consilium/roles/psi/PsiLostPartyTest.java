package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.testing.TestConsortium;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** A party's node leaves mid-session: the others end it as participant lost, naming it, well before any deadline. */
public class PsiLostPartyTest {
  private static final long CHUNK_TIMEOUT_MS = 60_000;
  private static final PsiSettings SETTINGS =
      new PsiSettings(64, 3, 100_000, 8, 8, 30_000, CHUNK_TIMEOUT_MS, 300_000, 200);
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
  public void partyNodeLeavesMidSession_othersEndItAsParticipantLost() throws Exception {
    Duration known = Duration.ofSeconds(20);
    PsiTestMembers.awaitAddressKnown(a.node(), c.node(), known);
    PsiTestMembers.awaitAddressKnown(b.node(), c.node(), known);
    Random random = new Random(21);
    String session = "psi-lost-1";
    TestProbe<PsiResult> resultB = b.joins(session, PsiTestMembers.randomIds(random, "b", 3000));
    c.joins(session, PsiTestMembers.randomIds(random, "c", 4000));

    TestProbe<PsiResult> resultA = a.leads(session, List.of(a.did(), b.did(), c.did()), List.of(a.did()),
        PsiTestMembers.randomIds(random, "a", 3000));
    c.askedAbout(session).get(30, TimeUnit.SECONDS);
    Thread.sleep(1_000); // into the blinding
    long stoppedAt = System.nanoTime();
    banks.cluster().stop(c.node());

    for (TestProbe<PsiResult> result : List.of(resultA, resultB)) {
      PsiResult outcome = result.receiveMessage(Duration.ofSeconds(30));
      assertTrue(String.valueOf(outcome), outcome instanceof PsiResult.Failed);
      PsiResult.Failed failed = (PsiResult.Failed) outcome;
      assertEquals(failed.reason(), Outcome.PARTICIPANT_LOST, failed.outcome());
      assertTrue(failed.reason(), failed.reason().contains("party " + c.did() + " "));
    }
    long endedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
    assertTrue("ended " + endedAfterMs + " ms after the stop", endedAfterMs < CHUNK_TIMEOUT_MS);
  }
}
