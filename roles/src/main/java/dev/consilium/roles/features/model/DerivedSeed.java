package dev.consilium.roles.features.model;

import dev.consilium.mpc.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Independent seeds for each random choice of a task, all from the task's one seed: the first 8 bytes
 * (big-endian) of SHA-256(purpose ‖ 0x00 ‖ seed ‖ index…), every number as 8 big-endian bytes. A hash rather
 * than {@code seed + purpose}, so that the split, each epoch's order and each party's weights draw from
 * unrelated streams, and any party (in any language) can derive them from the task alone.
 */
final class DerivedSeed {
  private DerivedSeed() {}

  static long of(long seed, String purpose, long... indices) {
    byte[] name = purpose.getBytes(StandardCharsets.UTF_8);
    ByteBuffer encoded = ByteBuffer.allocate(name.length + 1 + Long.BYTES * (1 + indices.length));
    encoded.put(name).put((byte) 0).putLong(seed);
    for (long index : indices) {
      encoded.putLong(index);
    }
    return ByteBuffer.wrap(Sha256.digest(encoded.array()).toByteArray()).getLong();
  }
}
