package dev.consilium.roles.features.model;

/**
 * The loss of both top models, from logits: ℓ(z, y) = log(1 + e^z) − y·z, the binary cross-entropy of
 * p = σ(z). Written on the logit, not on p, so that a confident wrong prediction costs a large finite loss
 * rather than log(0).
 */
final class BinaryCrossEntropy {
  private BinaryCrossEntropy() {}

  /** σ(z) = 1 / (1 + e^−z), without overflow for large |z|. */
  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** ℓ(z, y); log(1 + e^z) as max(z, 0) + log1p(e^−|z|) to stay finite. */
  static double loss(double logit, double label) {
    return Math.max(logit, 0) + Math.log1p(Math.exp(-Math.abs(logit))) - label * logit;
  }

  /** The mean of ℓ over a batch. */
  static double mean(double[] logits, double[] labels) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      sum += loss(logits[i], labels[i]);
    }
    return sum / logits.length;
  }

  /** Checks that {@code labels} has {@code rows} entries, each 0 or 1. */
  static void checkLabels(double[] labels, int rows) {
    if (labels.length != rows) {
      throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label " + i + " is not 0 or 1");
      }
    }
  }
}
