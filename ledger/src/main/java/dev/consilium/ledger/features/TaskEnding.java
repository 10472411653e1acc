package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Objects;

/** How a task ended as the ledger keeps it: the {@link TaskEnd}, who submitted it, and its block's timestamp. */
public record TaskEnding(TaskEnd end, Did endedBy, long endedAtMs) implements CanonicalEncodable {
  public TaskEnding {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(endedBy, "endedBy");
  }

  static TaskEnding read(CanonicalReader reader) throws CanonicalFormatException {
    return new TaskEnding(TaskEnd.read(reader), Did.read(reader), reader.readI64());
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    end.writeTo(writer);
    endedBy.writeTo(writer);
    writer.writeI64(endedAtMs);
  }
}
