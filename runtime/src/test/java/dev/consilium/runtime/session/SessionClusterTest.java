package dev.consilium.runtime.session;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.pattern.StatusReply;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.testing.RealLedger;
import dev.consilium.runtime.testing.Tally;
import dev.consilium.runtime.testing.DirectoryCluster;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Sessions between members in separate ActorSystems clustered over TCP, every message serialized, outcomes
 * recorded on a real ledger: bank A coordinates, bank B and the regulator take part; bank C joins for the
 * test that stops it mid-session.
 */
public class SessionClusterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final long PHASE_TIMEOUT_MS = 10_000;
  private static final SessionSettings SETTINGS = new SessionSettings(8, 8, 64, 30_000, 200, 5_000, 2);
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());

  @ClassRule public static final TemporaryFolder folder = new TemporaryFolder();
  private static RealLedger ledger;
  private static DirectoryCluster cluster;
  private static DirectoryCluster.Node bankA;
  private static DirectoryCluster.Node bankB;
  private static DirectoryCluster.Node regulator;
  private static ActorRef<SessionCoordinator.Command> coordinator;

  @BeforeClass
  public static void start() throws Exception {
    ledger = RealLedger.start(CONSORTIUM, folder.newFolder());
    cluster = new DirectoryCluster();
    bankA = cluster.start(CONSORTIUM.bankA, CONSORTIUM);
    bankB = cluster.start(CONSORTIUM.bankB, CONSORTIUM);
    regulator = cluster.start(CONSORTIUM.regulator, CONSORTIUM);
    coordinator = bankA.testKit().spawn(SessionCoordinator.create(Tally.PROTOCOL, SETTINGS, member(bankA)), "tally");
    participate(bankA, new Tally.Participant(100));
    participate(bankB, new Tally.Participant(20));
    participate(regulator, new Tally.Participant(3));
  }

  @AfterClass
  public static void stop() {
    cluster.close();
    ledger.close();
  }

  @Test
  public void session_acrossNodes_completedAndOnLedger() {
    Tally.Coordinator steps = new Tally.Coordinator();
    TestProbe<SessionResult> results = bankA.testKit().createTestProbe();
    start(Tally.plan("cluster-complete-1", bankA.member().did,
        List.of(bankA.member().did, bankB.member().did, regulator.member().did), 3, PHASE_TIMEOUT_MS), steps, results);

    SessionResult result = results.receiveMessage(TIMEOUT);

    assertEquals(Outcome.COMPLETED, result.outcome().outcome());
    assertEquals(123, steps.total());
    assertTrue(result.recordFailure().toString(), result.recorded());
    assertEquals(Outcome.COMPLETED, ledger.recorded("cluster-complete-1").orElseThrow().outcome());
  }

  @Test
  public void participantNodeStops_participantLostWithinDeadline() throws Exception {
    DirectoryCluster.Node bankC = cluster.start(CONSORTIUM.bankC, CONSORTIUM);
    CompletableFuture<String> askedC = new CompletableFuture<>();
    participate(bankC, new Tally.Participant(0) {
      @Override
      public CompletionStage<byte[]> perform(StepRequest request) {
        askedC.complete(request.sessionId());
        return new CompletableFuture<>(); // still working when its node goes down
      }
    });
    awaitAddressKnown(bankC);
    TestProbe<SessionResult> results = bankA.testKit().createTestProbe();
    start(Tally.plan("cluster-lost-1", bankA.member().did, List.of(bankB.member().did, bankC.member().did), 2,
        PHASE_TIMEOUT_MS), new Tally.Coordinator(), results);
    assertEquals("cluster-lost-1", askedC.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

    long stoppedAt = System.nanoTime();
    cluster.stop(bankC);
    SessionResult result = results.receiveMessage(Duration.ofMillis(PHASE_TIMEOUT_MS));
    long endedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);

    assertEquals(result.outcome().reason(), Outcome.PARTICIPANT_LOST, result.outcome().outcome());
    assertTrue(result.outcome().reason(), result.outcome().reason().startsWith("participant [" + bankC.member().did + "]"));
    assertEquals(Tally.CONTRIBUTE, result.outcome().phase());
    assertTrue("ended " + endedAfterMs + " ms after the stop", endedAfterMs < PHASE_TIMEOUT_MS);
    assertEquals(Outcome.PARTICIPANT_LOST, ledger.recorded("cluster-lost-1").orElseThrow().outcome());
  }

  private static void start(SessionPlan plan, CoordinatorSteps steps, TestProbe<SessionResult> results) {
    TestProbe<StatusReply<SessionCoordinator.Started>> reply = bankA.testKit().createTestProbe();
    coordinator.tell(new SessionCoordinator.Start(plan, steps, results.getRef(), reply.getRef()));
    StatusReply<SessionCoordinator.Started> started = reply.receiveMessage(TIMEOUT);
    assertTrue(started.isError() ? started.getError().getMessage() : "", started.isSuccess());
  }

  private static LocalMember member(DirectoryCluster.Node node) {
    return new LocalMember(node.member().did, node.membership(), node.directory(), ledger.submitterFor(node.member()));
  }

  private static void participate(DirectoryCluster.Node node, ParticipantSteps steps) {
    node.testKit().spawn(SessionParticipant.create(Tally.PROTOCOL, steps, SETTINGS, member(node)), "tally-participant");
  }

  /** The coordinator's directory must know where {@code node} is before it can tell that node's loss. */
  private static void awaitAddressKnown(DirectoryCluster.Node node) {
    TestProbe<Directory.MemberAt> at = bankA.testKit().createTestProbe();
    at.awaitAssert(TIMEOUT, () -> {
      bankA.directory().tell(new Directory.WhoIsAt(node.address(), at.getRef()));
      assertEquals(Optional.of(node.member().did), at.receiveMessage(TIMEOUT).did());
      return null;
    });
  }
}
