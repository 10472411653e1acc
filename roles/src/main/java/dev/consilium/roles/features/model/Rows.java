package dev.consilium.roles.features.model;

import org.ejml.data.DMatrixRMaj;

/** Picking rows out of a party's aligned matrix or label vector, for one minibatch or one split. */
public final class Rows {
  private Rows() {}

  /** Rows {@code rows} of {@code m}, in that order: a {@code rows.length x m.numCols} matrix. */
  public static DMatrixRMaj select(DMatrixRMaj m, int[] rows) {
    DMatrixRMaj out = new DMatrixRMaj(rows.length, m.numCols);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(m.data, checked(rows[i], m.numRows) * m.numCols, out.data, i * m.numCols, m.numCols);
    }
    return out;
  }

  /** Entries {@code rows} of {@code values}, in that order. */
  public static double[] select(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[checked(rows[i], values.length)];
    }
    return out;
  }

  private static int checked(int row, int count) {
    if (row < 0 || row >= count) {
      throw new IndexOutOfBoundsException("row " + row + " is outside [0, " + count + ")");
    }
    return row;
  }
}
