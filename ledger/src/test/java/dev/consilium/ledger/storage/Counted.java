package dev.consilium.ledger.storage;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/** Test event: an amount added to a {@link Tally}. Canonical form: i64 amount. */
record Counted(long amount) implements CanonicalPersistent {
  static final String MANIFEST = "test-counted";

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeI64(amount);
  }

  static Counted readFrom(CanonicalReader reader) throws CanonicalFormatException {
    return new Counted(reader.readI64());
  }
}
