package dev.consilium.roles.psi;

import java.util.ArrayList;
import java.util.List;

/**
 * How the leader tells a party its result, in parts of bounded size. A designated party gets a bitmap over
 * the positions of its fully blinded list, bit j of part i standing for position i·bitsPerPart + j, set for
 * the positions in the intersection; its parts number at least one, so an empty list still hears the end.
 * Any other party gets a single empty part: it learns that the session ended, and nothing about the
 * intersection.
 *
 * <p>A part carries {@code chunkPoints} bytes of bitmap at most, so result messages are never larger than
 * chunks of points.
 */
record ResultParts(boolean designated, int items, int chunkPoints) {
  ResultParts {
    if (items < 0 || chunkPoints < 1) {
      throw new IllegalArgumentException("need items >= 0 and chunkPoints >= 1, got " + items + " and " + chunkPoints);
    }
  }

  /** The number of parts. */
  int count() {
    return designated ? Math.max(1, bits().count()) : 1;
  }

  /** The bitmap bytes part {@code index} must carry. */
  int bytesIn(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("part " + index + " of " + count());
    }
    if (!designated || items == 0) {
      return 0;
    }
    return (bits().itemsIn(index) + 7) / 8;
  }

  /** The parts for ascending {@code positions} of the party's list. */
  List<byte[]> encode(int[] positions) {
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < count(); i++) {
      parts.add(new byte[bytesIn(i)]);
    }
    if (!designated) {
      if (positions.length > 0) {
        throw new IllegalArgumentException("a party that is not designated gets no positions");
      }
      return parts;
    }
    ChunkLayout bits = bits();
    for (int position : positions) {
      if (position < 0 || position >= items) {
        throw new IllegalArgumentException("position " + position + " is not in a list of " + items);
      }
      int part = position / bits.chunkItems();
      int bit = position - bits.from(part);
      parts.get(part)[bit >>> 3] |= (byte) (1 << (bit & 7));
    }
    return parts;
  }

  /**
   * Why part {@code index} with {@code bitmap} is malformed, or null: its length must be
   * {@link #bytesIn}, and the bits past the end of the list must be clear.
   */
  String problem(int index, byte[] bitmap) {
    if (index < 0 || index >= count()) {
      return "result part " + index + " is not among " + count() + " parts";
    }
    int length = bitmap == null ? 0 : bitmap.length;
    if (length != bytesIn(index)) {
      return "result part " + index + " has " + length + " bytes, expected " + bytesIn(index);
    }
    if (length > 0) {
      int used = bits().itemsIn(index) - (length - 1) * 8;
      int padding = (bitmap[length - 1] & 0xff) >>> used;
      if (padding != 0) {
        return "result part " + index + " marks positions past the end of the list";
      }
    }
    return null;
  }

  /** The ascending positions marked in {@code parts}, each already checked by {@link #problem}. */
  int[] decode(List<byte[]> parts) {
    if (!designated) {
      return new int[0];
    }
    ChunkLayout bits = bits();
    int marked = 0;
    for (byte[] part : parts) {
      for (byte b : part) {
        marked += Integer.bitCount(b & 0xff);
      }
    }
    int[] positions = new int[marked];
    int next = 0;
    for (int part = 0; part < parts.size(); part++) {
      byte[] bitmap = parts.get(part);
      for (int bit = 0; bit < bitmap.length * 8; bit++) {
        if ((bitmap[bit >>> 3] & (1 << (bit & 7))) != 0) {
          positions[next++] = bits.from(part) + bit;
        }
      }
    }
    return positions;
  }

  private ChunkLayout bits() {
    return new ChunkLayout(items, Math.multiplyExact(chunkPoints, 8));
  }
}
