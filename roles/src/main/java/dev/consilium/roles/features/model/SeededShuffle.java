package dev.consilium.roles.features.model;

import java.util.SplittableRandom;

/**
 * The one shuffle every party runs: Fisher–Yates from the last position down, position i swapping with
 * {@code nextInt(i + 1)} of a {@link SplittableRandom} seeded by {@link DerivedSeed}. Written out over
 * {@code int[]} (rather than {@code Collections.shuffle} over boxed lists) so that the draw order is fixed in
 * one documented place; all parties run the same Java (17), hence the same generator.
 */
final class SeededShuffle {
  private SeededShuffle() {}

  /** Shuffles {@code values} in place with the stream of {@code seed}. */
  static void shuffle(int[] values, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
