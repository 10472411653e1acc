package dev.consilium.roles.features.task;

import dev.consilium.ledger.features.DataHolder;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.model.ModelSpec;
import dev.consilium.roles.features.model.TrainingSettings;
import java.util.List;
import java.util.Set;

/**
 * A feature-learning task as its parties act on it: the registration the ledger holds, with the owner (its
 * submitter) and the model and training settings in the learning code's terms. Every party builds it from
 * the committed ledger, so all of them train under the same settings.
 */
public record TaskView(String taskId, Did owner, FeatureTask registration, ModelSpec spec,
    TrainingSettings training) {
  public static TaskView of(Did owner, FeatureTask task) {
    HyperParameters hyper = task.hyperParameters();
    ModelSpec spec = switch (task.model().kind()) {
      case LOGISTIC -> ModelSpec.logistic();
      case MLP -> ModelSpec.mlp(task.model().outputWidth());
    };
    TrainingSettings training = new TrainingSettings(hyper.learningRate(), hyper.batchSize(), hyper.maxEpochs(),
        hyper.patience(), hyper.seed(), hyper.validationPermille(), hyper.testPermille(), 0);
    return new TaskView(task.taskId(), owner, task, spec, training);
  }

  public List<Did> holders() {
    return registration.holderDids();
  }

  public Set<Did> holderSet() {
    return Set.copyOf(registration.holderDids());
  }

  /** The columns {@code holder} declared. */
  public int holderWidth(Did holder) {
    for (DataHolder entry : registration.holders()) {
      if (entry.did().equals(holder)) {
        return entry.featureWidth();
      }
    }
    throw new IllegalArgumentException(holder + " is not a holder of task " + taskId);
  }

  /** The party index that seeds {@code holder}'s initial weights: 1 + its place among the holders (0 is the owner). */
  public int partyIndex(Did holder) {
    int index = holders().indexOf(holder);
    if (index < 0) {
      throw new IllegalArgumentException(holder + " is not a holder of task " + taskId);
    }
    return index + 1;
  }

  public List<Did> computeNodes() {
    return registration.computeNodes();
  }

  public int minComputeNodes() {
    return registration.minComputeNodes();
  }

  public int fractionBits() {
    return registration.hyperParameters().fractionBits();
  }

  public long roundTimeoutMs() {
    return registration.hyperParameters().roundTimeoutMs();
  }
}
