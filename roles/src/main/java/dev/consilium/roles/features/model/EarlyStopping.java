package dev.consilium.roles.features.model;

/**
 * Stops training once the validation AUC has not improved for {@code patience} epochs in a row, and
 * remembers which epoch was best (its parameters are the ones to keep). Only a strictly higher AUC counts as
 * better, so among equal epochs the earliest is kept.
 */
public final class EarlyStopping {
  private final int patience;
  private int lastEpoch;
  private int bestEpoch;
  private double bestAuc = Double.NaN;
  private int epochsSinceBest;

  public EarlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1, was " + patience);
    }
    this.patience = patience;
  }

  /**
   * Records epoch {@code epoch}'s validation AUC; epochs must come in increasing order. Returns true when it
   * is the best so far, i.e. when the caller should checkpoint the parameters.
   */
  public boolean record(int epoch, double validationAuc) {
    if (epoch <= lastEpoch) {
      throw new IllegalArgumentException("epoch " + epoch + " recorded after epoch " + lastEpoch);
    }
    if (!(validationAuc >= 0 && validationAuc <= 1)) {
      throw new IllegalArgumentException("validation AUC of epoch " + epoch + " must be in [0, 1], was "
          + validationAuc);
    }
    lastEpoch = epoch;
    if (bestEpoch == 0 || validationAuc > bestAuc) {
      bestEpoch = epoch;
      bestAuc = validationAuc;
      epochsSinceBest = 0;
      return true;
    }
    epochsSinceBest++;
    return false;
  }

  public boolean shouldStop() {
    return epochsSinceBest >= patience;
  }

  /** The best epoch so far, 0 before any. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best validation AUC so far, NaN before any. */
  public double bestAuc() {
    return bestAuc;
  }

  public int epochsSinceBest() {
    return epochsSinceBest;
  }

  @Override
  public String toString() {
    return "EarlyStopping[best epoch " + bestEpoch + " (AUC " + bestAuc + "), " + epochsSinceBest + " of "
        + patience + " epochs without improvement]";
  }
}
