package dev.consilium.roles.features.model;

import java.util.List;

/**
 * The outcome of training: each epoch's report, the epoch whose parameters were kept, and how those
 * parameters score on the held-out test rows. Immutable; arrays are handed out as copies. {@link #toString}
 * shows the summary numbers only, never scores or parameters.
 */
public final class TrainingResult {
  private final List<EpochReport> epochs;
  private final int bestEpoch;
  private final int[] testRows;
  private final double[] testScores;
  private final double testAuc;
  private final double testKs;
  private final ModelParameters top;
  private final List<ModelParameters> bottoms;

  TrainingResult(List<EpochReport> epochs, int bestEpoch, int[] testRows, double[] testScores, double testAuc,
      double testKs, ModelParameters top, List<ModelParameters> bottoms) {
    this.epochs = List.copyOf(epochs);
    this.bestEpoch = bestEpoch;
    this.testRows = testRows.clone();
    this.testScores = testScores.clone();
    this.testAuc = testAuc;
    this.testKs = testKs;
    this.top = top;
    this.bottoms = List.copyOf(bottoms);
  }

  /** Every epoch run, in order; fewer than maxEpochs when early stopping ended training. */
  public List<EpochReport> epochs() {
    return epochs;
  }

  /** The epoch whose parameters were kept: the best on validation, or the last when none is held out. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The validation AUC of {@link #bestEpoch()}; NaN when no validation rows are held out. */
  public double bestValidationAuc() {
    return epochs.get(bestEpoch - 1).validationAuc();
  }

  /** The test rows (indices into the aligned rows), ascending. */
  public int[] testRows() {
    return testRows.clone();
  }

  /** The kept model's probability of label 1 for each of {@link #testRows()}, in that order. */
  public double[] testScores() {
    return testScores.clone();
  }

  public double testAuc() {
    return testAuc;
  }

  public double testKs() {
    return testKs;
  }

  /** The owner's kept parameters. */
  public ModelParameters top() {
    return top;
  }

  /** Each holder's kept weights, in the task's holder order. */
  public List<ModelParameters> bottoms() {
    return bottoms;
  }

  @Override
  public String toString() {
    return "TrainingResult[" + epochs.size() + " epochs, best " + bestEpoch + ", test AUC " + testAuc + ", KS "
        + testKs + "]";
  }
}
