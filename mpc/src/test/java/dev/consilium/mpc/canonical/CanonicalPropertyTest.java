package dev.consilium.mpc.canonical;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/** Properties over thousands of random values, from fixed seeds so that a failure reproduces. */
public class CanonicalPropertyTest {
  private static final int ITERATIONS = 3_000;

  @Test
  public void encodeDecodeEncode_randomRecords_givesIdenticalBytes() throws Exception {
    Random random = new Random(0x5EED_0201L);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] encoded = randomRecord(random, 0).toCanonicalBytes();
      SampleRecord decoded = CanonicalReader.decode(encoded, SampleRecord::readFrom);
      assertArrayEquals("iteration " + i, encoded, decoded.toCanonicalBytes());
    }
  }

  @Test
  public void writeMap_anyInsertionOrderOrMapType_givesIdenticalBytes() {
    Random random = new Random(0x5EED_0202L);
    for (int i = 0; i < ITERATIONS; i++) {
      SampleRecord record = randomRecord(random, 1);
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(record.weights().entrySet());
      Collections.shuffle(entries, random);
      Map<String, Integer> shuffled = new LinkedHashMap<>();
      entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
      Map<String, Integer> reversed = new TreeMap<>(Comparator.reverseOrder());
      reversed.putAll(record.weights());

      byte[] expected = record.toCanonicalBytes();
      for (Map<String, Integer> weights : List.of(shuffled, reversed, new HashMap<>(record.weights()))) {
        assertArrayEquals("iteration " + i, expected, withWeights(record, weights).toCanonicalBytes());
      }
    }
  }

  /**
   * Strictness: a damaged encoding is either refused with a CanonicalFormatException or is itself the
   * canonical encoding of what it decodes to. Nothing else may happen (no other exception, no second
   * encoding of one value).
   */
  @Test
  public void decode_randomlyDamagedEncodings_refusesOrIsCanonical() {
    Random random = new Random(0x5EED_0203L);
    HexFormat hex = HexFormat.of();
    int refused = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] damaged = damage(randomRecord(random, 1).toCanonicalBytes(), random);
      try {
        SampleRecord decoded = CanonicalReader.decode(damaged, SampleRecord::readFrom);
        assertEquals("iteration " + i + " accepted a non-canonical input",
            hex.formatHex(damaged), hex.formatHex(decoded.toCanonicalBytes()));
      } catch (CanonicalFormatException expected) {
        refused++;
      }
    }
    // Most damage must be caught; if almost none is, the damage function is broken, not the reader.
    assertTrue("only " + refused + " of " + ITERATIONS + " damaged inputs refused", refused > ITERATIONS / 2);
  }

  static SampleRecord randomRecord(Random random, int depth) {
    byte[] blob = new byte[random.nextInt(40)];
    random.nextBytes(blob);
    List<Long> history = new ArrayList<>();
    for (int n = random.nextInt(6); n > 0; n--) {
      history.add(random.nextLong());
    }
    Map<String, Integer> weights = new HashMap<>();
    for (int n = random.nextInt(7); n > 0; n--) {
      weights.put(randomString(random, 4), random.nextInt());
    }
    List<SampleRecord> children = new ArrayList<>();
    for (int n = depth < 2 ? random.nextInt(3) : 0; n > 0; n--) {
      children.add(randomRecord(random, depth + 1));
    }
    return new SampleRecord(random.nextInt(256), random.nextInt(), random.nextLong(), random.nextBoolean(),
        blob, randomString(random, 20), history, weights, children);
  }

  /** Code points from every UTF-8 length class: 1, 2, 3 (surrogates excluded) and 4 bytes. */
  private static String randomString(Random random, int maxCodePoints) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(maxCodePoints + 1); n > 0; n--) {
      int codePoint;
      switch (random.nextInt(4)) {
        case 0 -> codePoint = 0x20 + random.nextInt(0x5F);
        case 1 -> codePoint = 0x80 + random.nextInt(0x780);
        case 2 -> {
          do {
            codePoint = 0x800 + random.nextInt(0x10000 - 0x800);
          } while (Character.isSurrogate((char) codePoint));
        }
        default -> codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
      }
      s.appendCodePoint(codePoint);
    }
    return s.toString();
  }

  private static byte[] damage(byte[] encoded, Random random) {
    int at = random.nextInt(encoded.length);
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] flipped = encoded.clone();
        flipped[at] ^= (byte) (1 << random.nextInt(8));
        return flipped;
      }
      case 1 -> {
        return Arrays.copyOf(encoded, at);
      }
      case 2 -> {
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        longer[encoded.length] = (byte) random.nextInt(256);
        return longer;
      }
      default -> {
        byte[] inserted = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, inserted, 0, at);
        inserted[at] = (byte) random.nextInt(256);
        System.arraycopy(encoded, at, inserted, at + 1, encoded.length - at);
        return inserted;
      }
    }
  }

  private static SampleRecord withWeights(SampleRecord r, Map<String, Integer> weights) {
    return new SampleRecord(r.flags(), r.count(), r.amount(), r.active(), r.blob(), r.label(), r.history(),
        weights, r.children());
  }
}
