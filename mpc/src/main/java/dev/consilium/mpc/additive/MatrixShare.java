package dev.consilium.mpc.additive;

/** One party's share of a {@link RingMatrix}: the shape and a share of the row-major values. */
public final class MatrixShare {
  private final int rows;
  private final int cols;
  private final VectorShare values;

  private MatrixShare(int rows, int cols, VectorShare values) {
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  public static MatrixShare of(int rows, int cols, VectorShare values) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("matrix shape must be non-negative, was " + rows + "x" + cols);
    }
    long expected = (long) rows * cols;
    if (values.length() != expected) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " matrix share needs " + expected + " values, got " + values.length());
    }
    return new MatrixShare(rows, cols, values);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public VectorShare values() {
    return values;
  }

  public String shape() {
    return rows + "x" + cols;
  }

  @Override
  public String toString() {
    return "MatrixShare[" + shape() + ", " + values + "]";
  }
}
