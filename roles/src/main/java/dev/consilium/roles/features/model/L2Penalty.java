package dev.consilium.roles.features.model;

import org.ejml.data.DMatrixRMaj;

/** The optional weight penalty (l2/2)·‖W‖², summed over weight matrices; biases are never penalised. */
final class L2Penalty {
  private L2Penalty() {}

  static double of(double l2, DMatrixRMaj... weights) {
    if (l2 == 0) {
      return 0;
    }
    double sum = 0;
    for (DMatrixRMaj w : weights) {
      for (int i = 0; i < w.getNumElements(); i++) {
        sum += w.data[i] * w.data[i];
      }
    }
    return 0.5 * l2 * sum;
  }
}
