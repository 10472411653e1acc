package dev.consilium.mpc.psi;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A uniformly random permutation of {@code 0..size-1} that a party keeps to itself: it sends its points in
 * this order, so that whoever sees a position in its list learns nothing about which of its ids sits there,
 * and maps the positions it is told back through it.
 *
 * <p>Immutable. Never printed: {@code toString} shows only the size.
 */
public final class SecretPermutation {
  /** {@code source[position]}: the index, in the party's own order, of the item sent at {@code position}. */
  private final int[] source;

  private SecretPermutation(int[] source) {
    this.source = source;
  }

  /** A fresh permutation of {@code size} items by Fisher–Yates with unbiased draws from {@code random}. */
  public static SecretPermutation random(int size, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (size < 0) {
      throw new IllegalArgumentException("a permutation's size must not be negative, was " + size);
    }
    int[] source = new int[size];
    for (int i = 0; i < size; i++) {
      source[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = source[i];
      source[i] = source[j];
      source[j] = swap;
    }
    return new SecretPermutation(source);
  }

  public int size() {
    return source.length;
  }

  /**
   * The index, in the party's own order, of the item at {@code position} of the permuted order.
   *
   * @throws IndexOutOfBoundsException naming the position if it is not in {@code 0..size-1}
   */
  public int sourceOf(int position) {
    Objects.checkIndex(position, source.length);
    return source[position];
  }

  @Override
  public String toString() {
    return "SecretPermutation[" + source.length + " items, order redacted]";
  }
}
