package dev.consilium.ledger.storage;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/** Test state and snapshot: the sum and the number of {@link Counted} events. Canonical form: i64, i64. */
record Tally(long total, long count) implements CanonicalPersistent {
  static final String MANIFEST = "test-tally";
  static final Tally EMPTY = new Tally(0, 0);

  Tally add(Counted event) {
    return new Tally(total + event.amount(), count + 1);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeI64(total).writeI64(count);
  }

  static Tally readFrom(CanonicalReader reader) throws CanonicalFormatException {
    return new Tally(reader.readI64(), reader.readI64());
  }
}
