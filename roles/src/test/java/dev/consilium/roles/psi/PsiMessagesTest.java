package dev.consilium.roles.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
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

/** Every PSI message crosses the network: each goes through Jackson CBOR and comes back with equal fields. */
public class PsiMessagesTest {
  private static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Did A = CONSORTIUM.bankA.did;
  private static final Did B = CONSORTIUM.bankB.did;
  private static final byte[] POINTS = new byte[64];

  static {
    new SecureRandom().nextBytes(POINTS);
  }

  @AfterClass
  public static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  public void roundTrip_messagesWithoutBytes_equal() throws Exception {
    List<PsiMessage> messages = List.of(
        new PsiMessage.Invite("s-1", A, List.of(A, B), List.of(A), "task-7", 64, 4, 60_000),
        new PsiMessage.Accept("s-1", B, 3000),
        new PsiMessage.Decline("s-1", B, "no such task"),
        new PsiMessage.Begin("s-1", A, List.of(3000, 0)),
        new PsiMessage.Began("s-1", B),
        new PsiMessage.FinalAck("s-1", A, 7),
        new PsiMessage.ResultAck("s-1", B, 2),
        new PsiMessage.Abort("s-1", B, Outcome.TIMED_OUT, "late"));
    for (PsiMessage message : messages) {
      assertEquals(message, roundTrip(message));
    }
  }

  @Test
  public void roundTrip_messagesWithBytes_sameFields() throws Exception {
    PsiMessage.BlindRequest request = roundTrip(new PsiMessage.BlindRequest("s-1", A, 3, POINTS));
    assertEquals(List.of("s-1", A, 3), List.of(request.sessionId(), request.from(), request.index()));
    assertArrayEquals(POINTS, request.points());
    PsiMessage.BlindReply reply = roundTrip(new PsiMessage.BlindReply("s-1", B, 4, POINTS));
    assertEquals(B, reply.from());
    assertArrayEquals(POINTS, reply.points());
    PsiMessage.FinalChunk chunk = roundTrip(new PsiMessage.FinalChunk("s-1", B, 5, POINTS));
    assertEquals(5, chunk.index());
    assertArrayEquals(POINTS, chunk.points());
    PsiMessage.ResultPart part = roundTrip(new PsiMessage.ResultPart("s-1", A, 6, new byte[] {5, 0}));
    assertArrayEquals(new byte[] {5, 0}, part.bitmap());
  }

  @Test
  public void fullChunk_fitsTheFrameWithItsOverhead() throws Exception {
    PsiSettings settings = PsiSettings.fromConfig(ConfigFactory.load());
    byte[] full = new byte[(int) settings.chunkBytes()];
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    int size = serialization.serialize(new PsiMessage.BlindRequest("s".repeat(128), A, Integer.MAX_VALUE, full))
        .get().length;
    assertEquals(true, size - full.length < PsiSettings.MESSAGE_OVERHEAD_BYTES);
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
