package dev.consilium.ledger.identity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Base58 (Bitcoin alphabet) against published vectors, round trips, and refusal of foreign characters. */
public class Base58Test {
  private static final HexFormat HEX = HexFormat.of();

  /** bitcoin/bitcoin src/test/data/base58_encode_decode.json: {hex bytes, base58}. */
  private static final String[][] BITCOIN_CORE = {
    {"", ""},
    {"61", "2g"},
    {"626262", "a3gV"},
    {"636363", "aPEr"},
    {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
    {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
    {"516b6fcd0f", "ABnLTmg"},
    {"bf4f89001e670274dd", "3SEo3LWLoPntC"},
    {"572e4794", "3EFU7m"},
    {"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
    {"10c8511e", "Rt5zm"},
    {"00000000000000000000", "1111111111"},
  };

  /**
   * draft-msporny-base58-03 §5. The third input has two leading zero bytes, hence two leading '1's
   * (checked against Python big-integer arithmetic as well).
   */
  private static final String[][] IETF_DRAFT = {
    {HEX.formatHex("Hello World!".getBytes(StandardCharsets.US_ASCII)), "2NEpo7TZRRrLZSi2U"},
    {HEX.formatHex("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)),
        "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"},
    {"0000287fb4cd", "11233QC4"},
  };

  @Test
  public void encodeAndDecode_publishedVectors_match() {
    List<String> failures = new ArrayList<>();
    for (String[][] vectors : new String[][][] {BITCOIN_CORE, IETF_DRAFT}) {
      for (String[] v : vectors) {
        String encoded = Base58.encode(HEX.parseHex(v[0]));
        if (!encoded.equals(v[1])) {
          failures.add("encode " + v[0] + ": " + encoded + " != " + v[1]);
        }
        String decoded = HEX.formatHex(Base58.decode(v[1]));
        if (!decoded.equals(v[0])) {
          failures.add("decode " + v[1] + ": " + decoded + " != " + v[0]);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  public void decodeOfEncode_randomBytesWithLeadingZeros_roundTrips() {
    Random random = new Random(58);
    for (int i = 0; i < 2000; i++) {
      byte[] data = new byte[random.nextInt(70)];
      random.nextBytes(data);
      int zeros = Math.min(data.length, random.nextInt(4));
      for (int z = 0; z < zeros; z++) {
        data[z] = 0;
      }
      String text = Base58.encode(data);
      assertArrayEquals(HEX.formatHex(data), data, Base58.decode(text));
    }
  }

  /** Every string over the alphabet is the encoding of exactly one byte array: DIDs are canonical. */
  @Test
  public void encodeOfDecode_randomAlphabetStrings_roundTrips() {
    Random random = new Random(1958);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int c = 0; c < length; c++) {
        // Bias towards '1' so leading and inner zero digits both occur often.
        text.append(random.nextInt(4) == 0 ? '1' : Base58.ALPHABET.charAt(random.nextInt(58)));
      }
      assertEquals(text.toString(), Base58.encode(Base58.decode(text.toString())));
    }
  }

  @Test
  public void decode_lookAlikeCharacters_throws() {
    for (char c : new char[] {'0', 'O', 'I', 'l'}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base58.decode("2N" + c + "p"));
      assertEquals("character '" + c + "' at index 2 is not in the base58 alphabet (which has no 0, O, I or l)",
          e.getMessage());
    }
  }

  @Test
  public void decode_nonAlphabetCharacters_throwsNamingThem() {
    assertRefused("abc+", "character '+' at index 3");
    assertRefused("1 1", "character U+0020 at index 1");
    assertRefused("1\u00e9", "character U+00E9 at index 1");
    assertRefused("11\n", "character U+000A at index 2");
  }

  private static void assertRefused(String text, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base58.decode(text));
    assertTrue("message '" + e.getMessage() + "' lacks '" + part + "'", e.getMessage().contains(part));
  }
}
