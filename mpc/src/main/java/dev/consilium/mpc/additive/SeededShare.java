package dev.consilium.mpc.additive;

import dev.consilium.mpc.prg.Prg;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;

/**
 * A share compressed to the seed it expands from: elements {@code [0, length)} of the {@link Prg} stream of
 * (algorithm, seed). It travels as 32 bytes plus a length, whatever the size of the secret.
 */
public final class SeededShare implements VectorShare {
  private final Prg prg;
  private final SecretBytes seed;
  private final int length;

  private SeededShare(Prg prg, SecretBytes seed, int length) {
    this.prg = prg;
    this.seed = seed;
    this.length = length;
  }

  /** Throws {@link IllegalArgumentException} for a seed that is not 32 bytes or a negative length. */
  public static SeededShare of(PrgAlgorithm algorithm, SecretBytes seed, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("share length must be non-negative, was " + length);
    }
    return new SeededShare(Prg.create(algorithm, seed), seed, length);
  }

  public PrgAlgorithm algorithm() {
    return prg.algorithm();
  }

  /** The seed, itself guarded: its bytes leave only through {@link SecretBytes#toByteArray(SecretAccess)}. */
  public SecretBytes seed() {
    return seed;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public long[] toLongArray(SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
    return prg.expand(0, length);
  }

  Prg prg() {
    return prg;
  }

  @Override
  public String toString() {
    return "SeededShare[" + prg.algorithm() + ", " + length + " elements, seed redacted]";
  }
}
