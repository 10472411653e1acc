package dev.consilium.mpc.psi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One party's identifiers for a PSI session, checked: each is 1 to {@link #MAX_ID_BYTES} bytes of UTF-8, and
 * no two are equal. Immutable; holds each id's UTF-8 bytes, which are what gets hashed to the curve.
 *
 * <p>The ids are the private input of the protocol: refusals name an id by its index, never by its text, and
 * {@code toString} shows only the count.
 */
public final class PsiIds {
  /** The longest id, in UTF-8 bytes. Long enough for account numbers, e-mail addresses and UUIDs. */
  public static final int MAX_ID_BYTES = 256;

  /** Unsigned lexicographic order of UTF-8 bytes, which is code point order: the same on every party. */
  public static final Comparator<String> CANONICAL_ORDER =
      Comparator.comparing(PsiIds::utf8, (a, b) -> Arrays.compareUnsigned(a, b));

  private final List<String> ids;
  private final byte[][] encoded;

  private PsiIds(List<String> ids, byte[][] encoded) {
    this.ids = ids;
    this.encoded = encoded;
  }

  /**
   * {@code ids} after checking them.
   *
   * @throws IllegalArgumentException naming the index (never the text) of the first id that is null, empty,
   *     longer than {@link #MAX_ID_BYTES} bytes in UTF-8 or not encodable as UTF-8 (a lone surrogate), or the
   *     two indices of the first repeated id; or if there are more than {@code maxIds}
   */
  public static PsiIds of(List<String> ids, int maxIds) {
    Objects.requireNonNull(ids, "ids");
    if (maxIds < 0) {
      throw new IllegalArgumentException("maxIds must not be negative, was " + maxIds);
    }
    if (ids.size() > maxIds) {
      throw new IllegalArgumentException("a party may bring at most " + maxIds + " ids, got " + ids.size());
    }
    List<String> copy = new ArrayList<>(ids.size());
    byte[][] encoded = new byte[ids.size()][];
    // Keyed by the string: lone surrogates are refused, so equal strings are exactly equal UTF-8 inputs.
    Map<String, Integer> seen = new HashMap<>(Math.max(16, ids.size() * 2));
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int index = 0;
    for (String id : ids) {
      encoded[index] = encode(id, index, encoder);
      Integer earlier = seen.putIfAbsent(id, index);
      if (earlier != null) {
        throw new IllegalArgumentException("ids " + earlier + " and " + index + " are equal: a party's ids must be"
            + " distinct");
      }
      copy.add(id);
      index++;
    }
    return new PsiIds(List.copyOf(copy), encoded);
  }

  /** {@code ids} sorted in {@link #CANONICAL_ORDER}, so that every party lists an intersection alike. */
  public static List<String> canonicallySorted(Collection<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(CANONICAL_ORDER);
    return List.copyOf(sorted);
  }

  public int size() {
    return ids.size();
  }

  /** The id at {@code index}, in the order given. */
  public String get(int index) {
    return ids.get(index);
  }

  /** The UTF-8 bytes of the id at {@code index} (a copy). */
  public byte[] utf8(int index) {
    return encoded[index].clone();
  }

  /** The UTF-8 bytes without copying, for hashing inside this package. */
  byte[] utf8Shared(int index) {
    return encoded[index];
  }

  @Override
  public String toString() {
    return "PsiIds[" + ids.size() + " ids]";
  }

  private static byte[] encode(String id, int index, CharsetEncoder encoder) {
    if (id == null) {
      throw new IllegalArgumentException("id " + index + " is null");
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id " + index + " is empty");
    }
    if (id.length() > MAX_ID_BYTES) {
      // Every char takes at least one byte: refused before encoding a huge string.
      throw new IllegalArgumentException("id " + index + " is longer than " + MAX_ID_BYTES + " UTF-8 bytes");
    }
    ByteBuffer buffer;
    try {
      buffer = encoder.reset().encode(CharBuffer.wrap(id));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("id " + index + " is not valid Unicode (a lone surrogate), so it has no"
          + " UTF-8 form");
    }
    if (buffer.remaining() > MAX_ID_BYTES) {
      throw new IllegalArgumentException("id " + index + " has " + buffer.remaining() + " UTF-8 bytes, at most "
          + MAX_ID_BYTES);
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static byte[] utf8(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }
}
