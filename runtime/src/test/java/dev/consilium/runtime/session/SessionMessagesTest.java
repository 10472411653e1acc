package dev.consilium.runtime.session;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.pattern.StatusReply;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.ledger.testing.TestConsortium;
import java.security.SecureRandom;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Test;

/** Every session message that crosses the network goes through Jackson CBOR and comes back equal. */
public class SessionMessagesTest {
  private static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Did A = CONSORTIUM.bankA.did;
  private static final Did B = CONSORTIUM.bankB.did;

  @AfterClass
  public static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  public void roundTrip_performStep_sameFields() throws Exception {
    TestProbe<Session.Command> session = testKit.createTestProbe();
    SessionParticipant.PerformStep sent = new SessionParticipant.PerformStep("s-1", "tally", A, List.of(A, B),
        "contribute", 1_000, 2_000, new byte[] {1, 2, 3}, session.getRef());
    SessionParticipant.PerformStep back = roundTrip(sent);
    assertArrayEquals(sent.input(), back.input());
    assertEquals(new SessionParticipant.PerformStep("s-1", "tally", A, List.of(A, B), "contribute", 1_000, 2_000,
        back.input(), session.getRef()), back);
  }

  @Test
  public void roundTrip_stepDoneDeclineEndedAck_sameFields() throws Exception {
    TestProbe<StatusReply<Session.StepAck>> acks = testKit.createTestProbe();
    Session.StepDone done = roundTrip(new Session.StepDone("s-1", B, "contribute", new byte[] {9}, acks.getRef()));
    assertArrayEquals(new byte[] {9}, done.output());
    assertEquals(acks.getRef(), done.replyTo());
    assertEquals(B, done.from());
    Session.Decline decline = new Session.Decline("s-1", B, "contribute", "no consent");
    assertEquals(decline, roundTrip(decline));
    SessionParticipant.SessionEnded ended = new SessionParticipant.SessionEnded("s-1", A, Outcome.REFUSED, "why");
    assertEquals(ended, roundTrip(ended));
    Session.StepAck ack = new Session.StepAck("s-1", "contribute", B);
    assertEquals(ack, roundTrip(ack));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T sent) throws Exception {
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    akka.serialization.Serializer serializer = serialization.findSerializerFor(sent);
    assertEquals("JacksonCborSerializer", serializer.getClass().getSimpleName());
    byte[] bytes = serialization.serialize(sent).get();
    return (T) serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, sent)).get();
  }
}
