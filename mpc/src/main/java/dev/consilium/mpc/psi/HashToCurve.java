package dev.consilium.mpc.psi;

import java.util.List;

/**
 * Hashes byte strings to points of a prime-order group, encoded for X25519: the first step of ECDH private
 * set intersection. Implementations are immutable and thread-safe; the domain separation tag is fixed when
 * one is created.
 */
public interface HashToCurve {
  /**
   * The point for {@code message} as its 32-byte RFC 7748 u-coordinate, ready for
   * {@link PointBlinder#blind}.
   */
  byte[] hashToCurve(byte[] message);

  /**
   * {@link #hashToCurve} over a batch; the i-th result belongs to the i-th message. Runs as a parallel stream
   * on the common fork/join pool (or, when called from a fork/join worker such as an Akka dispatcher thread,
   * on that worker's pool), so parallelism is bounded by the pool, never a thread per item. Blocks the caller
   * until the whole batch is done: actors should call it from a dedicated blocking dispatcher.
   *
   * @return an unmodifiable list of 32-byte u-coordinates
   * @throws NullPointerException naming the index of a null message
   */
  default List<byte[]> hashToCurveAll(List<byte[]> messages) {
    return ParallelBatch.map(messages, this::hashToCurve);
  }
}
