package dev.consilium.mpc.canonical;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a canonical encoding strictly: it accepts exactly what {@link CanonicalWriter} writes and refuses
 * anything else (truncation, trailing bytes, lengths over what remains or over the caller's limit, invalid
 * UTF-8, booleans other than 0 and 1, map keys out of order or repeated). Messages name the field number
 * (counting every value read, from 1), its byte offset and the problem.
 *
 * <p>Every variable-length read takes a limit from the caller, and nothing is allocated from a length
 * before that length is checked against both the limit and the bytes remaining, so hostile input cannot
 * trigger a large allocation. Not thread-safe; the input array must not change while it is read.
 */
public final class CanonicalReader {
  private static final int MAX_SHOWN_BYTES = 32;

  private final byte[] input;
  private int position;
  private int fieldNumber;
  private int fieldOffset;

  public CanonicalReader(byte[] input) {
    // No copy: blocks can be large, and the class comment asks callers not to change the input.
    this.input = Objects.requireNonNull(input, "input");
  }

  /** Decodes {@code input} as one value and refuses trailing bytes. */
  public static <T> T decode(byte[] input, CanonicalDecoder<T> decoder) throws CanonicalFormatException {
    CanonicalReader reader = new CanonicalReader(input);
    T value = decoder.read(reader);
    reader.requireEnd();
    return value;
  }

  /** Decodes {@code input} as {@code domain} followed by one value, refusing trailing bytes. */
  public static <T> T decode(byte[] input, SigningDomain domain, CanonicalDecoder<T> decoder)
      throws CanonicalFormatException {
    CanonicalReader reader = new CanonicalReader(input);
    reader.readDomain(domain);
    T value = decoder.read(reader);
    reader.requireEnd();
    return value;
  }

  public int readU8() throws CanonicalFormatException {
    beginField();
    require("u8", 1);
    return input[position++] & 0xFF;
  }

  public int readI32() throws CanonicalFormatException {
    beginField();
    require("i32", Integer.BYTES);
    return readRawI32();
  }

  public long readI64() throws CanonicalFormatException {
    beginField();
    require("i64", Long.BYTES);
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (input[position++] & 0xFF);
    }
    return value;
  }

  public boolean readBoolean() throws CanonicalFormatException {
    beginField();
    require("boolean", 1);
    int b = input[position] & 0xFF;
    if (b > 1) {
      throw fail("boolean", String.format("byte 0x%02x is not a boolean: must be 0x00 or 0x01", b));
    }
    position++;
    return b == 1;
  }

  /** A length-prefixed byte string of at most {@code maxBytes}. */
  public byte[] readBytes(int maxBytes) throws CanonicalFormatException {
    beginField();
    int length = readLength("bytes", maxBytes);
    byte[] value = Arrays.copyOfRange(input, position, position + length);
    position += length;
    return value;
  }

  /** Exactly {@code length} bytes with no prefix (see {@link CanonicalWriter#writeFixedBytes(byte[])}). */
  public byte[] readFixedBytes(int length) throws CanonicalFormatException {
    requireLimit(length, "length");
    beginField();
    require("fixed " + length + " bytes", length);
    byte[] value = Arrays.copyOfRange(input, position, position + length);
    position += length;
    return value;
  }

  /** A length-prefixed UTF-8 string of at most {@code maxBytes} encoded bytes. */
  public String readString(int maxBytes) throws CanonicalFormatException {
    beginField();
    int length = readLength("string", maxBytes);
    ByteBuffer bytes = ByteBuffer.wrap(input, position, length);
    String value = StrictUtf8.decodeOrNull(bytes);
    if (value == null) {
      int bad = bytes.position();
      throw failAt(bad, "string", "invalid UTF-8 at byte " + (bad - position) + " of the " + length
          + "-byte string: " + shortHex(bad, Math.min(4, position + length - bad)));
    }
    position += length;
    return value;
  }

  /** A value that decodes itself; the same as {@code decoder.read(this)}. */
  public <T> T readObject(CanonicalDecoder<T> decoder) throws CanonicalFormatException {
    return decoder.read(this);
  }

  /** A u32 count of at most {@code maxCount}, then that many elements. The list is unmodifiable. */
  public <T> List<T> readList(CanonicalDecoder<? extends T> elementDecoder, int maxCount)
      throws CanonicalFormatException {
    beginField();
    int count = readCount("list count", maxCount);
    // Capacity bounded by the input left, not by the count the input claims.
    List<T> values = new ArrayList<>(Math.min(count, remaining()));
    for (int i = 0; i < count; i++) {
      values.add(elementDecoder.read(this));
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * A u32 count of at most {@code maxCount}, then key and value for each entry. Each key's bytes must sort
   * strictly after the previous key's (unsigned lexicographic), and no two keys may decode equal. The map
   * is unmodifiable and iterates in encoding order.
   */
  public <K, V> Map<K, V> readMap(
      CanonicalDecoder<? extends K> keyDecoder, CanonicalDecoder<? extends V> valueDecoder, int maxCount)
      throws CanonicalFormatException {
    beginField();
    int count = readCount("map count", maxCount);
    Map<K, V> map = new LinkedHashMap<>();
    int previousKeyStart = -1;
    int previousKeyEnd = -1;
    for (int i = 0; i < count; i++) {
      int keyStart = position;
      K key = keyDecoder.read(this);
      int keyEnd = position;
      if (i > 0) {
        requireAfterPreviousKey(i, previousKeyStart, previousKeyEnd, keyStart, keyEnd);
      }
      if (map.containsKey(key)) {
        throw failAt(keyStart, "map key", "entry " + i + " decodes to a key already present: duplicate key");
      }
      map.put(key, valueDecoder.read(this));
      previousKeyStart = keyStart;
      previousKeyEnd = keyEnd;
    }
    return Collections.unmodifiableMap(map);
  }

  /** Refuses unless the next bytes are exactly {@code expected}'s encoding. */
  public void readDomain(SigningDomain expected) throws CanonicalFormatException {
    beginField();
    byte[] wanted = new CanonicalWriter().writeDomain(expected).toByteArray();
    int available = Math.min(wanted.length, remaining());
    if (available < wanted.length || !Arrays.equals(input, position, position + available, wanted, 0, available)) {
      throw fail("signing domain", "expected domain '" + expected.name() + "', found "
          + shortHex(position, Math.min(remaining(), wanted.length)));
    }
    position += wanted.length;
  }

  /** Refuses bytes left after the last value. */
  public void requireEnd() throws CanonicalFormatException {
    if (position != input.length) {
      throw new CanonicalFormatException(position, "offset " + position + ": " + remaining()
          + " trailing bytes after the last field (#" + fieldNumber + ")");
    }
  }

  /**
   * An exception for a decoder's own check on the field it just read (a negative height, an unknown
   * enum tag), located at that field. The caller throws it.
   */
  public CanonicalFormatException malformed(String problem) {
    return new CanonicalFormatException(fieldOffset,
        "field #" + fieldNumber + " at offset " + fieldOffset + ": " + problem);
  }

  /** Offset of the next byte to read. */
  public int position() {
    return position;
  }

  public int remaining() {
    return input.length - position;
  }

  private void beginField() {
    fieldNumber++;
    fieldOffset = position;
  }

  private int readRawI32() {
    int value = 0;
    for (int i = 0; i < Integer.BYTES; i++) {
      value = (value << 8) | (input[position++] & 0xFF);
    }
    return value;
  }

  private int readLength(String what, int maxBytes) throws CanonicalFormatException {
    requireLimit(maxBytes, "maxBytes");
    long length = readU32(what + " length");
    if (length > maxBytes) {
      throw fail(what, "length " + length + " exceeds the limit of " + maxBytes + " bytes");
    }
    if (length > remaining()) {
      throw fail(what, "length " + length + " exceeds the " + remaining() + " bytes remaining: input truncated");
    }
    return (int) length;
  }

  private int readCount(String what, int maxCount) throws CanonicalFormatException {
    requireLimit(maxCount, "maxCount");
    long count = readU32(what);
    if (count > maxCount) {
      throw fail(what, "count " + count + " exceeds the limit of " + maxCount);
    }
    return (int) count;
  }

  private long readU32(String what) throws CanonicalFormatException {
    require(what, Integer.BYTES);
    return readRawI32() & 0xFFFF_FFFFL;
  }

  private void requireAfterPreviousKey(int entry, int previousStart, int previousEnd, int start, int end)
      throws CanonicalFormatException {
    int order = Arrays.compareUnsigned(input, previousStart, previousEnd, input, start, end);
    if (order == 0) {
      throw failAt(start, "map key", "entry " + entry + " repeats the previous key "
          + shortHex(start, end - start) + ": duplicate key");
    }
    if (order > 0) {
      throw failAt(start, "map key", "entry " + entry + " key " + shortHex(start, end - start)
          + " sorts before the previous key " + shortHex(previousStart, previousEnd - previousStart)
          + ": keys must be in increasing unsigned byte order");
    }
  }

  private void require(String what, int bytes) throws CanonicalFormatException {
    if (remaining() < bytes) {
      throw fail(what, "truncated: needs " + bytes + " bytes, only " + remaining() + " remain");
    }
  }

  private CanonicalFormatException fail(String what, String problem) {
    return failAt(fieldOffset, what, problem);
  }

  private CanonicalFormatException failAt(int offset, String what, String problem) {
    return new CanonicalFormatException(offset,
        "field #" + fieldNumber + " (" + what + ") at offset " + offset + ": " + problem);
  }

  private String shortHex(int offset, int length) {
    int shown = Math.min(length, MAX_SHOWN_BYTES);
    return "0x" + HexFormat.of().formatHex(input, offset, offset + shown)
        + (shown < length ? "… (" + length + " bytes)" : "");
  }

  private static void requireLimit(int limit, String name) {
    if (limit < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + limit);
    }
  }
}
