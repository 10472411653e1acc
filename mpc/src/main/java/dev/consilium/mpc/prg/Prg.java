package dev.consilium.mpc.prg;

import dev.consilium.mpc.secret.SecretBytes;

/**
 * A seeded pseudo-random generator of {@code long}s: an algorithm and a 32-byte seed. Immutable and safe to
 * share between threads; each {@link PrgStream} it opens belongs to one thread.
 *
 * <p>The stream is seekable: {@code streamAt(k)} starts at element {@code k} at the cost of one cipher set-up,
 * which is what lets several cores expand disjoint ranges of one seed.
 */
public final class Prg {
  /** Seeds are 32 bytes for both algorithms. */
  public static final int SEED_BYTES = 32;

  private final PrgAlgorithm algorithm;
  private final SecretBytes seed;

  private Prg(PrgAlgorithm algorithm, SecretBytes seed) {
    this.algorithm = algorithm;
    this.seed = seed;
  }

  /** Throws {@link IllegalArgumentException} when the seed is not {@value #SEED_BYTES} bytes. */
  public static Prg create(PrgAlgorithm algorithm, SecretBytes seed) {
    if (algorithm == null) {
      throw new NullPointerException("algorithm");
    }
    if (seed == null) {
      throw new NullPointerException("seed");
    }
    if (seed.size() != SEED_BYTES) {
      throw new IllegalArgumentException(
          "PRG seed must be " + SEED_BYTES + " bytes, was " + seed.size() + " bytes");
    }
    return new Prg(algorithm, seed);
  }

  public PrgAlgorithm algorithm() {
    return algorithm;
  }

  /** A reader positioned at element {@code firstIndex}. */
  public PrgStream streamAt(long firstIndex) {
    return PrgStream.open(algorithm, seed, firstIndex);
  }

  /** Writes elements {@code [firstIndex, firstIndex + count)} into {@code out[offset, offset + count)}. */
  public void fill(long firstIndex, long[] out, int offset, int count) {
    streamAt(firstIndex).fill(out, offset, count);
  }

  /** Elements {@code [firstIndex, firstIndex + count)} as a new array. */
  public long[] expand(long firstIndex, int count) {
    long[] out = new long[count];
    fill(firstIndex, out, 0, count);
    return out;
  }

  @Override
  public String toString() {
    return "Prg[" + algorithm + ", seed redacted]";
  }
}
