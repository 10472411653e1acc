package dev.consilium.mpc.canonical;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The reader refuses every input the writer could not have produced, naming where and why. */
public class CanonicalReaderTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  public void readI64_truncatedInput_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("0000000100000000000000"), r -> {
          r.readI32();
          return r.readI64();
        }));
    assertMessage(e, "field #2 (i64) at offset 4", "truncated: needs 8 bytes, only 7 remain");
    assertEquals(4, e.offset());
  }

  @Test
  public void decode_trailingBytes_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000001ff"), CanonicalReader::readI32));
    assertMessage(e, "offset 4", "1 trailing bytes after the last field (#1)");
    assertEquals(4, e.offset());
  }

  @Test
  public void readBytes_lengthOverLimit_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000005aabbccddee"), r -> r.readBytes(4)));
    assertMessage(e, "field #1 (bytes) at offset 0", "length 5 exceeds the limit of 4 bytes");
  }

  /** A hostile length near 4 GiB must be refused before anything of that size is allocated. */
  @Test
  public void readBytes_lengthOverRemaining_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("fffffff0aabb"), r -> r.readBytes(Integer.MAX_VALUE)));
    assertMessage(e, "field #1 (bytes) at offset 0", "length 4294967280 exceeds the limit");
    CanonicalFormatException within = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("7ffffff0aabb"), r -> r.readString(Integer.MAX_VALUE)));
    assertMessage(within, "field #1 (string) at offset 0", "length 2147483632 exceeds the 2 bytes remaining");
  }

  @Test
  public void readList_countOverLimit_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000003"), r -> r.readList(CanonicalReader::readU8, 2)));
    assertMessage(e, "field #1 (list count) at offset 0", "count 3 exceeds the limit of 2");
  }

  /** A count the limit allows but the input cannot back fails at the first missing element, not in malloc. */
  @Test
  public void readList_hugeCountWithinLimit_throwsTruncatedWithoutHugeAllocation() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class, () -> CanonicalReader.decode(
        HEX.parseHex("7fffffff01"), r -> r.readList(CanonicalReader::readU8, Integer.MAX_VALUE)));
    assertMessage(e, "field #3 (u8) at offset 5", "truncated: needs 1 bytes, only 0 remain");
  }

  @Test
  public void readString_invalidUtf8_throws() {
    Map<String, Integer> invalid = Map.of(
        "c328", 0, // 0xC3 starts a 2-byte sequence, 0x28 cannot continue it
        "61c0af", 1, // overlong encoding of '/'
        "6162eda080", 2, // an encoded surrogate (U+D800)
        "f4908080", 0, // above U+10FFFF
        "61e282", 1, // sequence cut short by the end of the string
        "ff", 0); // never valid in UTF-8
    for (Map.Entry<String, Integer> c : invalid.entrySet()) {
      byte[] body = HEX.parseHex(c.getKey());
      byte[] input = new CanonicalWriter().writeBytes(body).toByteArray();
      CanonicalFormatException e = assertThrows(c.getKey(), CanonicalFormatException.class,
          () -> CanonicalReader.decode(input, r -> r.readString(100)));
      int badOffset = 4 + c.getValue();
      assertMessage(e, "field #1 (string) at offset " + badOffset,
          "invalid UTF-8 at byte " + c.getValue() + " of the " + body.length + "-byte string");
      assertEquals(c.getKey(), badOffset, e.offset());
    }
  }

  @Test
  public void readBoolean_byteOtherThanZeroOrOne_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("0102"), r -> r.readBoolean() && r.readBoolean()));
    assertMessage(e, "field #2 (boolean) at offset 1", "byte 0x02 is not a boolean: must be 0x00 or 0x01");
  }

  @Test
  public void readMap_unsortedKeys_throws() {
    // keys "b" then "a": each a u32 length 1 and the letter; values are u8
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000002" + "000000016201" + "000000016102"), CanonicalReaderTest::stringToU8));
    assertMessage(e, "(map key) at offset 10",
        "entry 1 key 0x0000000161 sorts before the previous key 0x0000000162: keys must be in increasing");
    assertEquals(10, e.offset());
  }

  @Test
  public void readMap_duplicateKeys_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000002" + "000000016101" + "000000016102"), CanonicalReaderTest::stringToU8));
    assertMessage(e, "(map key) at offset 10", "entry 1 repeats the previous key 0x0000000161: duplicate key");
  }

  /** A decoder that maps two encodings to one key (here, case-folding) is caught too. */
  @Test
  public void readMap_keysDecodingEqual_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00000002" + "000000014101" + "000000016102"),
            r -> r.readMap(k -> k.readString(10).toLowerCase(), CanonicalReader::readU8, 10)));
    assertMessage(e, "(map key) at offset 10", "entry 1 decodes to a key already present: duplicate key");
  }

  @Test
  public void readDomain_otherDomain_throws() {
    SigningDomain block = SigningDomain.of("consilium/ledger/block/v1");
    byte[] input = new CanonicalWriter().writeDomain(SigningDomain.of("consilium/ledger/entry/v1")).writeI64(1).toByteArray();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(input, block, CanonicalReader::readI64));
    assertMessage(e, "field #1 (signing domain) at offset 0", "expected domain 'consilium/ledger/block/v1', found 0x");
  }

  @Test
  public void malformed_decoderOwnCheck_namesTheFieldItJustRead() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(HEX.parseHex("00" + "fffffffffffffffd"), r -> {
          r.readU8();
          long height = r.readI64();
          if (height < 0) {
            throw r.malformed("height must not be negative, was " + height);
          }
          return height;
        }));
    assertMessage(e, "field #2 at offset 1", "height must not be negative, was -3");
    assertEquals(1, e.offset());
  }

  @Test
  public void readFixedBytes_exactLength_readsWithoutPrefix() throws Exception {
    List<byte[]> parts = CanonicalReader.decode(HEX.parseHex("aabbcc01"),
        r -> List.of(r.readFixedBytes(3), r.readFixedBytes(1)));
    assertEquals("aabbcc", HEX.formatHex(parts.get(0)));
    assertEquals("01", HEX.formatHex(parts.get(1)));
  }

  private static Map<String, Integer> stringToU8(CanonicalReader r) throws CanonicalFormatException {
    return r.readMap(k -> k.readString(10), CanonicalReader::readU8, 10);
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue("message '" + e.getMessage() + "' lacks '" + part + "'", e.getMessage().contains(part));
    }
  }
}
