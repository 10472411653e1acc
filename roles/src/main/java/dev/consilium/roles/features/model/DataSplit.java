package dev.consilium.roles.features.model;

import java.util.Arrays;

/**
 * Which aligned rows train, which validate (early stopping) and which test. It depends only on the row
 * count and the settings, so holders, who have no labels, derive the same split as the owner. That is also
 * why it is not stratified by label.
 *
 * <p>Scheme: rows 0…n−1 shuffled by {@link SeededShuffle} with {@link DerivedSeed}(seed, "split", n); the
 * first ⌊n·testPermille/1000⌋ are test rows, the next ⌊n·validationPermille/1000⌋ validation rows, the rest
 * training rows; each set is handed out in ascending order. The three are disjoint and cover all rows.
 */
public final class DataSplit {
  private final int[] train;
  private final int[] validation;
  private final int[] test;

  private DataSplit(int[] train, int[] validation, int[] test) {
    this.train = train;
    this.validation = validation;
    this.test = test;
  }

  /** The split of {@code rows} aligned rows under {@code settings}; fails when a held-out set would be empty. */
  public static DataSplit of(int rows, TrainingSettings settings) {
    if (rows < 1) {
      throw new IllegalArgumentException("cannot split " + rows + " rows: need at least one");
    }
    int testCount = share(rows, settings.testPermille());
    int validationCount = share(rows, settings.validationPermille());
    if (testCount == 0) {
      throw new IllegalArgumentException(rows + " rows leave no test rows at testPermille="
          + settings.testPermille());
    }
    if (validationCount == 0 && settings.validationPermille() > 0) {
      throw new IllegalArgumentException(rows + " rows leave no validation rows at validationPermille="
          + settings.validationPermille());
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SeededShuffle.shuffle(order, DerivedSeed.of(settings.seed(), "split", rows));
    return new DataSplit(sorted(order, testCount + validationCount, rows), sorted(order, testCount,
        testCount + validationCount), sorted(order, 0, testCount));
  }

  public int[] train() {
    return train.clone();
  }

  /** Empty when the settings hold out no validation rows. */
  public int[] validation() {
    return validation.clone();
  }

  public int[] test() {
    return test.clone();
  }

  public int rowCount() {
    return train.length + validation.length + test.length;
  }

  @Override
  public String toString() {
    return "DataSplit[train " + train.length + ", validation " + validation.length + ", test " + test.length + "]";
  }

  private static int share(int rows, int permille) {
    return (int) ((long) rows * permille / 1000);
  }

  private static int[] sorted(int[] order, int from, int to) {
    int[] rows = Arrays.copyOfRange(order, from, to);
    Arrays.sort(rows);
    return rows;
  }
}
