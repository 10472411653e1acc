package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.Test;

public class CentralizedTrainerTest {
  private static final int ROWS = 2000;

  private final Random random = new Random(42);
  private final DMatrixRMaj owner = gaussian(ROWS, 2);
  private final DMatrixRMaj holder1 = gaussian(ROWS, 3);
  private final DMatrixRMaj holder2 = gaussian(ROWS, 2);

  @Test
  public void logistic_onLinearlySeparableData_learnsFromEveryPartysColumns() {
    // The label depends on columns of all three parties, so no party alone could rank well.
    double[] y = labels(r -> 1.0 * owner.get(r, 0) - 2 * holder1.get(r, 1) + 1.5 * holder2.get(r, 0) > 0);
    TrainingResult result = CentralizedTrainer.train(owner, y, List.of(holder1, holder2), ModelSpec.logistic(),
        TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC).withBatchSize(64));
    assertTrue("test AUC " + result.testAuc(), result.testAuc() > 0.95);
    assertTrue("test KS " + result.testKs(), result.testKs() > 0.8);
    assertEquals(ROWS / 5, result.testScores().length);
  }

  @Test
  public void mlp_learnsAnInteractionBetweenTheOwnersAndAHoldersColumn() {
    // XOR of signs across two parties: no linear model can rank it, a hidden layer over Z + X_0·W_0 can.
    double[] y = labels(r -> owner.get(r, 0) * holder1.get(r, 0) > 0);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.MLP).withBatchSize(32)
        .withLearningRate(0.3).withEpochs(60, 10);
    TrainingResult mlp = CentralizedTrainer.train(owner, y, List.of(holder1), ModelSpec.mlp(8), settings);
    TrainingResult logistic = CentralizedTrainer.train(owner, y, List.of(holder1), ModelSpec.logistic(),
        settings.withLearningRate(0.1));
    assertTrue("mlp test AUC " + mlp.testAuc(), mlp.testAuc() > 0.9);
    assertTrue("logistic test AUC " + logistic.testAuc(), logistic.testAuc() < 0.65);
  }

  @Test
  public void twoRuns_areIdenticalBitForBit() {
    double[] y = noisyLabels(0.2);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.MLP).withBatchSize(50).withEpochs(8, 3);
    TrainingResult a = CentralizedTrainer.train(owner, y, List.of(holder1, holder2), ModelSpec.mlp(6), settings);
    TrainingResult b = CentralizedTrainer.train(owner, y, List.of(holder1, holder2), ModelSpec.mlp(6), settings);
    assertArrayEquals(a.testScores(), b.testScores(), 0);
    assertEquals(a.top(), b.top());
    assertEquals(a.bottoms(), b.bottoms());
    assertEquals(a.bestEpoch(), b.bestEpoch());
    assertEquals(a.epochs().size(), b.epochs().size());
    for (int e = 0; e < a.epochs().size(); e++) {
      assertEquals(a.epochs().get(e).meanTrainingLoss(), b.epochs().get(e).meanTrainingLoss(), 0);
      assertEquals(a.epochs().get(e).validationAuc(), b.epochs().get(e).validationAuc(), 0);
    }
    TrainingResult otherSeed = CentralizedTrainer.train(owner, y, List.of(holder1, holder2), ModelSpec.mlp(6),
        settings.withSeed(2));
    assertTrue("another seed trains another model", !a.top().equals(otherSeed.top()));
  }

  @Test
  public void splitLogistic_isLogisticRegressionOnAllColumns() {
    double[] y = noisyLabels(0.1);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC).withBatchSize(100);
    TrainingResult split = CentralizedTrainer.train(owner, y, List.of(holder1, holder2), ModelSpec.logistic(),
        settings);
    DMatrixRMaj all = CommonOps_DDRM.concatColumnsMulti(owner, holder1, holder2);
    TrainingResult pooled = CentralizedTrainer.train(all, y, List.of(), ModelSpec.logistic(), settings);
    assertEquals(pooled.bestEpoch(), split.bestEpoch());
    assertArrayEquals(pooled.testScores(), split.testScores(), 1e-12);
    DMatrixRMaj splitWeights = CommonOps_DDRM.concatRowsMulti(split.top().matrix(LogisticTop.WEIGHTS),
        split.bottoms().get(0).matrix(BottomModel.WEIGHTS), split.bottoms().get(1).matrix(BottomModel.WEIGHTS));
    assertArrayEquals(pooled.top().matrix(LogisticTop.WEIGHTS).data, splitWeights.data, 1e-12);
  }

  @Test
  public void earlyStopping_keepsTheBestEpochsParameters() {
    double[] y = noisyLabels(0.35);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.MLP).withBatchSize(20).withEpochs(40, 2);
    TrainingResult result = CentralizedTrainer.train(owner, y, List.of(holder1), ModelSpec.mlp(16), settings);
    assertTrue("stopped early: " + result, result.epochs().size() < 40);
    assertTrue("went on past the best: " + result, result.bestEpoch() < result.epochs().size());
    double best = result.epochs().stream().mapToDouble(EpochReport::validationAuc).max().getAsDouble();
    assertEquals(best, result.bestValidationAuc(), 0);

    // The kept parameters score the validation rows exactly as the best epoch did.
    TopModel top = TopModel.initial(ModelSpec.mlp(16), settings, owner.numCols);
    top.restore(result.top());
    BottomModel bottom = BottomModel.initial(ModelSpec.mlp(16), settings, 1, holder1.numCols);
    bottom.restore(result.bottoms().get(0));
    int[] validation = DataSplit.of(ROWS, settings).validation();
    double[] scores = top.score(bottom.forward(Rows.select(holder1, validation)), Rows.select(owner, validation));
    assertEquals(best, Metrics.rocAuc(scores, Rows.select(y, validation)), 0);
  }

  @Test
  public void withoutValidation_trainsEveryEpochAndKeepsTheLast() {
    double[] y = noisyLabels(0.1);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC).withSplit(0, 200).withEpochs(4, 1);
    TrainingResult result = CentralizedTrainer.train(owner, y, List.of(holder1), ModelSpec.logistic(), settings);
    assertEquals(4, result.epochs().size());
    assertEquals(4, result.bestEpoch());
    assertTrue(Double.isNaN(result.bestValidationAuc()));
  }

  @Test
  public void divergence_isReportedWithWhatToChange() {
    double[] y = noisyLabels(0.1);
    DMatrixRMaj huge = holder1.copy();
    CommonOps_DDRM.scale(1e200, huge);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CentralizedTrainer.train(owner, y,
        List.of(huge), ModelSpec.logistic(), TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC)));
    assertTrue(e.getMessage(), e.getMessage().startsWith("training diverged in epoch 1, batch 1: Z is not finite"));
    assertTrue(e.getMessage(), e.getMessage().contains("lower learningRate (was 0.5)"));
  }

  @Test
  public void misalignedInputs_areNamed() {
    double[] y = noisyLabels(0.1);
    TrainingSettings settings = TrainingSettings.defaults(ModelSpec.Kind.LOGISTIC);
    assertEquals("holder 2's columns have 10 rows, the labels 2000", assertThrows(IllegalArgumentException.class,
        () -> CentralizedTrainer.train(owner, y, List.of(holder1, new DMatrixRMaj(10, 2)), ModelSpec.logistic(),
            settings)).getMessage());
    assertEquals("the owner's columns have 2000 rows, the labels 3", assertThrows(IllegalArgumentException.class,
        () -> CentralizedTrainer.train(owner, new double[3], List.of(), ModelSpec.logistic(), settings))
        .getMessage());
  }

  private interface RowRule {
    boolean positive(int row);
  }

  private double[] labels(RowRule rule) {
    double[] y = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      y[r] = rule.positive(r) ? 1 : 0;
    }
    return y;
  }

  /** A linear rule over all parties' columns with a share {@code flip} of labels flipped. */
  private double[] noisyLabels(double flip) {
    double[] y = labels(r -> owner.get(r, 1) + holder1.get(r, 2) - holder2.get(r, 1) > 0);
    for (int r = 0; r < ROWS; r++) {
      if (random.nextDouble() < flip) {
        y[r] = 1 - y[r];
      }
    }
    return y;
  }

  private DMatrixRMaj gaussian(int rows, int cols) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = random.nextGaussian();
    }
    return m;
  }
}
