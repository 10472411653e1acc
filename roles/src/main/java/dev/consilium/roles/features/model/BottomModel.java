package dev.consilium.roles.features.model;

import dev.consilium.mpc.hash.Sha256Hash;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A data holder's part of the split first layer: its weight matrix W_i ({@code columns x k}). It turns the
 * holder's rows into Z_i = X_i·W_i and, given dL/dZ from the owner, steps W_i −= lr·(X_iᵀ·dL/dZ + l2·W_i).
 * Since Z = ΣZ_i, dL/dZ_i = dL/dZ, and X_iᵀ·dL/dZ is the exact gradient of the loss in W_i.
 *
 * <p>The weights are the holder's private data: they leave only through {@link #weights()} and {@link
 * #checkpoint()} (both copies). Not thread-safe: one holder's session owns it.
 */
public final class BottomModel {
  /** The name of the weight block in checkpoints. */
  public static final String WEIGHTS = "W";

  private final int columns;
  private final int outputWidth;
  private final double l2;
  private DMatrixRMaj weights;

  private BottomModel(DMatrixRMaj weights, double l2) {
    this.columns = weights.numRows;
    this.outputWidth = weights.numCols;
    this.l2 = l2;
    this.weights = weights;
  }

  /**
   * Holder {@code party}'s (1, 2, … in the task's order) starting model over its {@code columns} columns:
   * {@link InitialWeights#firstLayer}, so the centralized twin starts from the same matrix.
   */
  public static BottomModel initial(ModelSpec spec, TrainingSettings settings, int party, int columns) {
    if (party < 1) {
      throw new IllegalArgumentException("a holder's party index must be at least 1 (0 is the owner), was " + party);
    }
    if (columns < 1) {
      throw new IllegalArgumentException("a holder needs at least one column, had " + columns);
    }
    return new BottomModel(InitialWeights.firstLayer(spec, settings.seed(), party, columns), settings.l2());
  }

  public int columns() {
    return columns;
  }

  public int outputWidth() {
    return outputWidth;
  }

  /** Z_i = X_i·W_i for the holder's rows {@code xRows} ({@code b x columns}): a new {@code b x k} matrix. */
  public DMatrixRMaj forward(DMatrixRMaj xRows) {
    requireColumns(xRows);
    DMatrixRMaj z = new DMatrixRMaj(xRows.numRows, outputWidth);
    CommonOps_DDRM.mult(xRows, weights, z);
    return z;
  }

  /**
   * One SGD step for the batch whose rows are {@code xRows} and whose loss gradient in Z is {@code dZ}
   * ({@code b x k}, the 1/b of the mean already in it): W_i −= lr·(X_iᵀ·dZ + l2·W_i).
   */
  public void update(DMatrixRMaj xRows, DMatrixRMaj dZ, double learningRate) {
    requireColumns(xRows);
    if (dZ.numRows != xRows.numRows || dZ.numCols != outputWidth) {
      throw new IllegalArgumentException("dZ is " + dZ.numRows + "x" + dZ.numCols + ", expected " + xRows.numRows
          + "x" + outputWidth + " for a batch of " + xRows.numRows + " rows");
    }
    if (!(learningRate > 0 && learningRate <= TrainingSettings.MAX_LEARNING_RATE)) {
      throw new IllegalArgumentException("learningRate must be in (0, " + TrainingSettings.MAX_LEARNING_RATE
          + "], was " + learningRate);
    }
    BatchShape.requireFinite("dZ", dZ);
    DMatrixRMaj gradient = new DMatrixRMaj(columns, outputWidth);
    CommonOps_DDRM.multTransA(xRows, dZ, gradient);
    if (l2 > 0) {
      CommonOps_DDRM.addEquals(gradient, l2, weights);
    }
    CommonOps_DDRM.addEquals(weights, -learningRate, gradient);
  }

  /** A copy of W_i. */
  public DMatrixRMaj weights() {
    return weights.copy();
  }

  /** The weights as a snapshot, to roll a round back or to store the final model. */
  public ModelParameters checkpoint() {
    return ModelParameters.builder().add(WEIGHTS, weights).build();
  }

  /** Puts back the weights of {@code snapshot}, which must have this model's shape. */
  public void restore(ModelParameters snapshot) {
    DMatrixRMaj restored = snapshot.matrix(WEIGHTS);
    if (restored.numRows != columns || restored.numCols != outputWidth) {
      throw new IllegalArgumentException("checkpoint weights are " + restored.numRows + "x" + restored.numCols
          + ", this model's are " + columns + "x" + outputWidth);
    }
    weights = restored;
  }

  /** SHA-256 of the canonical encoding of {@link #checkpoint()}: the commitment to this round's weights. */
  public Sha256Hash digest() {
    return checkpoint().digest();
  }

  @Override
  public String toString() {
    return "BottomModel[" + columns + "x" + outputWidth + "]"; // shape only: the weights are private
  }

  private void requireColumns(DMatrixRMaj xRows) {
    if (xRows.numCols != columns) {
      throw new IllegalArgumentException("rows have " + xRows.numCols + " columns, this holder's model takes "
          + columns);
    }
  }
}
