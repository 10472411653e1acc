package dev.consilium.roles.psi;

/**
 * How a list of {@code items} splits into chunks of at most {@code chunkItems}: both ends of a transfer
 * derive it from numbers they agreed on (the roster's sizes and the invitation's chunk size), so a chunk of
 * the wrong length is recognised as such.
 */
record ChunkLayout(int items, int chunkItems) {
  ChunkLayout {
    if (items < 0) {
      throw new IllegalArgumentException("items must not be negative, was " + items);
    }
    if (chunkItems < 1) {
      throw new IllegalArgumentException("chunkItems must be positive, was " + chunkItems);
    }
  }

  /** The number of chunks: none for an empty list. */
  int count() {
    return (int) (((long) items + chunkItems - 1) / chunkItems);
  }

  /** The first item of chunk {@code index}. */
  int from(int index) {
    return Math.toIntExact((long) index * chunkItems);
  }

  /** The items in chunk {@code index}: {@code chunkItems}, or fewer in the last one. */
  int itemsIn(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("chunk " + index + " of " + count());
    }
    return Math.min(chunkItems, items - from(index));
  }
}
