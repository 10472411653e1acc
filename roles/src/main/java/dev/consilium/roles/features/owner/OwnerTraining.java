package dev.consilium.roles.features.owner;

import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.model.DataSplit;
import dev.consilium.roles.features.model.EarlyStopping;
import dev.consilium.roles.features.model.Metrics;
import dev.consilium.roles.features.model.MinibatchPlan;
import dev.consilium.roles.features.model.ModelParameters;
import dev.consilium.roles.features.model.TopModel;
import dev.consilium.roles.features.task.TaskView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The owner's side of training, without messages: which rows each step asks for, what the owner does with
 * the Z that comes back, and where a round, early stopping and the final test stand. The actor around it
 * ({@link TaskOwner}) only carries steps to the holders and Z back; the centralized twin runs the same
 * split, minibatch plans and top model on a Z it computes itself.
 *
 * <p>Order of a round r (an epoch): the training steps of epoch r's minibatch plan, then the validation rows
 * in chunks (their Z comes from weights after the last gradient), then the round is committed. After the
 * last round, the test rows are scored under the best round's parameters.
 */
final class OwnerTraining {
  enum Phase { TRAIN, VALIDATE, TEST, DONE }

  /** One step: the phase it belongs to and the aligned rows it asks for. */
  record Step(Phase phase, int[] rows) {}

  private final TaskView view;
  private final FeatureTable aligned;
  private final double[] labels;
  private final int scoringChunkRows;
  private final DataSplit split; // null when only scoring
  private final int[] scoringRows; // every aligned row when only scoring, else null
  private final TopModel top;
  private final EarlyStopping stopping;
  private final Map<Integer, ModelParameters> checkpoints = new HashMap<>();
  private final List<Double> validationAucs = new ArrayList<>();
  private Phase phase = Phase.TRAIN;
  private int round = 1;
  private int lastCommittedRound;
  private MinibatchPlan plan;
  private int batch;
  private int chunk;
  private double[] scores;
  private double validationAuc = Double.NaN;
  private int finalRound;
  private DMatrixRMaj pendingGradient;

  /**
   * Inference with a trained model: every aligned row is a "test" row, scored under {@code model} (the
   * registered round's parameters) through the same steps; there is nothing to train and no labels needed.
   */
  static OwnerTraining forScoring(TaskView view, FeatureTable aligned, ModelParameters model, int scoringChunkRows) {
    return new OwnerTraining(view, aligned, scoringChunkRows, model);
  }

  private OwnerTraining(TaskView view, FeatureTable aligned, int scoringChunkRows, ModelParameters model) {
    this.view = view;
    this.aligned = aligned;
    this.labels = aligned.hasLabels() ? aligned.labels() : null;
    this.scoringChunkRows = scoringChunkRows;
    this.split = null;
    this.top = TopModel.initial(view.spec(), view.training(), aligned.columnCount());
    this.stopping = new EarlyStopping(view.training().patience());
    this.scoringRows = new int[aligned.rowCount()];
    for (int r = 0; r < scoringRows.length; r++) {
      scoringRows[r] = r;
    }
    checkpoints.put(1, model);
    finalRound = 1;
    lastCommittedRound = 1;
    startTest();
  }

  OwnerTraining(TaskView view, FeatureTable aligned, int scoringChunkRows) {
    this.view = view;
    this.aligned = aligned;
    this.labels = aligned.hasLabels() ? aligned.labels() : null;
    this.scoringChunkRows = scoringChunkRows;
    this.split = DataSplit.of(aligned.rowCount(), view.training());
    this.top = TopModel.initial(view.spec(), view.training(), aligned.columnCount());
    this.stopping = new EarlyStopping(view.training().patience());
    this.scoringRows = null;
    checkpoints.put(0, top.checkpoint());
    startRound();
  }

  Phase phase() {
    return phase;
  }

  int round() {
    return round;
  }

  int lastCommittedRound() {
    return lastCommittedRound;
  }

  /** The round whose parameters the test and the registered model use, once training is over. */
  int finalRound() {
    return finalRound;
  }

  /** The step due now, or null when the current phase is done (a round to commit, or the test finished). */
  Step next() {
    return switch (phase) {
      case TRAIN -> batch < plan.batchCount() ? new Step(Phase.TRAIN, plan.batch(batch)) : null;
      case VALIDATE -> chunkOf(split.validation());
      case TEST -> chunkOf(testRowsOrAll());
      case DONE -> null;
    };
  }

  /** The digest of the owner's current parameters, for the round's commitment. */
  dev.consilium.mpc.hash.Sha256Hash topDigest() {
    return top.checkpoint().digest();
  }

  /** Z for {@code step} came back: train on it, or keep its scores. */
  void accept(Step step, DMatrixRMaj z) {
    DMatrixRMaj x0 = aligned.select(step.rows());
    if (step.phase() == Phase.TRAIN) {
      double[] y = new double[step.rows().length];
      for (int i = 0; i < y.length; i++) {
        y[i] = labels[step.rows()[i]];
      }
      pendingGradient = top.trainStep(z, x0, y).dZ();
      batch++;
      if (batch == plan.batchCount()) {
        phase = split.validation().length > 0 ? Phase.VALIDATE : phase;
        chunk = 0;
        scores = new double[split.validation().length];
      }
      return;
    }
    double[] chunkScores = top.score(z, x0);
    System.arraycopy(chunkScores, 0, scores, chunk * scoringChunkRows, chunkScores.length);
    chunk++;
    if (step.phase() == Phase.VALIDATE && chunk * scoringChunkRows >= split.validation().length) {
      validationAuc = Metrics.rocAuc(scores, labelsOf(split.validation()));
    }
  }

  /** dL/dZ of the last training step, once: it travels with the next message to the holders. */
  DMatrixRMaj takeGradient() {
    DMatrixRMaj gradient = pendingGradient;
    pendingGradient = null;
    return gradient;
  }

  /** Whether the current round's steps are all done and the round can be committed. */
  boolean roundComplete() {
    return (phase == Phase.TRAIN || phase == Phase.VALIDATE) && next() == null;
  }

  /** The validation AUC of the round just completed (NaN without validation rows). */
  double validationAuc() {
    return validationAuc;
  }

  List<Double> validationAucs() {
    return List.copyOf(validationAucs);
  }

  /** The round is on the ledger: keep its parameters and decide whether training goes on. */
  void committed() {
    checkpoints.put(round, top.checkpoint());
    lastCommittedRound = round;
    validationAucs.add(validationAuc);
    boolean stop;
    if (split.validation().length > 0) {
      stopping.record(round, validationAuc);
      stop = stopping.shouldStop();
      finalRound = stopping.bestEpoch();
    } else {
      stop = false;
      finalRound = round;
    }
    if (stop || round == view.training().maxEpochs()) {
      startTest();
    } else {
      round++;
      startRound();
    }
  }

  /** After a dropout: back to the last committed round's parameters, and that round's successor from its start. */
  void resume() {
    top.restore(checkpoints.get(lastCommittedRound));
    checkpoints.keySet().removeIf(r -> r > lastCommittedRound);
    pendingGradient = null;
    if (phase == Phase.TEST) {
      startTest();
      return;
    }
    round = lastCommittedRound + 1;
    startRound();
  }

  double[] testScores() {
    return scores.clone();
  }

  double[] testLabels() {
    return labelsOf(testRowsOrAll());
  }

  int[] testRows() {
    return testRowsOrAll().clone();
  }

  /** Whether the owner's rows carry labels (training needs them; scoring new rows does not). */
  boolean hasLabels() {
    return labels != null;
  }

  DataSplit split() {
    return split;
  }

  /** The owner's parameters of the final round (the model registered). */
  ModelParameters finalParameters() {
    return checkpoints.get(finalRound);
  }

  /** Whether the test scoring is complete. */
  boolean testComplete() {
    return phase == Phase.TEST && next() == null;
  }

  void finish() {
    phase = Phase.DONE;
  }

  private void startRound() {
    phase = Phase.TRAIN;
    plan = MinibatchPlan.forEpoch(view.training(), round, split.train());
    batch = 0;
    validationAuc = Double.NaN;
  }

  private void startTest() {
    top.restore(checkpoints.get(finalRound));
    phase = Phase.TEST;
    chunk = 0;
    scores = new double[testRowsOrAll().length];
  }

  private int[] testRowsOrAll() {
    return split == null ? scoringRows : split.test();
  }

  private Step chunkOf(int[] rows) {
    int from = chunk * scoringChunkRows;
    if (from >= rows.length) {
      return null;
    }
    return new Step(phase, Arrays.copyOfRange(rows, from, Math.min(rows.length, from + scoringChunkRows)));
  }

  private double[] labelsOf(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }
}
