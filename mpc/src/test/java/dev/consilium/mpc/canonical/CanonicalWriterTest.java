package dev.consilium.mpc.canonical;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The exact bytes of each rule, written out by hand so that a change of format cannot go unnoticed. */
public class CanonicalWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  public void integers_writeFixedWidthBigEndian() {
    assertEquals("ff", hex(new CanonicalWriter().writeU8(255)));
    assertEquals("00000001", hex(new CanonicalWriter().writeI32(1)));
    assertEquals("80000000", hex(new CanonicalWriter().writeI32(Integer.MIN_VALUE)));
    assertEquals("0102030405060708", hex(new CanonicalWriter().writeI64(0x0102030405060708L)));
    assertEquals("ffffffffffffffff", hex(new CanonicalWriter().writeI64(-1)));
  }

  @Test
  public void booleansBytesAndStrings_writeAsSpecified() {
    assertEquals("0100", hex(new CanonicalWriter().writeBoolean(true).writeBoolean(false)));
    assertEquals("00000003abcdef", hex(new CanonicalWriter().writeBytes(HEX.parseHex("abcdef"))));
    assertEquals("abcdef", hex(new CanonicalWriter().writeFixedBytes(HEX.parseHex("abcdef"))));
    // "é" is U+00E9, two bytes in UTF-8; "😀" is U+1F600, four bytes (a surrogate pair in Java).
    assertEquals("00000002c3a9", hex(new CanonicalWriter().writeString("é")));
    assertEquals("00000004f09f9880", hex(new CanonicalWriter().writeString("😀")));
  }

  @Test
  public void list_writesCountThenElements() {
    assertEquals("00000002" + "0000000000000007" + "fffffffffffffffe",
        hex(new CanonicalWriter().writeList(List.of(7L, -2L), CanonicalWriter::writeI64)));
    assertEquals("00000000", hex(new CanonicalWriter().writeList(List.<Long>of(), CanonicalWriter::writeI64)));
  }

  /** Keys sort by their encodings, length prefix included: "b" (1 byte) before "aa" (2 bytes). */
  @Test
  public void map_writesKeysInOrderOfTheirEncodings() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("aa", 3);
    map.put("b", 2);
    map.put("a", 1);
    String expected = "00000003"
        + "0000000161" + "00000001"
        + "0000000162" + "00000002"
        + "000000026161" + "00000003";
    assertEquals(expected, hex(new CanonicalWriter().writeMap(map, CanonicalWriter::writeString, CanonicalWriter::writeI32)));
  }

  @Test
  public void writeMap_keysWithTheSameEncoding_throws() {
    Map<String, Integer> map = Map.of("Key", 1, "key", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter()
        .writeMap(map, (w, k) -> w.writeString(k.toLowerCase()), CanonicalWriter::writeI32));
    assertTrue(e.getMessage(), e.getMessage().contains("duplicate key"));
    assertTrue(e.getMessage(), e.getMessage().contains("0x000000036b6579"));
  }

  @Test
  @SuppressWarnings("deprecation")
  public void writeFloatingPoint_anyValue_throwsNotCanonical() {
    UnsupportedOperationException d = assertThrows(UnsupportedOperationException.class,
        () -> new CanonicalWriter().writeDouble(1.5));
    assertTrue(d.getMessage(), d.getMessage().contains("double is not canonical"));
    UnsupportedOperationException f = assertThrows(UnsupportedOperationException.class,
        () -> new CanonicalWriter().writeFloat(1.5f));
    assertTrue(f.getMessage(), f.getMessage().contains("float is not canonical"));
  }

  @Test
  public void writeString_unpairedSurrogate_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CanonicalWriter().writeString("ab\uD800c"));
    assertTrue(e.getMessage(), e.getMessage().contains("unpaired surrogate U+D800 at char index 2"));
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> new CanonicalWriter().writeString("\uDC00"));
    assertTrue(low.getMessage(), low.getMessage().contains("U+DC00 at char index 0"));
  }

  @Test
  public void writeU8_outOfRange_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter().writeU8(256));
    assertTrue(e.getMessage(), e.getMessage().contains("[0, 255], was 256"));
    assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter().writeU8(-1));
  }

  @Test
  public void writer_growsPastInitialCapacity() {
    CanonicalWriter writer = new CanonicalWriter();
    byte[] big = new byte[10_000];
    big[9_999] = 7;
    writer.writeBytes(big).writeI64(1);
    assertEquals(4 + 10_000 + 8, writer.size());
    assertEquals(7, writer.toByteArray()[4 + 9_999]);
  }

  private static String hex(CanonicalWriter writer) {
    return HEX.formatHex(writer.toByteArray());
  }
}
