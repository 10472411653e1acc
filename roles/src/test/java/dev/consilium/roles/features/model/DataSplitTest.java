package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import org.junit.Test;

public class DataSplitTest {
  private static final TrainingSettings SETTINGS = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC);

  @Test
  public void split_isDisjointCoversEveryRowAndHasTheAskedSizes() {
    for (int rows : new int[] {10, 997, 30_000}) {
      DataSplit split = DataSplit.of(rows, SETTINGS);
      assertEquals(rows / 5, split.test().length);
      assertEquals(rows / 10, split.validation().length);
      assertEquals(rows - rows / 5 - rows / 10, split.train().length);
      int[] seen = new int[rows];
      for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
        for (int i = 0; i < part.length; i++) {
          seen[part[i]]++;
          assertTrue("ascending", i == 0 || part[i - 1] < part[i]);
        }
      }
      int[] once = new int[rows];
      Arrays.fill(once, 1);
      assertArrayEquals("every row in exactly one part, " + rows + " rows", once, seen);
      assertEquals(rows, split.rowCount());
    }
  }

  @Test
  public void split_isDeterministicAndDependsOnTheSeed() {
    DataSplit a = DataSplit.of(1000, SETTINGS);
    DataSplit b = DataSplit.of(1000, SETTINGS);
    assertArrayEquals(a.test(), b.test());
    assertArrayEquals(a.validation(), b.validation());
    assertArrayEquals(a.train(), b.train());
    assertFalse(Arrays.equals(a.test(), DataSplit.of(1000, SETTINGS.withSeed(2)).test()));
  }

  @Test
  public void split_isShuffledNotTheFirstRows() {
    int[] test = DataSplit.of(1000, SETTINGS).test();
    assertTrue("test rows spread over the range: last is " + test[test.length - 1], test[test.length - 1] > 900);
    assertTrue("and start low: first is " + test[0], test[0] < 100);
  }

  @Test
  public void split_withoutValidation_hasAnEmptyValidationSet() {
    DataSplit split = DataSplit.of(100, SETTINGS.withSplit(0, 200));
    assertEquals(0, split.validation().length);
    assertEquals(80, split.train().length);
  }

  @Test
  public void split_tooFewRowsForAHeldOutSet_namesIt() {
    IllegalArgumentException test = assertThrows(IllegalArgumentException.class, () -> DataSplit.of(4, SETTINGS));
    assertEquals("4 rows leave no test rows at testPermille=200", test.getMessage());
    IllegalArgumentException validation = assertThrows(IllegalArgumentException.class,
        () -> DataSplit.of(9, SETTINGS));
    assertEquals("9 rows leave no validation rows at validationPermille=100", validation.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DataSplit.of(0, SETTINGS));
  }

  @Test
  public void accessors_handOutCopies() {
    DataSplit split = DataSplit.of(100, SETTINGS);
    split.train()[0] = -1;
    assertTrue(split.train()[0] >= 0);
  }
}
