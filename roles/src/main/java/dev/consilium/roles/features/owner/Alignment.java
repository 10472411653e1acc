package dev.consilium.roles.features.owner;

import dev.consilium.roles.features.task.TaskView;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How the owner aligns its rows with the holders' before training: a private set intersection over the ids
 * of every data party of the task. The stage completes with the intersection in the canonical order every
 * designated party gets, or fails naming why.
 */
public interface Alignment {
  CompletionStage<List<String>> align(TaskView task, List<String> ownIds);

  /**
   * The alignment of new rows for inference with a completed task's model: session {@code session} of the
   * task's scoring, among the same parties.
   */
  CompletionStage<List<String>> alignForScoring(TaskView task, List<String> ownIds, int session);
}
