package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import org.junit.Test;

public class MinibatchPlanTest {
  private static final int[] TRAIN = {3, 4, 8, 9, 15, 16, 23, 42, 50, 51, 60};

  @Test
  public void batches_coverEveryTrainingRowOnceWithTheLastShorter() {
    MinibatchPlan plan = MinibatchPlan.of(5, 1, TRAIN, 4);
    assertEquals(3, plan.batchCount());
    assertEquals(4, plan.batch(0).length);
    assertEquals(4, plan.batch(1).length);
    assertEquals(3, plan.batch(2).length);
    int[] all = new int[TRAIN.length];
    int at = 0;
    for (int b = 0; b < plan.batchCount(); b++) {
      for (int row : plan.batch(b)) {
        all[at++] = row;
      }
    }
    assertFalse("shuffled", Arrays.equals(TRAIN, all));
    Arrays.sort(all);
    assertArrayEquals(TRAIN, all);
  }

  @Test
  public void order_isTheSameForTheSameSeedAndEpochAndDiffersOtherwise() {
    int[] first = MinibatchPlan.of(5, 1, TRAIN, 100).batch(0);
    assertArrayEquals(first, MinibatchPlan.of(5, 1, TRAIN.clone(), 100).batch(0));
    assertFalse(Arrays.equals(first, MinibatchPlan.of(5, 2, TRAIN, 100).batch(0)));
    assertFalse(Arrays.equals(first, MinibatchPlan.of(6, 1, TRAIN, 100).batch(0)));
  }

  @Test
  public void forEpoch_usesTheSettingsSeedAndBatchSize() {
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC).withSeed(5).withBatchSize(4);
    assertArrayEquals(MinibatchPlan.of(5, 3, TRAIN, 4).batch(1), MinibatchPlan.forEpoch(settings, 3, TRAIN).batch(1));
  }

  @Test
  public void oneBatchLargerThanTheRows_holdsThemAll() {
    MinibatchPlan plan = MinibatchPlan.of(1, 1, TRAIN, 1024);
    assertEquals(1, plan.batchCount());
    assertEquals(TRAIN.length, plan.batch(0).length);
  }

  @Test
  public void badArguments_areNamed() {
    assertEquals("epoch must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.of(1, 0, TRAIN, 4)).getMessage());
    assertEquals("batchSize must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.of(1, 1, TRAIN, 0)).getMessage());
    assertEquals("an epoch needs at least one training row",
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.of(1, 1, new int[0], 4)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> MinibatchPlan.of(1, 1, TRAIN, 4).batch(3));
  }
}
