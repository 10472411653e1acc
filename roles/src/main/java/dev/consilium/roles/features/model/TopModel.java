package dev.consilium.roles.features.model;

import dev.consilium.mpc.hash.Sha256Hash;
import org.ejml.data.DMatrixRMaj;

/**
 * The task owner's part of the model: it takes Z = ΣX_i·W_i (arriving from the holders, or computed in one
 * process by the centralized twin) with the owner's own columns X_0 and labels y, and gives the loss, the
 * probabilities and dL/dZ. The loss is the batch's mean binary cross-entropy plus (l2/2)·‖owner's
 * weights‖²; the holders add their own penalty terms, which the owner does not see.
 *
 * <p>Not thread-safe: one owner's session (or trainer) owns it. Its parameters leave only as copies
 * ({@link #checkpoint()}).
 */
public sealed interface TopModel permits LogisticTop, MlpTop {
  /**
   * What one SGD step gives back: the batch's loss before the step, and dL/dZ ({@code b x k}, the 1/b of the
   * mean included), for the holders.
   */
  record Step(double loss, DMatrixRMaj dZ) {
    @Override
    public String toString() {
      return "Step[loss=" + loss + ", dZ " + dZ.numRows + "x" + dZ.numCols + "]";
    }
  }

  /** The owner's starting model over its {@code ownerColumns} columns (0 allowed), from the task's seed. */
  static TopModel initial(ModelSpec spec, TrainingSettings settings, int ownerColumns) {
    if (ownerColumns < 0) {
      throw new IllegalArgumentException("ownerColumns must be non-negative, was " + ownerColumns);
    }
    return switch (spec.kind()) {
      case LOGISTIC -> new LogisticTop(ownerColumns, settings);
      case MLP -> new MlpTop(spec.outputWidth(), ownerColumns, settings);
    };
  }

  ModelSpec spec();

  int ownerColumns();

  /**
   * One SGD step on a batch: Z ({@code b x k}), the owner's rows X_0 ({@code b x ownerColumns}) and their
   * labels (0 or 1). Updates the owner's parameters and returns the loss and dL/dZ, both at the parameters
   * before the step.
   */
  Step trainStep(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y);

  /** The loss the step would report, without stepping. */
  double loss(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y);

  /** The predicted probability of label 1 for each row. */
  double[] score(DMatrixRMaj z, DMatrixRMaj x0Rows);

  /** The owner's parameters as a snapshot, to roll back a round or store the final model. */
  ModelParameters checkpoint();

  /** Puts back the parameters of {@code snapshot}, which must have this model's blocks and shapes. */
  void restore(ModelParameters snapshot);

  /** SHA-256 of the canonical encoding of {@link #checkpoint()}. */
  default Sha256Hash digest() {
    return checkpoint().digest();
  }
}
