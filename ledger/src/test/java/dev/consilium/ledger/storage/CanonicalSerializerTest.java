package dev.consilium.ledger.storage;

import static dev.consilium.ledger.storage.MessageAssert.assertMentions;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import akka.actor.BootstrapSetup;
import akka.actor.ExtendedActorSystem;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.io.File;
import java.io.NotSerializableException;
import java.util.Arrays;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class CanonicalSerializerTest {
  private static ActorTestKit testKit;
  private static Serialization serialization;

  /** Implements the marker but is not registered in {@link TestStorage#types()}. */
  private record Unregistered(long value) implements CanonicalPersistent {
    @Override
    public void writeTo(CanonicalWriter writer) {
      writer.writeI64(value);
    }
  }

  @BeforeClass
  public static void startSystem() {
    // No journal use here, so the data directory is never created.
    testKit = TestStorage.startWithoutSchema("serializer", TestStorage.config(new File("/nonexistent")));
    serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
  }

  @AfterClass
  public static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @Test
  public void boundToTheMarker_writesTheCanonicalBytesUnchanged_andReadsThemBack() throws Exception {
    Tally tally = new Tally(-17, 3);
    Serializer serializer = serialization.findSerializerFor(tally);
    assertTrue(serializer.getClass().getName(), serializer instanceof CanonicalSerializer);
    assertEquals(7301, serializer.identifier());
    assertEquals(Tally.MANIFEST, Serializers.manifestFor(serializer, tally));
    byte[] bytes = serialization.serialize(tally).get();
    assertArrayEquals(tally.toCanonicalBytes(), bytes);
    assertEquals(tally, serialization.deserialize(bytes, CanonicalSerializer.IDENTIFIER, Tally.MANIFEST).get());
  }

  @Test
  public void fromBinary_unknownManifest_throwsNamingIt() {
    NotSerializableException e = assertThrows(NotSerializableException.class,
        () -> serializer().fromBinary(new Counted(1).toCanonicalBytes(), "block-appended"));
    assertMentions(e, "'block-appended'", Counted.MANIFEST, Tally.MANIFEST);
  }

  @Test
  public void fromBinary_trailingBytes_throwsNamingTheManifest() {
    byte[] bytes = Arrays.copyOf(new Counted(1).toCanonicalBytes(), 9);
    NotSerializableException e = assertThrows(NotSerializableException.class,
        () -> serializer().fromBinary(bytes, Counted.MANIFEST));
    assertMentions(e, Counted.MANIFEST, "trailing");
  }

  @Test
  public void toBinary_unregisteredType_throwsNamingTheClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer().toBinary(new Unregistered(1)));
    assertMentions(e, Unregistered.class.getName());
  }

  @Test
  public void systemWithoutCanonicalTypes_refusesAndSaysWhy() {
    ActorSystem<Void> bare = ActorSystem.create(Behaviors.empty(), "bare",
        ActorSystemSetup.create(BootstrapSetup.create(TestStorage.config(new File("/nonexistent")))));
    try {
      CanonicalSerializer serializer =
          new CanonicalSerializer((ExtendedActorSystem) Adapter.toClassic(bare));
      NotSerializableException e = assertThrows(NotSerializableException.class,
          () -> serializer.fromBinary(new byte[8], Counted.MANIFEST));
      assertMentions(e, Counted.MANIFEST, "without a CanonicalTypes setup");
    } finally {
      ActorTestKit.shutdown(bare);
    }
  }

  @Test
  public void register_manifestTwice_throws() {
    CanonicalTypes.Builder builder = CanonicalTypes.builder().register("a", Counted.class, Counted::readFrom);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.register("a", Tally.class, Tally::readFrom));
    assertMentions(e, "'a'", Counted.class.getName(), Tally.class.getName());
  }

  @Test
  public void register_classTwice_throws() {
    CanonicalTypes.Builder builder = CanonicalTypes.builder().register("a", Counted.class, Counted::readFrom);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.register("b", Counted.class, Counted::readFrom));
    assertMentions(e, "'a'", "'b'", Counted.class.getName());
  }

  @Test
  public void register_classNameAsManifest_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CanonicalTypes.builder().register(Counted.class.getName(), Counted.class, Counted::readFrom));
    assertMentions(e, Counted.class.getName(), "a-z");
  }

  private static CanonicalSerializer serializer() {
    return (CanonicalSerializer) serialization.serializerByIdentity().apply(CanonicalSerializer.IDENTIFIER);
  }
}
