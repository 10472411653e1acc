package dev.consilium.mpc.hash;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class Sha256Test {
  private record Vector(String name, byte[] message, String digest) {}

  // Source: NIST FIPS 180-4 example values for SHA-256 (csrc.nist.gov "Examples with Intermediate Values":
  // SHA256.pdf one-block "abc" and two-block 448-bit message); the empty string and one million 'a' are the
  // long-standing NIST/FIPS 180-2 test values.
  private static final List<Vector> VECTORS = List.of(
      new Vector("FIPS 180-4 example: \"abc\"", ascii("abc"),
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      new Vector("NIST: the empty string", new byte[0],
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      new Vector("FIPS 180-4 example: 448-bit message",
          ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
      new Vector("FIPS 180-2: one million 'a'", millionA(),
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));

  @Test
  public void fipsVectors_digest_matchPublishedValues() {
    List<String> failures = new ArrayList<>();
    for (Vector v : VECTORS) {
      String oneShot = Sha256.digest(v.message()).toHex();
      if (!oneShot.equals(v.digest())) {
        failures.add(v.name() + ": " + oneShot + ", expected " + v.digest());
      }
      int half = v.message().length / 2;
      String twoParts = Sha256.digest(Arrays.copyOfRange(v.message(), 0, half),
          Arrays.copyOfRange(v.message(), half, v.message().length)).toHex();
      if (!twoParts.equals(v.digest())) {
        failures.add(v.name() + " in two parts: " + twoParts + ", expected " + v.digest());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  public void digestOfParts_randomSplits_equalsDigestOfConcatenation() {
    Random random = new Random(0x5EED_0101L);
    for (int i = 0; i < 2_000; i++) {
      byte[] whole = new byte[random.nextInt(200)];
      random.nextBytes(whole);
      int cut1 = random.nextInt(whole.length + 1);
      int cut2 = cut1 + random.nextInt(whole.length - cut1 + 1);
      Sha256Hash parts = Sha256.digest(Arrays.copyOfRange(whole, 0, cut1),
          Arrays.copyOfRange(whole, cut1, cut2), Arrays.copyOfRange(whole, cut2, whole.length));
      assertEquals("iteration " + i, Sha256.digest(whole), parts);
    }
  }

  /** The per-thread digest must not carry state from a call that failed half-way. */
  @Test
  public void digest_afterCallFailedMidway_isUnaffected() {
    assertThrows(NullPointerException.class, () -> Sha256.digest(ascii("ab"), null));
    assertEquals(VECTORS.get(0).digest(), Sha256.digest(ascii("abc")).toHex());
  }

  @Test
  public void hash_wrongLength_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sha256Hash.fromBytes(new byte[31]));
    assertTrue(e.getMessage(), e.getMessage().contains("32 bytes, bytes had 31"));
    IllegalArgumentException hex = assertThrows(IllegalArgumentException.class, () -> Sha256Hash.fromHex("abcd"));
    assertTrue(hex.getMessage(), hex.getMessage().contains("64 hex digits, was 4"));
  }

  @Test
  public void hash_fromHexAndBytes_roundTripAndCompareByValue() {
    Sha256Hash h = Sha256.digest(ascii("abc"));
    assertEquals(h, Sha256Hash.fromHex(h.toHex().toUpperCase()));
    assertEquals(h, Sha256Hash.fromBytes(h.toByteArray()));
    assertEquals(h.hashCode(), Sha256Hash.fromBytes(h.toByteArray()).hashCode());
    assertEquals(h.toHex(), h.toString());
    assertNotEquals(h, Sha256.digest(ascii("abd")));
    byte[] copy = h.toByteArray();
    copy[0] ^= 1;
    assertEquals("toByteArray must return a copy", VECTORS.get(0).digest(), h.toHex());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] millionA() {
    byte[] a = new byte[1_000_000];
    Arrays.fill(a, (byte) 'a');
    return a;
  }
}
