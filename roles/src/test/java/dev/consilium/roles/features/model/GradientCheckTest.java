package dev.consilium.roles.features.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.Test;

/**
 * Central finite differences against the analytic gradients, for every parameter of both top models, for
 * dL/dZ, and for the holders' weights, with and without the L2 penalty. The analytic gradient of a
 * parameter is read off one SGD step at learning rate 1: θ − θ'.
 */
public class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-7;
  private static final int BATCH = 9;
  private static final int OWNER_COLUMNS = 3;
  private static final int[] HOLDER_COLUMNS = {2, 4};

  private final Random random = new Random(20240611);
  private final DMatrixRMaj x0 = randomMatrix(BATCH, OWNER_COLUMNS, 1.5);
  private final List<DMatrixRMaj> holderRows = List.of(randomMatrix(BATCH, HOLDER_COLUMNS[0], 1.5),
      randomMatrix(BATCH, HOLDER_COLUMNS[1], 1.5));
  private final double[] y = {1, 0, 0, 1, 1, 0, 1, 0, 0};

  @Test
  public void logistic_gradientsMatchFiniteDifferences() {
    check(ModelSpec.logistic(), 0);
  }

  @Test
  public void logistic_withL2_gradientsMatchFiniteDifferences() {
    check(ModelSpec.logistic(), 0.3);
  }

  @Test
  public void mlp_gradientsMatchFiniteDifferences() {
    check(ModelSpec.mlp(5), 0);
  }

  @Test
  public void mlp_withL2_gradientsMatchFiniteDifferences() {
    check(ModelSpec.mlp(5), 0.3);
  }

  private void check(ModelSpec spec, double l2) {
    TrainingSettings settings = TrainingSettings.defaults(spec.kind()).withLearningRate(1).withL2(l2);
    TopModel top = TopModel.initial(spec, settings, OWNER_COLUMNS);
    top.restore(randomized(top.checkpoint()));
    List<BottomModel> bottoms = new ArrayList<>();
    for (int i = 0; i < HOLDER_COLUMNS.length; i++) {
      BottomModel bottom = BottomModel.initial(spec, settings, i + 1, HOLDER_COLUMNS[i]);
      bottom.restore(randomized(bottom.checkpoint()));
      bottoms.add(bottom);
    }
    ModelParameters before = top.checkpoint();
    DMatrixRMaj z = z(bottoms);

    // Finite differences first, all at the parameters before the step.
    DMatrixRMaj numericDz = new DMatrixRMaj(z.numRows, z.numCols);
    for (int i = 0; i < z.getNumElements(); i++) {
      DMatrixRMaj plus = z.copy();
      DMatrixRMaj minus = z.copy();
      plus.data[i] += H;
      minus.data[i] -= H;
      numericDz.data[i] = (top.loss(plus, x0, y) - top.loss(minus, x0, y)) / (2 * H);
    }
    List<DMatrixRMaj> numericBottom = new ArrayList<>();
    for (int h = 0; h < bottoms.size(); h++) {
      numericBottom.add(numericBottomGradient(top, bottoms, h, l2));
    }
    List<DMatrixRMaj> numericTop = new ArrayList<>();
    for (String name : before.names()) {
      numericTop.add(numericTopGradient(top, before, name, z));
    }
    top.restore(before);

    TopModel.Step step = top.trainStep(z, x0, y);
    assertEquals("the step reports the loss before it", lossAt(top, before, z), step.loss(), 0);
    assertClose("dL/dZ", numericDz, step.dZ());
    ModelParameters after = top.checkpoint();
    for (int p = 0; p < before.names().size(); p++) {
      String name = before.names().get(p);
      DMatrixRMaj analytic = new DMatrixRMaj(1, 1);
      CommonOps_DDRM.subtract(before.matrix(name), after.matrix(name), analytic);
      assertClose("top parameter " + name, numericTop.get(p), analytic);
    }
    for (int h = 0; h < bottoms.size(); h++) {
      DMatrixRMaj w = bottoms.get(h).weights();
      bottoms.get(h).update(holderRows.get(h), step.dZ(), 1.0);
      DMatrixRMaj analytic = new DMatrixRMaj(1, 1);
      CommonOps_DDRM.subtract(w, bottoms.get(h).weights(), analytic);
      assertClose("holder " + (h + 1) + " weights", numericBottom.get(h), analytic);
    }
    if (spec.kind() == ModelSpec.Kind.MLP) {
      // The check means something for the ReLU mask only if some units are off and some on.
      long zeros = Arrays.stream(step.dZ().data).filter(v -> v == 0).count();
      assertTrue("some inactive units: " + zeros, zeros > 0);
      assertTrue("some active units: " + zeros, zeros < step.dZ().getNumElements());
    }
  }

  private double lossAt(TopModel top, ModelParameters parameters, DMatrixRMaj z) {
    ModelParameters current = top.checkpoint();
    top.restore(parameters);
    double loss = top.loss(z, x0, y);
    top.restore(current);
    return loss;
  }

  private DMatrixRMaj numericTopGradient(TopModel top, ModelParameters at, String name, DMatrixRMaj z) {
    DMatrixRMaj block = at.matrix(name);
    DMatrixRMaj gradient = new DMatrixRMaj(block.numRows, block.numCols);
    for (int r = 0; r < block.numRows; r++) {
      for (int c = 0; c < block.numCols; c++) {
        top.restore(at.with(name, r, c, block.get(r, c) + H));
        double plus = top.loss(z, x0, y);
        top.restore(at.with(name, r, c, block.get(r, c) - H));
        double minus = top.loss(z, x0, y);
        gradient.set(r, c, (plus - minus) / (2 * H));
      }
    }
    return gradient;
  }

  /** d/dW_h of the whole objective: the owner's loss plus holder h's own penalty (l2/2)·‖W_h‖². */
  private DMatrixRMaj numericBottomGradient(TopModel top, List<BottomModel> bottoms, int h, double l2) {
    BottomModel bottom = bottoms.get(h);
    ModelParameters at = bottom.checkpoint();
    DMatrixRMaj w = at.matrix(BottomModel.WEIGHTS);
    DMatrixRMaj gradient = new DMatrixRMaj(w.numRows, w.numCols);
    for (int r = 0; r < w.numRows; r++) {
      for (int c = 0; c < w.numCols; c++) {
        double[] objective = new double[2];
        for (int side = 0; side < 2; side++) {
          double value = w.get(r, c) + (side == 0 ? H : -H);
          bottom.restore(at.with(BottomModel.WEIGHTS, r, c, value));
          DMatrixRMaj perturbed = bottom.weights();
          objective[side] = top.loss(z(bottoms), x0, y) + 0.5 * l2 * sumOfSquares(perturbed);
        }
        gradient.set(r, c, (objective[0] - objective[1]) / (2 * H));
      }
    }
    bottom.restore(at);
    return gradient;
  }

  private static double sumOfSquares(DMatrixRMaj m) {
    double sum = 0;
    for (int i = 0; i < m.getNumElements(); i++) {
      sum += m.data[i] * m.data[i];
    }
    return sum;
  }

  private DMatrixRMaj z(List<BottomModel> bottoms) {
    DMatrixRMaj z = bottoms.get(0).forward(holderRows.get(0));
    for (int h = 1; h < bottoms.size(); h++) {
      CommonOps_DDRM.addEquals(z, bottoms.get(h).forward(holderRows.get(h)));
    }
    return z;
  }

  private ModelParameters randomized(ModelParameters parameters) {
    ModelParameters.Builder builder = ModelParameters.builder();
    for (String name : parameters.names()) {
      DMatrixRMaj m = parameters.matrix(name);
      builder.add(name, randomMatrix(m.numRows, m.numCols, 0.8));
    }
    return builder.build();
  }

  private DMatrixRMaj randomMatrix(int rows, int cols, double scale) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = scale * random.nextGaussian();
    }
    return m;
  }

  private static void assertClose(String what, DMatrixRMaj expected, DMatrixRMaj actual) {
    assertEquals(what + " rows", expected.numRows, actual.numRows);
    assertEquals(what + " cols", expected.numCols, actual.numCols);
    for (int i = 0; i < expected.getNumElements(); i++) {
      double tolerance = TOLERANCE * Math.max(1, Math.abs(expected.data[i]));
      assertEquals(what + " entry " + i, expected.data[i], actual.data[i], tolerance);
    }
  }
}
