package dev.consilium.roles.features.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores rank the positives above the negatives: ROC AUC and the Kolmogorov–Smirnov statistic,
 * the two numbers credit scoring reports. Both need at least one row of each label and finite scores.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * ROC AUC by the Mann–Whitney rank sum: (R₊ − n₊(n₊+1)/2) / (n₊·n₋), where R₊ sums the positives' ranks
   * and tied scores share their average rank, so a tie counts as half a correct ordering.
   */
  public static double rocAuc(double[] scores, double[] labels) {
    Integer[] order = ascending(scores, labels);
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = tieEnd(order, scores, start);
      double averageRank = (start + 1 + end) / 2.0; // ranks start..end-1, counted from 1
      for (int i = start; i < end; i++) {
        if (labels[order[i]] == 1) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      start = end;
    }
    long negatives = order.length - positives;
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * KS: the largest gap between the score distributions of positives and negatives, max over thresholds t
   * of |F₊(t) − F₋(t)|, where F(t) is the share of that class scoring at most t. Thresholds lie between
   * distinct scores, so tied rows move together.
   */
  public static double ks(double[] scores, double[] labels) {
    Integer[] order = ascending(scores, labels);
    long positives = 0;
    for (double label : labels) {
      positives += (long) label;
    }
    long negatives = labels.length - positives;
    long positivesBelow = 0;
    long negativesBelow = 0;
    double best = 0;
    for (int start = 0; start < order.length; ) {
      int end = tieEnd(order, scores, start);
      for (int i = start; i < end; i++) {
        if (labels[order[i]] == 1) {
          positivesBelow++;
        } else {
          negativesBelow++;
        }
      }
      best = Math.max(best, Math.abs((double) positivesBelow / positives - (double) negativesBelow / negatives));
      start = end;
    }
    return best;
  }

  /** Row indices by ascending score, after checking the inputs. */
  private static Integer[] ascending(double[] scores, double[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
    }
    boolean seenPositive = false;
    boolean seenNegative = false;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is not a finite number");
      }
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label " + i + " is not 0 or 1");
      }
      seenPositive |= labels[i] == 1;
      seenNegative |= labels[i] == 0;
    }
    if (!seenPositive || !seenNegative) {
      throw new IllegalArgumentException("AUC and KS need both labels; the " + labels.length
          + " rows have only label " + (seenPositive ? 1 : 0));
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }

  /** The end (exclusive) of the run of rows tied with row {@code order[start]}. */
  private static int tieEnd(Integer[] order, double[] scores, int start) {
    int end = start + 1;
    while (end < order.length && scores[order[end]] == scores[order[start]]) {
      end++;
    }
    return end;
  }
}
