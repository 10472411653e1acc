package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public class BottomModelTest {
  private final TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.MLP).withSeed(11);
  private final BottomModel model = BottomModel.initial(ModelSpec.mlp(2), settings, 1, 3);
  private final DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0, 2}, {-1, 3, 0.5}});

  @Test
  public void forward_isTheRowsTimesTheWeights() {
    DMatrixRMaj w = model.weights();
    DMatrixRMaj z = model.forward(x);
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        double expected = 0;
        for (int j = 0; j < 3; j++) {
          expected += x.get(r, j) * w.get(j, c);
        }
        assertEquals(expected, z.get(r, c), 1e-15);
      }
    }
  }

  // W −= lr·Xᵀ·dZ: with X = [[1,0,2],[−1,3,0.5]], dZ = [[1,0],[0,2]] and lr = 0.5, Xᵀ·dZ = [[1,−2],[0,6],[2,1]].
  @Test
  public void update_stepsAgainstXTransposedDz() {
    DMatrixRMaj before = model.weights();
    model.update(x, new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}}), 0.5);
    double[] step = {1, -2, 0, 6, 2, 1};
    DMatrixRMaj after = model.weights();
    for (int i = 0; i < step.length; i++) {
      assertEquals(before.data[i] - 0.5 * step[i], after.data[i], 1e-15);
    }
  }

  @Test
  public void restore_rollsBackARoundAndItsDigest() {
    ModelParameters checkpoint = model.checkpoint();
    model.update(x, new DMatrixRMaj(new double[][] {{1, 1}, {1, 1}}), 0.1);
    assertNotEquals(checkpoint.digest(), model.digest());
    model.restore(checkpoint);
    assertEquals(checkpoint.digest(), model.digest());
    assertArrayEquals(checkpoint.matrix(BottomModel.WEIGHTS).data, model.weights().data, 0);
  }

  @Test
  public void weights_areACopy() {
    model.weights().set(0, 0, 1e9);
    assertNotEquals(1e9, model.weights().get(0, 0), 0);
  }

  @Test
  public void badInputs_areNamed() {
    assertEquals("rows have 2 columns, this holder's model takes 3",
        assertThrows(IllegalArgumentException.class, () -> model.forward(new DMatrixRMaj(4, 2))).getMessage());
    assertEquals("dZ is 2x1, expected 2x2 for a batch of 2 rows", assertThrows(IllegalArgumentException.class,
        () -> model.update(x, new DMatrixRMaj(2, 1), 0.1)).getMessage());
    DMatrixRMaj nan = new DMatrixRMaj(2, 2);
    nan.set(1, 0, Double.NaN);
    assertEquals("dZ has a non-finite entry at row 1, column 0",
        assertThrows(IllegalArgumentException.class, () -> model.update(x, nan, 0.1)).getMessage());
    assertEquals("learningRate must be in (0, 10.0], was -1.0", assertThrows(IllegalArgumentException.class,
        () -> model.update(x, new DMatrixRMaj(2, 2), -1)).getMessage());
    assertEquals("checkpoint weights are 2x2, this model's are 3x2", assertThrows(IllegalArgumentException.class,
        () -> model.restore(ModelParameters.builder().add(BottomModel.WEIGHTS, new DMatrixRMaj(2, 2)).build()))
        .getMessage());
    assertEquals("a holder's party index must be at least 1 (0 is the owner), was 0", assertThrows(
        IllegalArgumentException.class, () -> BottomModel.initial(ModelSpec.logistic(), settings, 0, 3)).getMessage());
  }

  @Test
  public void toString_showsTheShapeOnly() {
    assertEquals("BottomModel[3x2]", model.toString());
  }
}
