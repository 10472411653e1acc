package dev.consilium.mpc.additive;

import dev.consilium.mpc.secret.SecretAccess;

/**
 * One party's additive share of a vector of {@code long}s: either explicit values or a seed that expands to
 * them. Neither kind prints its contents.
 */
public sealed interface VectorShare permits ExplicitShare, SeededShare {
  /** Number of elements. */
  int length();

  /** The share's elements as a new array (a seeded share expands its seed). */
  long[] toLongArray(SecretAccess access);
}
