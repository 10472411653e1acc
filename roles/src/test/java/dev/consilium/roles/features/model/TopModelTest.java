package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public class TopModelTest {
  private final DMatrixRMaj x0 = new DMatrixRMaj(new double[][] {{1, 2}, {0, -1}, {3, 0.5}});
  private final double[] y = {1, 0, 1};

  // At zero weights every logit is Z: logit = [0, 2, −1], so p = σ(logit) and dL/dZ = (p − y)/3.
  @Test
  public void logistic_atZeroWeights_scoresSigmoidOfZ() {
    TopModel top = TopModel.initial(ModelSpec.logistic(), TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC), 2);
    DMatrixRMaj z = new DMatrixRMaj(new double[][] {{0}, {2}, {-1}});
    double[] p = top.score(z, x0);
    assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(1))}, p, 1e-15);
    double loss = (Math.log(2) + Math.log(1 + Math.exp(2)) + Math.log(1 + Math.exp(1))) / 3;
    TopModel.Step step = top.trainStep(z, x0, y);
    assertEquals(loss, step.loss(), 1e-15);
    assertArrayEquals(new double[] {(p[0] - 1) / 3, p[1] / 3, (p[2] - 1) / 3}, step.dZ().data, 1e-15);
  }

  @Test
  public void ownerWithoutColumns_isAllowed() {
    TopModel top = TopModel.initial(ModelSpec.mlp(3), TrainingSettings.defaults(ModelSpec.Kind.MLP), 0);
    DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, -1, 0.5}, {0.2, 0.3, -2}});
    TopModel.Step step = top.trainStep(z, new DMatrixRMaj(2, 0), new double[] {1, 0});
    assertEquals(2, step.dZ().numRows);
    assertEquals(2, top.score(z, new DMatrixRMaj(2, 0)).length);
  }

  @Test
  public void restore_undoesAStepForBothKinds() {
    for (ModelSpec spec : new ModelSpec[] {ModelSpec.logistic(), ModelSpec.mlp(4)}) {
      TopModel top = TopModel.initial(spec, TrainingSettings.defaults(spec.kind()), 2);
      DMatrixRMaj z = new DMatrixRMaj(3, spec.outputWidth());
      z.fill(0.3);
      ModelParameters checkpoint = top.checkpoint();
      double[] before = top.score(z, x0);
      top.trainStep(z, x0, y);
      assertNotEquals(spec + " moved", checkpoint.digest(), top.digest());
      top.restore(checkpoint);
      assertEquals(checkpoint.digest(), top.digest());
      assertArrayEquals(before, top.score(z, x0), 0);
    }
  }

  @Test
  public void restore_ofTheOtherKindsParameters_isRefused() {
    TopModel logistic = TopModel.initial(ModelSpec.logistic(), TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC), 2);
    TopModel mlp = TopModel.initial(ModelSpec.mlp(4), TrainingSettings.defaults(ModelSpec.Kind.MLP), 2);
    assertThrows(IllegalArgumentException.class, () -> logistic.restore(mlp.checkpoint()));
    assertThrows(IllegalArgumentException.class, () -> mlp.restore(logistic.checkpoint()));
    TopModel wider = TopModel.initial(ModelSpec.mlp(4), TrainingSettings.defaults(ModelSpec.Kind.MLP), 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.restore(wider.checkpoint()));
    assertTrue(e.getMessage(), e.getMessage().contains("does not fit an mlp top model of 4 hidden units over 2"));
  }

  @Test
  public void badInputs_areNamed() {
    TopModel top = TopModel.initial(ModelSpec.mlp(4), TrainingSettings.defaults(ModelSpec.Kind.MLP), 2);
    DMatrixRMaj z = new DMatrixRMaj(3, 4);
    assertEquals("Z is 3x2, expected at least one row of 4",
        assertThrows(IllegalArgumentException.class, () -> top.score(new DMatrixRMaj(3, 2), x0)).getMessage());
    assertEquals("the owner's rows are 2x2, expected 3x2 to match Z", assertThrows(IllegalArgumentException.class,
        () -> top.score(z, new DMatrixRMaj(2, 2))).getMessage());
    assertEquals("2 labels for 3 rows", assertThrows(IllegalArgumentException.class,
        () -> top.trainStep(z, x0, new double[] {1, 0})).getMessage());
    assertEquals("label 2 is not 0 or 1", assertThrows(IllegalArgumentException.class,
        () -> top.trainStep(z, x0, new double[] {1, 0, 0.5})).getMessage());
    DMatrixRMaj infinite = z.copy();
    infinite.set(2, 3, Double.POSITIVE_INFINITY);
    assertEquals("Z has a non-finite entry at row 2, column 3",
        assertThrows(IllegalArgumentException.class, () -> top.score(infinite, x0)).getMessage());
  }
}
