package dev.consilium.runtime.session;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.pattern.StatusReply;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.session.SessionsState;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.ledger.MembershipView;
import dev.consilium.runtime.testing.LocalDirectory;
import dev.consilium.runtime.testing.RealLedger;
import dev.consilium.runtime.testing.Tally;
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
 * The session framework in one ActorSystem, with directories that need no cluster and outcomes recorded on a
 * real ledger (a replica on H2 behind the single-node block builder).
 */
public class SessionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final SessionSettings SETTINGS = new SessionSettings(2, 8, 64, 10_000, 100, 5_000, 2);
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Member A = CONSORTIUM.bankA;
  private static final Member B = CONSORTIUM.bankB;
  private static final Member C = CONSORTIUM.bankC;
  private static final Member REGULATOR = CONSORTIUM.regulator;

  @ClassRule public static final TemporaryFolder folder = new TemporaryFolder();
  private static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());
  private static RealLedger ledger;

  @BeforeClass
  public static void startLedger() throws Exception {
    ledger = RealLedger.start(CONSORTIUM, folder.newFolder());
  }

  @AfterClass
  public static void shutdown() {
    testKit.shutdownTestKit();
    ledger.close();
  }

  @Test
  public void session_everyStepDone_completedAndOnLedger() {
    Fixture f = new Fixture();
    Tally.Participant b = f.participant(B, new Tally.Participant(20));
    Tally.Participant c = f.participant(C, new Tally.Participant(22));
    Tally.Coordinator steps = new Tally.Coordinator();

    SessionResult result = f.run(Tally.plan("complete-1", A.did, List.of(B.did, C.did), 2, 3_000), steps);

    assertEquals(Outcome.COMPLETED, result.outcome().outcome());
    assertEquals("", result.outcome().reason());
    assertEquals(42, steps.total());
    assertTrue(result.recordFailure().toString(), result.recorded());
    SessionsState.Recorded recorded = ledger.recorded("complete-1").orElseThrow();
    assertEquals(Outcome.COMPLETED, recorded.outcome());
    assertEquals(Tally.CONFIRM, recorded.phase());
    assertEquals(A.did, recorded.recordedBy());
    assertEquals(result.receipt().get().height(), recorded.height());
    assertEquals(2, b.performed.get());
    assertEquals(2, c.performed.get());
  }

  @Test
  public void stepDone_sentTwice_acknowledgedTwiceCheckedOnce() {
    Fixture f = new Fixture();
    TestProbe<SessionParticipant.Command> b = f.probeParticipant(B);
    f.participant(C, new Tally.Participant(1));
    Tally.Coordinator steps = new Tally.Coordinator();
    ActorRef<Session.Command> session = f.start(Tally.plan("duplicate-1", A.did, List.of(B.did, C.did), 2, 3_000),
        steps);

    SessionParticipant.PerformStep asked = b.expectMessageClass(SessionParticipant.PerformStep.class, TIMEOUT);
    TestProbe<StatusReply<Session.StepAck>> acks = testKit.createTestProbe();
    for (int i = 0; i < 2; i++) {
      session.tell(new Session.StepDone(asked.sessionId(), B.did, Tally.CONTRIBUTE, Tally.encode(41), acks.getRef()));
      assertEquals(new Session.StepAck("duplicate-1", Tally.CONTRIBUTE, B.did), acks.receiveMessage(TIMEOUT).getValue());
    }
    // Once C contributed too, the confirm phase asks B; a late retry of its first step changes nothing either.
    SessionParticipant.PerformStep confirm = asked;
    while (!confirm.phase().equals(Tally.CONFIRM)) { // skips the retries of the first request
      confirm = b.expectMessageClass(SessionParticipant.PerformStep.class, TIMEOUT);
    }
    assertEquals(42, Tally.decode(confirm.input()));
    session.tell(new Session.StepDone("duplicate-1", B.did, Tally.CONTRIBUTE, Tally.encode(99), acks.getRef()));
    assertTrue(acks.receiveMessage(TIMEOUT).isSuccess());
    session.tell(new Session.StepDone("duplicate-1", B.did, Tally.CONFIRM, confirm.input(), acks.getRef()));
    assertTrue(acks.receiveMessage(TIMEOUT).isSuccess());

    SessionResult result = f.results.receiveMessage(TIMEOUT);
    assertEquals(Outcome.COMPLETED, result.outcome().outcome());
    assertEquals(1, steps.checks.get(B.did + "/" + Tally.CONTRIBUTE).get());
    assertEquals(42, steps.total());
  }

  @Test
  public void participant_askedTwice_performsOnceAnswersTwice() {
    Fixture f = new Fixture();
    Tally.Participant steps = new Tally.Participant(7);
    ActorRef<SessionParticipant.Command> b = testKit.spawn(
        SessionParticipant.create(Tally.PROTOCOL, steps, SETTINGS, f.member(B)));
    TestProbe<Session.Command> session = testKit.createTestProbe();
    SessionParticipant.PerformStep ask = new SessionParticipant.PerformStep("twice-1", Tally.PROTOCOL, A.did,
        List.of(B.did, C.did), Tally.CONTRIBUTE, 1_000, 2_000, new byte[0], session.getRef());
    for (int i = 0; i < 2; i++) {
      b.tell(ask); // the second time, the step is done: it is answered again, not performed again
      Session.StepDone done = session.expectMessageClass(Session.StepDone.class, TIMEOUT);
      assertEquals(7, Tally.decode(done.output()));
      assertEquals(B.did, done.from());
    }
    assertEquals(1, steps.performed.get());
    b.tell(new SessionParticipant.SessionEnded("twice-1", A.did, Outcome.COMPLETED, ""));
    session.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  public void phase_deadlinePasses_timedOutRecordedNamingTheLateParty() {
    Fixture f = new Fixture();
    f.participant(B, new Tally.Participant(1));
    f.probeParticipant(C); // asked, never answers

    SessionResult result = f.run(Tally.plan("late-1", A.did, List.of(B.did, C.did), 2, 300), new Tally.Coordinator());

    assertEquals(Outcome.TIMED_OUT, result.outcome().outcome());
    assertEquals(Tally.CONTRIBUTE, result.outcome().phase());
    assertTrue(result.outcome().reason(), result.outcome().reason().contains(C.did + "] no step in phase contribute within 300 ms"));
    assertEquals(Outcome.TIMED_OUT, ledger.recorded("late-1").orElseThrow().outcome());
  }

  @Test
  public void participant_declines_refusedRecordedWithItsReason() {
    Fixture f = new Fixture();
    f.participant(B, new Tally.Participant(1));
    f.participant(C, new Tally.Participant(1) {
      @Override
      public CompletionStage<byte[]> perform(StepRequest request) {
        return CompletableFuture.failedFuture(new StepRefusedException("no consent for this inquiry"));
      }
    });

    SessionResult result = f.run(Tally.plan("refused-1", A.did, List.of(B.did, C.did), 2, 3_000), new Tally.Coordinator());

    assertEquals(Outcome.REFUSED, result.outcome().outcome());
    assertTrue(result.outcome().reason(), result.outcome().reason().endsWith("declined in phase contribute: no consent for this inquiry"));
    assertEquals(Outcome.REFUSED, ledger.recorded("refused-1").orElseThrow().outcome());
  }

  @Test
  public void coordinator_refusesStep_refusedRecorded() {
    Fixture f = new Fixture();
    f.participant(B, new Tally.Participant(1));
    f.participant(C, new Tally.Participant(1) {
      @Override
      public CompletionStage<byte[]> perform(StepRequest request) {
        return CompletableFuture.completedFuture(new byte[3]);
      }
    });

    SessionResult result = f.run(Tally.plan("bad-step-1", A.did, List.of(B.did, C.did), 2, 3_000), new Tally.Coordinator());

    assertEquals(Outcome.REFUSED, result.outcome().outcome());
    assertEquals("step of " + C.did + " refused: a tally output is 8 bytes, got 3", result.outcome().reason());
    assertTrue(result.recorded());
  }

  @Test
  public void participant_lost_participantLostRecorded() {
    Fixture f = new Fixture();
    f.participant(B, new Tally.Participant(1));
    f.probeParticipant(C);
    f.start(Tally.plan("lost-1", A.did, List.of(B.did, C.did), 2, 5_000), new Tally.Coordinator());

    f.lose(C.did, Directory.Loss.UNREACHABLE);

    SessionResult result = f.results.receiveMessage(TIMEOUT);
    assertEquals(Outcome.PARTICIPANT_LOST, result.outcome().outcome());
    assertEquals("participant [" + C.did + "] became unreachable in phase contribute", result.outcome().reason());
    assertEquals(Outcome.PARTICIPANT_LOST, ledger.recorded("lost-1").orElseThrow().outcome());
  }

  @Test
  public void participant_lostWhileMinimumRemains_completedWithoutIt() {
    Fixture f = new Fixture();
    f.participant(B, new Tally.Participant(1));
    f.participant(REGULATOR, new Tally.Participant(2));
    f.probeParticipant(C);
    Tally.Coordinator steps = new Tally.Coordinator();
    f.start(Tally.plan("reshape-1", A.did, List.of(B.did, C.did, REGULATOR.did), 2, 5_000), steps);

    f.lose(C.did, Directory.Loss.LEFT);

    SessionResult result = f.results.receiveMessage(TIMEOUT);
    assertEquals(Outcome.COMPLETED, result.outcome().outcome());
    assertTrue(result.outcome().reason(), result.outcome().reason().startsWith("completed without {" + C.did + "=left"));
    assertEquals(3, steps.total());
  }

  @Test
  public void coordinator_lost_participantRecordsParticipantLost() throws Exception {
    Fixture f = new Fixture();
    CompletableFuture<String> asked = new CompletableFuture<>();
    Tally.Participant steps = new Tally.Participant(5) {
      @Override
      public CompletionStage<byte[]> perform(StepRequest request) {
        asked.complete(request.phase());
        return new CompletableFuture<>(); // still working when the coordinator goes
      }
    };
    ActorRef<SessionParticipant.Command> b = testKit.spawn(
        SessionParticipant.create(Tally.PROTOCOL, steps, SETTINGS, f.member(B)));
    ActorRef<Directory.MemberLost> subscriber = f.subscribers.receiveMessage(TIMEOUT);
    TestProbe<Session.Command> session = testKit.createTestProbe();
    b.tell(new SessionParticipant.PerformStep("orphan-1", Tally.PROTOCOL, A.did, List.of(B.did, C.did),
        Tally.CONTRIBUTE, 5_000, 10_000, new byte[0], session.getRef()));
    assertEquals(Tally.CONTRIBUTE, asked.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

    subscriber.tell(new Directory.MemberLost(A.did, Directory.Loss.REMOVED));

    SessionsState.Recorded recorded = session.awaitAssert(TIMEOUT,
        () -> ledger.recorded("orphan-1").orElseThrow(() -> new AssertionError("not recorded yet")));
    assertEquals(Outcome.PARTICIPANT_LOST, recorded.outcome());
    assertEquals(B.did, recorded.recordedBy());
    assertEquals(Optional.of(Outcome.PARTICIPANT_LOST), steps.ended.get("orphan-1"));
  }

  @Test
  public void start_badRequests_refusedNamingWhy() {
    Fixture f = new Fixture();
    f.probeParticipant(B);
    f.probeParticipant(C);
    List<Did> bc = List.of(B.did, C.did);
    assertStartRefused(f, Tally.plan("bad-1", B.did, bc, 2, 1_000), "names " + B.did + " as coordinator");
    assertStartRefused(f, Tally.plan("bad-2", A.did, List.of(B.did, TestConsortium.outsider(new SecureRandom()).did),
        2, 1_000), "is not an admitted member");
    assertStartRefused(f, Tally.plan("bad-3", A.did, bc, 2, 20_000), "max-phase-timeout-ms is 10000");
    f.start(Tally.plan("busy-1", A.did, bc, 2, 5_000), new Tally.Coordinator());
    assertStartRefused(f, Tally.plan("busy-1", A.did, bc, 2, 1_000), "session busy-1 is already running");
    f.start(Tally.plan("busy-2", A.did, bc, 2, 5_000), new Tally.Coordinator());
    assertStartRefused(f, Tally.plan("busy-3", A.did, bc, 2, 1_000), "max-sessions is 2");
  }

  private static void assertStartRefused(Fixture f, SessionPlan plan, String expected) {
    TestProbe<StatusReply<SessionCoordinator.Started>> reply = testKit.createTestProbe();
    f.coordinator.tell(new SessionCoordinator.Start(plan, new Tally.Coordinator(), f.results.getRef(), reply.getRef()));
    StatusReply<SessionCoordinator.Started> answer = reply.receiveMessage(TIMEOUT);
    assertFalse(answer.isSuccess());
    assertTrue(answer.getError().getMessage(), answer.getError().getMessage().contains(expected));
  }

  /** Bank A coordinating tally sessions, with whichever participants a test adds. */
  private static final class Fixture {
    final TestProbe<ActorRef<Directory.MemberLost>> subscribers = testKit.createTestProbe();
    final LocalDirectory directory = new LocalDirectory(subscribers.getRef());
    final TestProbe<SessionResult> results = testKit.createTestProbe();
    final ActorRef<SessionCoordinator.Command> coordinator;
    final ActorRef<Directory.MemberLost> coordinatorSubscriber;

    Fixture() {
      coordinator = testKit.spawn(SessionCoordinator.create(Tally.PROTOCOL, SETTINGS, member(A)));
      coordinatorSubscriber = subscribers.receiveMessage(TIMEOUT);
    }

    LocalMember member(Member member) {
      ActorRef<Directory.Command> own = testKit.spawn(directory.of(member.did));
      return new LocalMember(member.did, new MembershipView(CONSORTIUM.genesisState.membership()), own,
          ledger.submitterFor(member));
    }

    <T extends ParticipantSteps> T participant(Member member, T steps) {
      testKit.spawn(SessionParticipant.create(Tally.PROTOCOL, steps, SETTINGS, member(member)));
      subscribers.receiveMessage(TIMEOUT); // the participant's own subscription
      return steps;
    }

    TestProbe<SessionParticipant.Command> probeParticipant(Member member) {
      TestProbe<SessionParticipant.Command> probe = testKit.createTestProbe();
      directory.put(SessionParticipant.key(Tally.PROTOCOL), member.did, probe.getRef());
      return probe;
    }

    ActorRef<Session.Command> start(SessionPlan plan, CoordinatorSteps steps) {
      TestProbe<StatusReply<SessionCoordinator.Started>> reply = testKit.createTestProbe();
      coordinator.tell(new SessionCoordinator.Start(plan, steps, results.getRef(), reply.getRef()));
      StatusReply<SessionCoordinator.Started> started = reply.receiveMessage(TIMEOUT);
      assertTrue(started.isError() ? started.getError().getMessage() : "", started.isSuccess());
      return started.getValue().session();
    }

    SessionResult run(SessionPlan plan, CoordinatorSteps steps) {
      start(plan, steps);
      return results.receiveMessage(TIMEOUT);
    }

    void lose(Did did, Directory.Loss loss) {
      coordinatorSubscriber.tell(new Directory.MemberLost(did, loss));
    }
  }
}
