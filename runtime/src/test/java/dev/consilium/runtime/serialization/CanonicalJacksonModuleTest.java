package dev.consilium.runtime.serialization;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.hash.Sha256Hash;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Test;

public class CanonicalJacksonModuleTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final TestConsortium consortium = new TestConsortium(new SecureRandom());

  record Carrier(Block block, Did from, Sha256Hash hash, List<Block> more) implements CborSerializable {}

  @AfterClass
  public static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  public void roundTrip_ledgerValues_keepTheirCanonicalBytes() throws Exception {
    Block genesis = consortium.genesis;
    Carrier sent = new Carrier(genesis, consortium.bankA.did, genesis.hash(), List.of(genesis, genesis));
    Carrier received = roundTrip(sent);
    assertArrayEquals(genesis.toCanonicalBytes(), received.block().toCanonicalBytes());
    assertEquals(consortium.bankA.did, received.from());
    assertEquals(genesis.hash(), received.hash());
    assertEquals(2, received.more().size());
    assertEquals(genesis.hash(), received.more().get(1).hash());
  }

  @Test
  public void deserialize_tamperedBlock_throws() throws Exception {
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    Carrier sent = new Carrier(consortium.genesis, consortium.bankA.did, consortium.genesis.hash(), List.of());
    byte[] bytes = serialization.serialize(sent).get();
    String manifest = Serializers.manifestFor(serialization.findSerializerFor(sent), sent);
    int serializerId = serialization.findSerializerFor(sent).identifier();
    // Cut the message short: the block's canonical bytes can no longer be read.
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(Exception.class, () -> serialization.deserialize(truncated, serializerId, manifest).get());
  }

  private static Carrier roundTrip(Carrier sent) throws Exception {
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    assertEquals("JacksonCborSerializer", serialization.findSerializerFor(sent).getClass().getSimpleName());
    byte[] bytes = serialization.serialize(sent).get();
    String manifest = Serializers.manifestFor(serialization.findSerializerFor(sent), sent);
    return (Carrier) serialization.deserialize(bytes, serialization.findSerializerFor(sent).identifier(), manifest)
        .get();
  }
}
