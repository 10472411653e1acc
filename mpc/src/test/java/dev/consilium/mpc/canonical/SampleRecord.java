package dev.consilium.mpc.canonical;

import java.util.List;
import java.util.Map;

/** A test type with one field of every kind, nesting itself, to exercise the writer and the reader. */
record SampleRecord(
    int flags,
    int count,
    long amount,
    boolean active,
    byte[] blob,
    String label,
    List<Long> history,
    Map<String, Integer> weights,
    List<SampleRecord> children) implements CanonicalEncodable {

  static final int MAX_BLOB_BYTES = 4096;
  static final int MAX_LABEL_BYTES = 1024;
  static final int MAX_ITEMS = 64;

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeU8(flags)
        .writeI32(count)
        .writeI64(amount)
        .writeBoolean(active)
        .writeBytes(blob)
        .writeString(label)
        .writeList(history, CanonicalWriter::writeI64)
        .writeMap(weights, CanonicalWriter::writeString, CanonicalWriter::writeI32)
        .writeList(children, CanonicalWriter::writeObject);
  }

  static SampleRecord readFrom(CanonicalReader reader) throws CanonicalFormatException {
    return new SampleRecord(
        reader.readU8(),
        reader.readI32(),
        reader.readI64(),
        reader.readBoolean(),
        reader.readBytes(MAX_BLOB_BYTES),
        reader.readString(MAX_LABEL_BYTES),
        reader.readList(CanonicalReader::readI64, MAX_ITEMS),
        reader.readMap(r -> r.readString(MAX_LABEL_BYTES), CanonicalReader::readI32, MAX_ITEMS),
        reader.readList(SampleRecord::readFrom, MAX_ITEMS));
  }
}
