package dev.consilium.roles.features.aggregation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Arrays as feature-learning messages carry them: 8 bytes per element, little-endian. */
public final class WireArrays {
  private WireArrays() {}

  /** Ring elements as they travel: 8 bytes each, little-endian. */
  public static byte[] longsToBytes(long[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asLongBuffer().put(values);
    return buffer.array();
  }

  public static long[] bytesToLongs(byte[] bytes) {
    if (bytes.length % 8 != 0) {
      throw new IllegalArgumentException("ring elements are 8 bytes each; " + bytes.length + " bytes is not a whole number of them");
    }
    long[] values = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
    return values;
  }

  /** Reals as they travel (dL/dZ, plaintext Z in the unprotected baseline): 8 bytes each, little-endian. */
  public static byte[] doublesToBytes(double[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asDoubleBuffer().put(values);
    return buffer.array();
  }

  public static double[] bytesToDoubles(byte[] bytes) {
    if (bytes.length % 8 != 0) {
      throw new IllegalArgumentException("reals are 8 bytes each; " + bytes.length + " bytes is not a whole number of them");
    }
    double[] values = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }

  /** Row positions as they enter a digest: 4 bytes each, little-endian. */
  public static byte[] intsToBytes(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asIntBuffer().put(values);
    return buffer.array();
  }
}
