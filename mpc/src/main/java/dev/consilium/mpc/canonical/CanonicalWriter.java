package dev.consilium.mpc.canonical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds a canonical encoding (rules in {@code package-info}). Methods return {@code this} for chaining.
 *
 * <p>Not thread-safe: one writer per encoding. Misuse that would make the output ambiguous (a byte out of
 * range, an unpaired surrogate, two map keys with one encoding, floating point) throws immediately, so a
 * writer never produces bytes that the reader would refuse.
 */
public final class CanonicalWriter {
  private static final int INITIAL_CAPACITY_BYTES = 64;
  private static final int MAX_SHOWN_KEY_BYTES = 32;

  private byte[] buffer = new byte[INITIAL_CAPACITY_BYTES];
  private int size;

  /** One unsigned byte, 0 to 255. */
  public CanonicalWriter writeU8(int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException("u8 must be in [0, 255], was " + value);
    }
    ensureCapacity(1);
    buffer[size++] = (byte) value;
    return this;
  }

  /** Four bytes, big-endian two's complement. */
  public CanonicalWriter writeI32(int value) {
    ensureCapacity(Integer.BYTES);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** Eight bytes, big-endian two's complement. */
  public CanonicalWriter writeI64(long value) {
    ensureCapacity(Long.BYTES);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** One byte: 1 for true, 0 for false. */
  public CanonicalWriter writeBoolean(boolean value) {
    return writeU8(value ? 1 : 0);
  }

  /** A u32 length, then the bytes. */
  public CanonicalWriter writeBytes(byte[] value) {
    writeU32(value.length);
    return appendRaw(value);
  }

  /**
   * The bytes with no length prefix, for fields whose length the schema fixes (a 32-byte hash, a 32-byte
   * public key); the reader reads them with {@link CanonicalReader#readFixedBytes(int)} and that length.
   */
  public CanonicalWriter writeFixedBytes(byte[] value) {
    return appendRaw(value);
  }

  /** A u32 length, then the UTF-8 bytes; no Unicode normalization, so equal strings give equal bytes. */
  public CanonicalWriter writeString(String value) {
    return writeBytes(StrictUtf8.encode(value));
  }

  /** The value's own fields, with no prefix: every encoding is self-delimiting. */
  public CanonicalWriter writeObject(CanonicalEncodable value) {
    value.writeTo(this);
    return this;
  }

  /** A u32 count, then each element in list order. Sets have no order: write them as sorted lists. */
  public <T> CanonicalWriter writeList(List<? extends T> values, CanonicalEncoder<? super T> elementEncoder) {
    writeU32(values.size());
    for (T value : values) {
      elementEncoder.write(this, value);
    }
    return this;
  }

  /**
   * A u32 count, then key and value for each entry, ordered by the unsigned lexicographic order of the
   * keys' encodings: so the bytes do not depend on the map's iteration order. Two keys with the same
   * encoding are refused, since the reader could not tell them apart.
   */
  public <K, V> CanonicalWriter writeMap(
      Map<K, V> map, CanonicalEncoder<? super K> keyEncoder, CanonicalEncoder<? super V> valueEncoder) {
    List<EncodedEntry<V>> entries = new ArrayList<>(map.size());
    for (Map.Entry<K, V> entry : map.entrySet()) {
      CanonicalWriter keyWriter = new CanonicalWriter();
      keyEncoder.write(keyWriter, entry.getKey());
      entries.add(new EncodedEntry<>(keyWriter.toByteArray(), entry.getValue()));
    }
    entries.sort((a, b) -> Arrays.compareUnsigned(a.keyBytes, b.keyBytes));
    for (int i = 1; i < entries.size(); i++) {
      if (Arrays.equals(entries.get(i - 1).keyBytes, entries.get(i).keyBytes)) {
        throw new IllegalArgumentException("map has two keys that both encode to "
            + shortHex(entries.get(i).keyBytes) + ": duplicate key");
      }
    }
    writeU32(entries.size());
    for (EncodedEntry<V> entry : entries) {
      appendRaw(entry.keyBytes);
      valueEncoder.write(this, entry.value);
    }
    return this;
  }

  /** The signing domain's name, length-prefixed; see {@link SigningDomain}. */
  public CanonicalWriter writeDomain(SigningDomain domain) {
    return writeString(domain.name());
  }

  /**
   * Always refuses: floating point is not canonical (several NaN encodings, -0.0 versus 0.0, and decimal
   * conversions that differ between libraries). Encode amounts as scaled integers (i64 with a stated number
   * of fraction digits) or as decimal strings.
   *
   * @deprecated present only to explain the refusal to whoever reaches for it
   */
  @Deprecated
  public CanonicalWriter writeDouble(double value) {
    throw floatingPointRefused("double");
  }

  /**
   * Always refuses, for the same reasons as {@link #writeDouble(double)}.
   *
   * @deprecated present only to explain the refusal to whoever reaches for it
   */
  @Deprecated
  public CanonicalWriter writeFloat(float value) {
    throw floatingPointRefused("float");
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of the encoding written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void writeU32(int value) {
    // Java lengths are below 2^31, so the sign bit is clear and i32 and u32 encodings agree.
    writeI32(value);
  }

  private CanonicalWriter appendRaw(byte[] bytes) {
    ensureCapacity(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  private void ensureCapacity(int extraBytes) {
    long needed = (long) size + extraBytes;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("canonical encoding would exceed 2 GiB: " + needed + " bytes");
    }
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(2L * buffer.length, Integer.MAX_VALUE - 8)));
    }
  }

  private static UnsupportedOperationException floatingPointRefused(String type) {
    return new UnsupportedOperationException(type + " is not canonical: NaN payloads, -0.0 and decimal"
        + " conversions give several encodings of one value; write a scaled integer (i64) or a decimal string");
  }

  private static String shortHex(byte[] bytes) {
    int shown = Math.min(bytes.length, MAX_SHOWN_KEY_BYTES);
    String hex = HexFormat.of().formatHex(bytes, 0, shown);
    return "0x" + hex + (shown < bytes.length ? "… (" + bytes.length + " bytes)" : "");
  }

  private record EncodedEntry<V>(byte[] keyBytes, V value) {}
}
