package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public class InitialWeightsTest {
  @Test
  public void glorotUniform_isTheSameBitForBitForTheSameSeedPartyAndLayer() {
    DMatrixRMaj a = InitialWeights.glorotUniform(7, 2, 0, 10, 16);
    DMatrixRMaj b = InitialWeights.glorotUniform(7, 2, 0, 10, 16);
    assertArrayEquals(a.data, b.data, 0);
  }

  @Test
  public void glorotUniform_differsBetweenSeedsPartiesAndLayers() {
    double[] base = InitialWeights.glorotUniform(7, 2, 0, 10, 16).data;
    assertFalse(Arrays.equals(base, InitialWeights.glorotUniform(8, 2, 0, 10, 16).data));
    assertFalse(Arrays.equals(base, InitialWeights.glorotUniform(7, 1, 0, 10, 16).data));
    assertFalse(Arrays.equals(base, InitialWeights.glorotUniform(7, 2, 1, 10, 16).data));
  }

  @Test
  public void glorotUniform_staysWithinItsBoundAndUsesMostOfIt() {
    DMatrixRMaj w = InitialWeights.glorotUniform(1, 0, 0, 40, 20);
    double bound = Math.sqrt(6.0 / 60);
    double largest = 0;
    for (double v : w.data) {
      assertTrue(v + " within ±" + bound, Math.abs(v) < bound);
      largest = Math.max(largest, Math.abs(v));
    }
    assertTrue("800 uniform draws reach past 90% of the bound: " + largest, largest > 0.9 * bound);
  }

  @Test
  public void firstLayer_isZeroForLogisticAndGlorotForMlp() {
    DMatrixRMaj logistic = InitialWeights.firstLayer(ModelSpec.logistic(), 3, 1, 5);
    assertEquals(5, logistic.numRows);
    assertEquals(1, logistic.numCols);
    assertArrayEquals(new double[5], logistic.data, 0);
    DMatrixRMaj mlp = InitialWeights.firstLayer(ModelSpec.mlp(4), 3, 1, 5);
    assertArrayEquals(InitialWeights.glorotUniform(3, 1, InitialWeights.FIRST_LAYER, 5, 4).data, mlp.data, 0);
  }

  @Test
  public void aHolderModelStartsFromItsPartysInitialWeights() {
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.MLP).withSeed(99);
    BottomModel holder = BottomModel.initial(ModelSpec.mlp(4), settings, 2, 6);
    assertArrayEquals(InitialWeights.glorotUniform(99, 2, 0, 6, 4).data, holder.weights().data, 0);
  }
}
