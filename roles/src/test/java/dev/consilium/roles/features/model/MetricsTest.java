package dev.consilium.roles.features.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Known values, each worked out by hand in the comment above it. */
public class MetricsTest {
  private static final double EXACT = 1e-12;

  @Test
  public void perfectAndReversedRankings() {
    double[] labels = {0, 0, 1, 1};
    assertEquals(1, Metrics.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, labels), EXACT);
    assertEquals(1, Metrics.ks(new double[] {0.1, 0.2, 0.8, 0.9}, labels), EXACT);
    assertEquals(0, Metrics.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, labels), EXACT);
    assertEquals(1, Metrics.ks(new double[] {0.9, 0.8, 0.2, 0.1}, labels), EXACT);
  }

  // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: three of four pairs ordered, AUC 3/4. By score,
  // F₊ − F₋ is −1/2 after 0.1, 0 after 0.35, −1/2 after 0.4, 0 after 0.8: KS 1/2.
  @Test
  public void mixedRanking_withoutTies() {
    double[] scores = {0.1, 0.4, 0.35, 0.8};
    double[] labels = {0, 0, 1, 1};
    assertEquals(0.75, Metrics.rocAuc(scores, labels), EXACT);
    assertEquals(0.5, Metrics.ks(scores, labels), EXACT);
  }

  // Positives 0.5 and 0.9, negatives 0.2, 0.5, 0.5. Average ranks: 0.2→1, the three 0.5s→3, 0.9→5; R₊ = 3+5 = 8,
  // AUC = (8 − 2·3/2)/(2·3) = 5/6 (the positive 0.5 beats 0.2 and ties the two negative 0.5s: 1 + ½ + ½, and
  // 0.9 beats all three). KS over tie groups: 1/3 after 0.2, |1/2 − 1| = 1/2 after the 0.5s, 0 after 0.9.
  @Test
  public void ties_shareTheirAverageRankAndMoveTogether() {
    double[] scores = {0.2, 0.5, 0.5, 0.5, 0.9};
    double[] labels = {0, 1, 0, 0, 1};
    assertEquals(5.0 / 6, Metrics.rocAuc(scores, labels), EXACT);
    assertEquals(0.5, Metrics.ks(scores, labels), EXACT);
  }

  // Every pair tied: AUC ½; one tie group, so both distributions jump from 0 to 1 together: KS 0. (Taking the
  // negative first, row by row, would give a spurious KS of 1.)
  @Test
  public void allEqualScores_giveHalfAndZero() {
    double[] scores = {0.3, 0.3, 0.3, 0.3, 0.3};
    double[] labels = {0, 1, 0, 1, 1};
    assertEquals(0.5, Metrics.rocAuc(scores, labels), EXACT);
    assertEquals(0, Metrics.ks(scores, labels), EXACT);
  }

  // 3 positives × 2 negatives = 6 pairs; ordered: 0.7>0.6, 0.7>0.1, 0.6=0.6 (½), 0.6>0.1, 0.2>0.1: 4.5/6.
  @Test
  public void orderOfRows_doesNotMatter() {
    double[] scores = {0.6, 0.1, 0.7, 0.2, 0.6};
    double[] labels = {0, 0, 1, 1, 1};
    assertEquals(0.75, Metrics.rocAuc(scores, labels), EXACT);
    double[] reordered = {0.6, 0.2, 0.7, 0.1, 0.6};
    double[] reorderedLabels = {1, 1, 1, 0, 0};
    assertEquals(0.75, Metrics.rocAuc(reordered, reorderedLabels), EXACT);
  }

  @Test
  public void badInputs_areNamed() {
    assertEquals("AUC and KS need both labels; the 3 rows have only label 1", assertThrows(
        IllegalArgumentException.class, () -> Metrics.rocAuc(new double[] {1, 2, 3}, new double[] {1, 1, 1}))
        .getMessage());
    assertEquals("AUC and KS need both labels; the 2 rows have only label 0", assertThrows(
        IllegalArgumentException.class, () -> Metrics.ks(new double[] {1, 2}, new double[] {0, 0})).getMessage());
    assertEquals("2 scores for 3 labels", assertThrows(IllegalArgumentException.class,
        () -> Metrics.rocAuc(new double[] {1, 2}, new double[] {0, 1, 0})).getMessage());
    assertEquals("score 1 is not a finite number", assertThrows(IllegalArgumentException.class,
        () -> Metrics.rocAuc(new double[] {1, Double.NaN}, new double[] {0, 1})).getMessage());
    assertEquals("label 0 is not 0 or 1", assertThrows(IllegalArgumentException.class,
        () -> Metrics.ks(new double[] {1, 2}, new double[] {2, 1})).getMessage());
  }
}
