package dev.consilium.mpc.additive;

import java.util.Arrays;

/**
 * A row-major matrix over Z_2⁶⁴. Immutable by convention: {@link #values()} exposes the backing array so that
 * large matrices are not copied, and nobody may write to it after construction.
 */
public final class RingMatrix {
  private final int rows;
  private final int cols;
  private final long[] values;

  private RingMatrix(int rows, int cols, long[] values) {
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /** Takes {@code values} (row-major, {@code rows * cols} long) without copying; do not modify it afterwards. */
  public static RingMatrix wrap(int rows, int cols, long[] values) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be non-negative, was " + rows);
    }
    if (cols < 0) {
      throw new IllegalArgumentException("cols must be non-negative, was " + cols);
    }
    long expected = (long) rows * cols;
    if (values.length != expected) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " matrix needs " + expected + " values, got " + values.length);
    }
    return new RingMatrix(rows, cols, values);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public long get(int row, int col) {
    if (row < 0 || row >= rows || col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside a " + rows + "x" + cols + " matrix");
    }
    return values[row * cols + col];
  }

  /** The backing row-major array. Read it, never write it. */
  public long[] values() {
    return values;
  }

  /** "3x4", for messages. */
  public String shape() {
    return rows + "x" + cols;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RingMatrix other
        && rows == other.rows
        && cols == other.cols
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(values);
  }

  /** Shape only: the values may be a party's private data. */
  @Override
  public String toString() {
    return "RingMatrix[" + shape() + ", values redacted]";
  }
}
