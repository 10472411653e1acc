package dev.consilium.roles.features.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class EarlyStoppingTest {
  @Test
  public void stopsAfterPatienceEpochsWithoutAStrictlyBetterAuc() {
    EarlyStopping stopping = new EarlyStopping(3);
    assertEquals(0, stopping.bestEpoch());
    assertTrue(Double.isNaN(stopping.bestAuc()));
    assertTrue("first epoch is the best so far", stopping.record(1, 0.70));
    assertTrue(stopping.record(2, 0.72));
    assertFalse(stopping.record(3, 0.71));
    assertFalse("equal is not better", stopping.record(4, 0.72));
    assertEquals(2, stopping.epochsSinceBest());
    assertFalse(stopping.shouldStop());
    assertFalse(stopping.record(5, 0.60));
    assertTrue(stopping.shouldStop());
    assertEquals(2, stopping.bestEpoch());
    assertEquals(0.72, stopping.bestAuc(), 0);
  }

  @Test
  public void anImprovementResetsTheCount() {
    EarlyStopping stopping = new EarlyStopping(2);
    stopping.record(1, 0.6);
    stopping.record(2, 0.5);
    assertTrue(stopping.record(3, 0.65));
    assertEquals(0, stopping.epochsSinceBest());
    assertFalse(stopping.shouldStop());
    assertEquals(3, stopping.bestEpoch());
  }

  @Test
  public void badInputs_areNamed() {
    assertEquals("patience must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0)).getMessage());
    EarlyStopping stopping = new EarlyStopping(2);
    stopping.record(2, 0.6);
    assertEquals("epoch 2 recorded after epoch 2",
        assertThrows(IllegalArgumentException.class, () -> stopping.record(2, 0.7)).getMessage());
    assertEquals("validation AUC of epoch 3 must be in [0, 1], was NaN",
        assertThrows(IllegalArgumentException.class, () -> stopping.record(3, Double.NaN)).getMessage());
  }
}
