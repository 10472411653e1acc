package dev.consilium.roles.features.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Logistic regression on top of Z: logit = Z + X_0·w_0 + b, p = σ(logit). With Z = ΣX_i·W_i this is plain
 * logistic regression on all parties' columns, and dL/dZ = (p − y)/b.
 */
final class LogisticTop implements TopModel {
  static final String WEIGHTS = "w0";
  static final String BIAS = "b";

  private final int ownerColumns;
  private final double learningRate;
  private final double l2;
  private DMatrixRMaj weights;
  private double bias;

  LogisticTop(int ownerColumns, TrainingSettings settings) {
    this.ownerColumns = ownerColumns;
    this.learningRate = settings.learningRate();
    this.l2 = settings.l2();
    this.weights = InitialWeights.firstLayer(ModelSpec.logistic(), settings.seed(), InitialWeights.OWNER,
        ownerColumns);
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.logistic();
  }

  @Override
  public int ownerColumns() {
    return ownerColumns;
  }

  @Override
  public Step trainStep(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y) {
    double[] logits = logits(z, x0Rows);
    BinaryCrossEntropy.checkLabels(y, logits.length);
    double loss = loss(logits, y);
    int b = logits.length;
    // g = dL/dlogit = dL/dZ, since the logit is Z plus terms that do not depend on Z.
    DMatrixRMaj g = new DMatrixRMaj(b, 1);
    for (int i = 0; i < b; i++) {
      g.data[i] = (BinaryCrossEntropy.sigmoid(logits[i]) - y[i]) / b;
    }
    DMatrixRMaj weightGradient = new DMatrixRMaj(ownerColumns, 1);
    if (ownerColumns > 0) {
      CommonOps_DDRM.multTransA(x0Rows, g, weightGradient);
    }
    CommonOps_DDRM.addEquals(weightGradient, l2, weights);
    CommonOps_DDRM.addEquals(weights, -learningRate, weightGradient);
    bias -= learningRate * CommonOps_DDRM.elementSum(g);
    return new Step(loss, g);
  }

  @Override
  public double loss(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y) {
    double[] logits = logits(z, x0Rows);
    BinaryCrossEntropy.checkLabels(y, logits.length);
    return loss(logits, y);
  }

  @Override
  public double[] score(DMatrixRMaj z, DMatrixRMaj x0Rows) {
    double[] p = logits(z, x0Rows);
    for (int i = 0; i < p.length; i++) {
      p[i] = BinaryCrossEntropy.sigmoid(p[i]);
    }
    return p;
  }

  @Override
  public ModelParameters checkpoint() {
    DMatrixRMaj b = new DMatrixRMaj(1, 1);
    b.data[0] = bias;
    return ModelParameters.builder().add(WEIGHTS, weights).add(BIAS, b).build();
  }

  @Override
  public void restore(ModelParameters snapshot) {
    DMatrixRMaj w = snapshot.matrix(WEIGHTS);
    DMatrixRMaj b = snapshot.matrix(BIAS);
    if (w.numRows != ownerColumns || w.numCols != 1 || b.numRows != 1 || b.numCols != 1) {
      throw new IllegalArgumentException("checkpoint " + snapshot + " does not fit a logistic top model over "
          + ownerColumns + " owner columns");
    }
    weights = w;
    bias = b.data[0];
  }

  @Override
  public String toString() {
    return "LogisticTop[" + ownerColumns + " owner columns]";
  }

  private double[] logits(DMatrixRMaj z, DMatrixRMaj x0Rows) {
    BatchShape.check(z, x0Rows, 1, ownerColumns);
    DMatrixRMaj logits = new DMatrixRMaj(z.numRows, 1);
    if (ownerColumns > 0) {
      CommonOps_DDRM.mult(x0Rows, weights, logits);
    }
    double[] out = new double[z.numRows];
    for (int i = 0; i < out.length; i++) {
      out[i] = z.data[i] + logits.data[i] + bias;
    }
    return out;
  }

  private double loss(double[] logits, double[] y) {
    return BinaryCrossEntropy.mean(logits, y) + L2Penalty.of(l2, weights);
  }
}
