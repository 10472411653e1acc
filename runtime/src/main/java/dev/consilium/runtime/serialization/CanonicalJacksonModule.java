package dev.consilium.runtime.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.hash.Sha256Hash;
import java.io.IOException;

/**
 * Jackson (de)serializers that write ledger values as one binary field holding their canonical encoding and
 * read them back through the same strict readers the ledger uses, so a malformed value from the network is
 * refused by the same checks as one read from disk. Registered in {@code akka.serialization.jackson.jackson-modules}.
 */
public final class CanonicalJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public CanonicalJacksonModule() {
    super("consilium-canonical");
    canonical(Block.class, Block::read);
    canonical(BlockHeader.class, BlockHeader::read);
    canonical(Entry.class, Entry::read);
    canonical(Did.class, Did::read);
    canonical(InclusionProof.class, InclusionProof::read);
    addSerializer(Sha256Hash.class, new JsonSerializer<>() {
      @Override
      public void serialize(Sha256Hash value, JsonGenerator generator, SerializerProvider provider)
          throws IOException {
        generator.writeBinary(value.toByteArray());
      }
    });
    addDeserializer(Sha256Hash.class, new JsonDeserializer<>() {
      @Override
      public Sha256Hash deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        byte[] bytes = parser.getBinaryValue();
        if (bytes.length != Sha256Hash.LENGTH_BYTES) {
          throw context.weirdStringException("", Sha256Hash.class,
              "a SHA-256 hash has " + Sha256Hash.LENGTH_BYTES + " bytes, got " + bytes.length);
        }
        return Sha256Hash.fromBytes(bytes);
      }
    });
  }

  private <T extends CanonicalEncodable> void canonical(Class<T> type, CanonicalDecoder<T> decoder) {
    addSerializer(type, new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeBinary(value.toCanonicalBytes());
      }
    });
    addDeserializer(type, new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        try {
          return CanonicalReader.decode(parser.getBinaryValue(), decoder);
        } catch (CanonicalFormatException e) {
          throw context.weirdStringException("", type, "malformed " + type.getSimpleName() + ": " + e.getMessage());
        }
      }
    });
  }
}
