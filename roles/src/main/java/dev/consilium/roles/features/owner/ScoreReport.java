package dev.consilium.roles.features.owner;

import java.util.List;

/**
 * Inference with a trained task's model: the ids this owner and the holders have in common (in the canonical
 * order of the PSI), each one's probability under the registered model, computed through the same path as
 * training (the holders' Z_i shares, summed by the compute nodes), and the alignment's and the whole
 * scoring's wall time.
 */
public record ScoreReport(String taskId, List<String> ids, double[] scores, long alignMs, long totalMs) {
  public ScoreReport {
    ids = List.copyOf(ids);
    scores = scores.clone();
    if (ids.size() != scores.length) {
      throw new IllegalArgumentException(ids.size() + " ids but " + scores.length + " scores");
    }
  }
}
