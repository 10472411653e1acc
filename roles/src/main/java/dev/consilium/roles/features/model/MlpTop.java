package dev.consilium.roles.features.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One hidden layer of k ReLU units on top of Z: a = Z + X_0·W_0 + b_1, h = max(a, 0), logit = h·v + c,
 * p = σ(logit). Z is the holders' share of the pre-activation a, so dL/dZ = dL/da = ((p − y)/b)·vᵀ masked
 * by ReLU′(a) (1 where a > 0, else 0).
 */
final class MlpTop implements TopModel {
  static final String HIDDEN_WEIGHTS = "W0";
  static final String HIDDEN_BIAS = "b1";
  static final String OUTPUT_WEIGHTS = "v";
  static final String OUTPUT_BIAS = "c";

  private final int hiddenUnits;
  private final int ownerColumns;
  private final double learningRate;
  private final double l2;
  private DMatrixRMaj hiddenWeights;
  private DMatrixRMaj hiddenBias;
  private DMatrixRMaj outputWeights;
  private double outputBias;

  /** The forward pass of one batch, kept for the backward pass. */
  private record Forward(DMatrixRMaj preActivation, DMatrixRMaj hidden, double[] logits) {}

  MlpTop(int hiddenUnits, int ownerColumns, TrainingSettings settings) {
    this.hiddenUnits = hiddenUnits;
    this.ownerColumns = ownerColumns;
    this.learningRate = settings.learningRate();
    this.l2 = settings.l2();
    ModelSpec spec = ModelSpec.mlp(hiddenUnits);
    this.hiddenWeights = InitialWeights.firstLayer(spec, settings.seed(), InitialWeights.OWNER, ownerColumns);
    this.hiddenBias = new DMatrixRMaj(1, hiddenUnits);
    this.outputWeights = InitialWeights.glorotUniform(settings.seed(), InitialWeights.OWNER,
        InitialWeights.OUTPUT_LAYER, hiddenUnits, 1);
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.mlp(hiddenUnits);
  }

  @Override
  public int ownerColumns() {
    return ownerColumns;
  }

  @Override
  public Step trainStep(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y) {
    Forward forward = forward(z, x0Rows);
    int b = forward.logits.length;
    BinaryCrossEntropy.checkLabels(y, b);
    double loss = loss(forward.logits, y);

    DMatrixRMaj g = new DMatrixRMaj(b, 1); // dL/dlogit
    for (int i = 0; i < b; i++) {
      g.data[i] = (BinaryCrossEntropy.sigmoid(forward.logits[i]) - y[i]) / b;
    }
    DMatrixRMaj outputGradient = new DMatrixRMaj(hiddenUnits, 1);
    CommonOps_DDRM.multTransA(forward.hidden, g, outputGradient);
    CommonOps_DDRM.addEquals(outputGradient, l2, outputWeights);

    // dL/da = g·vᵀ where the unit was active; computed with v before this step changes it.
    DMatrixRMaj dA = new DMatrixRMaj(b, hiddenUnits);
    CommonOps_DDRM.multTransB(g, outputWeights, dA);
    for (int i = 0; i < dA.getNumElements(); i++) {
      if (!(forward.preActivation.data[i] > 0)) {
        dA.data[i] = 0;
      }
    }
    DMatrixRMaj hiddenGradient = new DMatrixRMaj(ownerColumns, hiddenUnits);
    if (ownerColumns > 0) {
      CommonOps_DDRM.multTransA(x0Rows, dA, hiddenGradient);
    }
    CommonOps_DDRM.addEquals(hiddenGradient, l2, hiddenWeights);
    DMatrixRMaj biasGradient = CommonOps_DDRM.sumCols(dA, null);

    CommonOps_DDRM.addEquals(hiddenWeights, -learningRate, hiddenGradient);
    CommonOps_DDRM.addEquals(hiddenBias, -learningRate, biasGradient);
    CommonOps_DDRM.addEquals(outputWeights, -learningRate, outputGradient);
    outputBias -= learningRate * CommonOps_DDRM.elementSum(g);
    return new Step(loss, dA);
  }

  @Override
  public double loss(DMatrixRMaj z, DMatrixRMaj x0Rows, double[] y) {
    Forward forward = forward(z, x0Rows);
    BinaryCrossEntropy.checkLabels(y, forward.logits.length);
    return loss(forward.logits, y);
  }

  @Override
  public double[] score(DMatrixRMaj z, DMatrixRMaj x0Rows) {
    double[] p = forward(z, x0Rows).logits;
    for (int i = 0; i < p.length; i++) {
      p[i] = BinaryCrossEntropy.sigmoid(p[i]);
    }
    return p;
  }

  @Override
  public ModelParameters checkpoint() {
    DMatrixRMaj c = new DMatrixRMaj(1, 1);
    c.data[0] = outputBias;
    return ModelParameters.builder().add(HIDDEN_WEIGHTS, hiddenWeights).add(HIDDEN_BIAS, hiddenBias)
        .add(OUTPUT_WEIGHTS, outputWeights).add(OUTPUT_BIAS, c).build();
  }

  @Override
  public void restore(ModelParameters snapshot) {
    DMatrixRMaj w0 = snapshot.matrix(HIDDEN_WEIGHTS);
    DMatrixRMaj b1 = snapshot.matrix(HIDDEN_BIAS);
    DMatrixRMaj v = snapshot.matrix(OUTPUT_WEIGHTS);
    DMatrixRMaj c = snapshot.matrix(OUTPUT_BIAS);
    if (!hasShape(w0, ownerColumns, hiddenUnits) || !hasShape(b1, 1, hiddenUnits) || !hasShape(v, hiddenUnits, 1)
        || !hasShape(c, 1, 1)) {
      throw new IllegalArgumentException("checkpoint " + snapshot + " does not fit an mlp top model of "
          + hiddenUnits + " hidden units over " + ownerColumns + " owner columns");
    }
    hiddenWeights = w0;
    hiddenBias = b1;
    outputWeights = v;
    outputBias = c.data[0];
  }

  @Override
  public String toString() {
    return "MlpTop[" + hiddenUnits + " hidden units, " + ownerColumns + " owner columns]";
  }

  private Forward forward(DMatrixRMaj z, DMatrixRMaj x0Rows) {
    BatchShape.check(z, x0Rows, hiddenUnits, ownerColumns);
    DMatrixRMaj a = z.copy();
    if (ownerColumns > 0) {
      CommonOps_DDRM.multAdd(x0Rows, hiddenWeights, a);
    }
    DMatrixRMaj h = new DMatrixRMaj(a.numRows, hiddenUnits);
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < hiddenUnits; j++) {
        int at = i * hiddenUnits + j;
        a.data[at] += hiddenBias.data[j];
        h.data[at] = Math.max(a.data[at], 0);
      }
    }
    DMatrixRMaj logits = new DMatrixRMaj(a.numRows, 1);
    CommonOps_DDRM.mult(h, outputWeights, logits);
    double[] out = new double[a.numRows];
    for (int i = 0; i < out.length; i++) {
      out[i] = logits.data[i] + outputBias;
    }
    return new Forward(a, h, out);
  }

  private double loss(double[] logits, double[] y) {
    return BinaryCrossEntropy.mean(logits, y) + L2Penalty.of(l2, hiddenWeights, outputWeights);
  }

  private static boolean hasShape(DMatrixRMaj m, int rows, int cols) {
    return m.numRows == rows && m.numCols == cols;
  }
}
