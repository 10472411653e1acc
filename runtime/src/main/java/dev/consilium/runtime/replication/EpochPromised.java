package dev.consilium.runtime.replication;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.storage.CanonicalPersistent;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * A replica's durable promise to a sequencer: from now on it takes blocks only from {@code epoch} or a later
 * one. Persisted before the promise is answered, so a restart cannot forget it and accept an older
 * sequencer's block after a newer one has counted this replica's head.
 */
public record EpochPromised(long epoch, Did sequencer) implements CanonicalPersistent {
  public static final String MANIFEST = "epoch-promised";

  public EpochPromised {
    if (epoch < 1) {
      throw new IllegalArgumentException("a promised epoch is at least 1, was " + epoch);
    }
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeI64(epoch);
    sequencer.writeTo(writer);
  }

  public static EpochPromised read(CanonicalReader reader) throws CanonicalFormatException {
    long epoch = reader.readI64();
    if (epoch < 1) {
      throw reader.malformed("a promised epoch is at least 1, was " + epoch);
    }
    return new EpochPromised(epoch, Did.read(reader));
  }
}
