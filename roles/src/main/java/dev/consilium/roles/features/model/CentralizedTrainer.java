package dev.consilium.roles.features.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The centralized twin of shared feature learning: the split model trained in one process on all parties'
 * columns, as the yardstick the federated run must match. It uses exactly the federated pieces, in the
 * same order: {@link DataSplit}, per epoch a {@link MinibatchPlan}, per batch Z = ΣX_i·W_i from each {@link
 * BottomModel}, one {@link TopModel#trainStep}, then each holder's {@link BottomModel#update} with the
 * returned dL/dZ; after each epoch the validation AUC feeds {@link EarlyStopping}, and the best epoch's
 * parameters are kept. The federated owner runs the same loop with Z arriving as reconstructed shares.
 */
public final class CentralizedTrainer {
  private final DMatrixRMaj ownerColumns;
  private final double[] labels;
  private final List<DMatrixRMaj> holderColumns;
  private final TrainingSettings settings;
  private final TopModel top;
  private final List<BottomModel> bottoms = new ArrayList<>();

  private CentralizedTrainer(DMatrixRMaj ownerColumns, double[] labels, List<DMatrixRMaj> holderColumns,
      ModelSpec spec, TrainingSettings settings) {
    this.ownerColumns = ownerColumns;
    this.labels = labels;
    this.holderColumns = holderColumns;
    this.settings = settings;
    this.top = TopModel.initial(spec, settings, ownerColumns.numCols);
    for (int i = 0; i < holderColumns.size(); i++) {
      bottoms.add(BottomModel.initial(spec, settings, i + 1, holderColumns.get(i).numCols));
    }
  }

  /**
   * Trains on aligned rows: the owner's columns X_0 ({@code n x d_0}) and labels y (0/1), and each holder's
   * columns X_i ({@code n x d_i}, holder i+1 in the task's order), row r of each being the same sample.
   * Fails naming the input whose shape or values are wrong, and if training diverges.
   */
  public static TrainingResult train(DMatrixRMaj ownerColumns, double[] labels, List<DMatrixRMaj> holderColumns,
      ModelSpec spec, TrainingSettings settings) {
    checkInputs(ownerColumns, labels, holderColumns);
    return new CentralizedTrainer(ownerColumns, labels, List.copyOf(holderColumns), spec, settings).run();
  }

  private TrainingResult run() {
    DataSplit split = DataSplit.of(labels.length, settings);
    int[] trainRows = split.train();
    int[] validationRows = split.validation();
    EarlyStopping stopping = new EarlyStopping(settings.patience());
    List<EpochReport> epochs = new ArrayList<>();
    List<ModelParameters> kept = null;
    for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
      long startNs = System.nanoTime();
      double meanLoss = trainEpoch(MinibatchPlan.forEpoch(settings, epoch, trainRows));
      double validationAuc = Double.NaN;
      if (validationRows.length > 0) {
        validationAuc = Metrics.rocAuc(score(validationRows), Rows.select(labels, validationRows));
        if (stopping.record(epoch, validationAuc)) {
          kept = checkpoint();
        }
      }
      epochs.add(new EpochReport(epoch, meanLoss, validationAuc, (System.nanoTime() - startNs) / 1_000_000));
      if (validationRows.length > 0 && stopping.shouldStop()) {
        break;
      }
    }
    int bestEpoch = validationRows.length > 0 ? stopping.bestEpoch() : epochs.size();
    if (kept != null) {
      restore(kept);
    }
    int[] testRows = split.test();
    double[] testScores = score(testRows);
    double[] testLabels = Rows.select(labels, testRows);
    List<ModelParameters> bottomParameters = new ArrayList<>();
    for (BottomModel bottom : bottoms) {
      bottomParameters.add(bottom.checkpoint());
    }
    return new TrainingResult(epochs, bestEpoch, testRows, testScores, Metrics.rocAuc(testScores, testLabels),
        Metrics.ks(testScores, testLabels), top.checkpoint(), bottomParameters);
  }

  /** One pass over the plan's batches; returns the mean of the batches' losses. */
  private double trainEpoch(MinibatchPlan plan) {
    double lossSum = 0;
    for (int b = 0; b < plan.batchCount(); b++) {
      int[] rows = plan.batch(b);
      List<DMatrixRMaj> holderRows = new ArrayList<>();
      for (DMatrixRMaj x : holderColumns) {
        holderRows.add(Rows.select(x, rows));
      }
      DMatrixRMaj z = z(holderRows, rows.length);
      if (!allFinite(z)) {
        throw diverged(plan, b, "Z");
      }
      TopModel.Step step = top.trainStep(z, Rows.select(ownerColumns, rows), Rows.select(labels, rows));
      if (!Double.isFinite(step.loss())) {
        throw diverged(plan, b, "the loss");
      }
      for (int i = 0; i < bottoms.size(); i++) {
        bottoms.get(i).update(holderRows.get(i), step.dZ(), settings.learningRate());
      }
      lossSum += step.loss();
    }
    return lossSum / plan.batchCount();
  }

  private IllegalStateException diverged(MinibatchPlan plan, int batch, String what) {
    return new IllegalStateException("training diverged in epoch " + plan.epoch() + ", batch " + batch + ": " + what
        + " is not finite; lower learningRate (was " + settings.learningRate() + ") or scale the columns");
  }

  private static boolean allFinite(DMatrixRMaj m) {
    for (int i = 0; i < m.getNumElements(); i++) {
      if (!Double.isFinite(m.data[i])) {
        return false;
      }
    }
    return true;
  }

  /** Z = ΣX_i·W_i over the holders, in holder order; zeros when there are none. */
  private DMatrixRMaj z(List<DMatrixRMaj> holderRows, int batchRows) {
    DMatrixRMaj z = new DMatrixRMaj(batchRows, top.spec().outputWidth());
    for (int i = 0; i < bottoms.size(); i++) {
      CommonOps_DDRM.addEquals(z, bottoms.get(i).forward(holderRows.get(i)));
    }
    return z;
  }

  private double[] score(int[] rows) {
    List<DMatrixRMaj> holderRows = new ArrayList<>();
    for (DMatrixRMaj x : holderColumns) {
      holderRows.add(Rows.select(x, rows));
    }
    return top.score(z(holderRows, rows.length), Rows.select(ownerColumns, rows));
  }

  /** The owner's parameters first, then each holder's. */
  private List<ModelParameters> checkpoint() {
    List<ModelParameters> all = new ArrayList<>();
    all.add(top.checkpoint());
    for (BottomModel bottom : bottoms) {
      all.add(bottom.checkpoint());
    }
    return all;
  }

  private void restore(List<ModelParameters> all) {
    top.restore(all.get(0));
    for (int i = 0; i < bottoms.size(); i++) {
      bottoms.get(i).restore(all.get(i + 1));
    }
  }

  private static void checkInputs(DMatrixRMaj ownerColumns, double[] labels, List<DMatrixRMaj> holderColumns) {
    int n = labels.length;
    if (ownerColumns.numRows != n) {
      throw new IllegalArgumentException("the owner's columns have " + ownerColumns.numRows + " rows, the labels "
          + n);
    }
    BinaryCrossEntropy.checkLabels(labels, n);
    BatchShape.requireFinite("the owner's columns", ownerColumns);
    for (int i = 0; i < holderColumns.size(); i++) {
      DMatrixRMaj x = holderColumns.get(i);
      if (x.numRows != n) {
        throw new IllegalArgumentException("holder " + (i + 1) + "'s columns have " + x.numRows + " rows, the labels "
            + n);
      }
      BatchShape.requireFinite("holder " + (i + 1) + "'s columns", x);
    }
  }
}
