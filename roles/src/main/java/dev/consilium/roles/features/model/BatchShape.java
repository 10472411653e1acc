package dev.consilium.roles.features.model;

import org.ejml.data.DMatrixRMaj;

/** Checks of a batch's inputs shared by the models; messages name the input and its shape, never values. */
final class BatchShape {
  private BatchShape() {}

  /** z must be {@code b x k} and finite, x0Rows {@code b x ownerColumns}, with b ≥ 1. */
  static void check(DMatrixRMaj z, DMatrixRMaj x0Rows, int outputWidth, int ownerColumns) {
    if (z.numRows < 1 || z.numCols != outputWidth) {
      throw new IllegalArgumentException("Z is " + z.numRows + "x" + z.numCols + ", expected at least one row of "
          + outputWidth);
    }
    if (x0Rows.numRows != z.numRows || x0Rows.numCols != ownerColumns) {
      throw new IllegalArgumentException("the owner's rows are " + x0Rows.numRows + "x" + x0Rows.numCols
          + ", expected " + z.numRows + "x" + ownerColumns + " to match Z");
    }
    requireFinite("Z", z);
  }

  static void requireFinite(String name, DMatrixRMaj m) {
    for (int i = 0; i < m.getNumElements(); i++) {
      if (!Double.isFinite(m.data[i])) {
        throw new IllegalArgumentException(name + " has a non-finite entry at row " + i / m.numCols + ", column "
            + i % m.numCols);
      }
    }
  }
}
