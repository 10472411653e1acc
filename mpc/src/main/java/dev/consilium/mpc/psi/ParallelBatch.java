package dev.consilium.mpc.psi;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Order-preserving parallel maps over batches of byte strings, for hashing and blinding whole sets.
 *
 * <p>Work runs as a parallel stream: on the common fork/join pool (parallelism = cores − 1, plus the calling
 * thread, which takes part), or, when called from a fork/join worker such as an Akka dispatcher thread, on
 * that worker's pool. Either way parallelism is bounded by a pool, never a thread per item. A batch blocks
 * its caller for its whole duration, so actors should call it from a dedicated blocking dispatcher rather
 * than the default one. Batches below {@link #MIN_PARALLEL_ITEMS} run on the calling thread, where splitting
 * would cost more than it saves.
 */
final class ParallelBatch {
  static final int MIN_PARALLEL_ITEMS = 32;

  /** A step that may refuse its input. */
  @FunctionalInterface
  interface SecurityStep {
    byte[] apply(byte[] item) throws GeneralSecurityException;
  }

  private ParallelBatch() {}

  static List<byte[]> map(List<byte[]> items, UnaryOperator<byte[]> step) {
    byte[][] input = requireItems(items);
    return indices(input.length).mapToObj(i -> step.apply(input[i])).toList();
  }

  static List<byte[]> mapChecked(List<byte[]> items, SecurityStep step) throws GeneralSecurityException {
    byte[][] input = requireItems(items);
    try {
      return indices(input.length).mapToObj(i -> applyOrWrap(step, input, i)).toList();
    } catch (RefusedItem e) {
      GeneralSecurityException cause = e.refusal;
      throw new GeneralSecurityException("batch item " + e.index + ": " + cause.getMessage(), cause);
    }
  }

  /**
   * Copies the batch and checks it for nulls up front: an exception thrown on a pool thread reaches the caller
   * as a fresh instance without its message, so the index would be lost.
   */
  private static byte[][] requireItems(List<byte[]> items) {
    byte[][] input = items.toArray(new byte[0][]);
    for (int i = 0; i < input.length; i++) {
      if (input[i] == null) {
        throw new NullPointerException("batch item " + i + " is null");
      }
    }
    return input;
  }

  /** An ordered stream: mapToObj and toList keep encounter order, whichever thread ran each item. */
  private static IntStream indices(int count) {
    IntStream indices = IntStream.range(0, count);
    return count >= MIN_PARALLEL_ITEMS ? indices.parallel() : indices;
  }

  private static byte[] applyOrWrap(SecurityStep step, byte[][] input, int index) {
    try {
      return step.apply(input[index]);
    } catch (GeneralSecurityException e) {
      throw new RefusedItem(index, e);
    }
  }

  /**
   * Carries a checked refusal out of the stream. Its constructor is not public, so the fork/join framework
   * rethrows this very instance in the caller instead of a reflective copy.
   */
  private static final class RefusedItem extends RuntimeException {
    final int index;
    final GeneralSecurityException refusal;

    RefusedItem(int index, GeneralSecurityException refusal) {
      super(refusal);
      this.index = index;
      this.refusal = refusal;
    }
  }
}
