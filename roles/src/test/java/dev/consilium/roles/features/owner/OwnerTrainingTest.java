package dev.consilium.roles.features.owner;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.features.DataHolder;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.additive.AdditiveSharing;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.roles.features.aggregation.ShareSum;
import dev.consilium.roles.features.aggregation.ZCodec;
import dev.consilium.roles.features.aggregation.ZShare;
import dev.consilium.roles.features.aggregation.ZSharing;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.roles.features.model.BottomModel;
import dev.consilium.roles.features.model.CentralizedTrainer;
import dev.consilium.roles.features.model.ModelParameters;
import dev.consilium.roles.features.model.TrainingResult;
import dev.consilium.roles.features.task.TaskView;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.Test;

/**
 * The owner's schedule (split, minibatch plans, validation, early stopping, the test under the best round)
 * driven the way the actors drive it, with the holders' steps done in process: through plain doubles it must
 * reproduce the centralized twin bit for bit; through secret shares it must stay within the fixed-point
 * error.
 */
public class OwnerTrainingTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ROWS = 900;

  @Test
  public void plainPipeline_logistic_equalsTheCentralizedTwinExactly() {
    Fixture fixture = new Fixture(TopModel.logistic(), 3);
    Federated federated = fixture.run(false);
    TrainingResult central = fixture.central();
    assertEquals(central.bestEpoch(), federated.finalRound);
    assertArrayEquals(central.testRows(), federated.testRows);
    assertArrayEquals(central.testScores(), federated.scores, 0.0);
  }

  @Test
  public void sharedPipeline_logisticAndMlp_matchTheCentralizedTwinWithinTheFixedPointError() {
    for (TopModel model : List.of(TopModel.logistic(), TopModel.mlp(6))) {
      Fixture fixture = new Fixture(model, 2);
      Federated federated = fixture.run(true);
      TrainingResult central = fixture.central();
      assertEquals(model + ": best round", central.bestEpoch(), federated.finalRound);
      double worst = 0;
      for (int i = 0; i < federated.scores.length; i++) {
        worst = Math.max(worst, Math.abs(federated.scores[i] - central.testScores()[i]));
      }
      assertTrue(model + ": scores differ by up to " + worst, worst <= 1e-3);
      assertTrue(model + ": central test AUC " + central.testAuc() + " should show learning", central.testAuc() > 0.75);
    }
  }

  @Test
  public void resume_afterALostRound_endsWhereAnUndisturbedRunEnds() {
    Fixture fixture = new Fixture(TopModel.logistic(), 2);
    Federated undisturbed = fixture.run(true);
    Federated resumed = fixture.runWithDropout();
    assertEquals(undisturbed.finalRound, resumed.finalRound);
    assertArrayEquals(undisturbed.scores, resumed.scores, 0.0);
  }

  /** A scoring step's shares must fit one Artery frame whatever the model's width: its rows shrink as Z widens. */
  @Test
  public void scoringChunks_keepEveryStepUnderTheMessageBound() {
    for (int width : new int[] {1, 6, 16, 100, 256}) {
      int rows = TaskOwner.scoringChunkRows(width);
      assertTrue(width + " wide: " + rows + " rows", rows >= 1 && (long) rows * width <= TaskOwner.MAX_STEP_ELEMENTS);
      assertTrue("explicit share of " + rows + " x " + width + " under 256 KiB", 8L * rows * width < 256 * 1024);
    }
    assertEquals(4_096, TaskOwner.scoringChunkRows(1));
    assertEquals(1_536, TaskOwner.scoringChunkRows(16));
  }

  private record Federated(int finalRound, int[] testRows, double[] scores) {}

  /** Two holders and an owner over synthetic rows whose label depends on every party's columns. */
  private static final class Fixture {
    final TaskView view;
    final FeatureTable owner;
    final List<DMatrixRMaj> holderColumns = new ArrayList<>();

    Fixture(TopModel model, int patience) {
      Random random = new Random(11);
      int[] widths = {4, 3, 2};
      DMatrixRMaj[] columns = new DMatrixRMaj[widths.length];
      for (int p = 0; p < widths.length; p++) {
        columns[p] = new DMatrixRMaj(ROWS, widths[p]);
        for (int i = 0; i < columns[p].data.length; i++) {
          columns[p].data[i] = random.nextGaussian();
        }
      }
      double[] labels = new double[ROWS];
      List<String> ids = new ArrayList<>();
      for (int r = 0; r < ROWS; r++) {
        double logit = columns[0].get(r, 0) - columns[1].get(r, 1) + 0.8 * columns[2].get(r, 0)
            + 0.5 * columns[1].get(r, 0) * columns[2].get(r, 1);
        labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-2 * logit)) ? 1 : 0;
        ids.add("c" + r);
      }
      owner = FeatureTable.of("owner", ids, names(widths[0]), columns[0], labels);
      holderColumns.add(columns[1]);
      holderColumns.add(columns[2]);
      List<Did> holders = new ArrayList<>(new TreeSet<>(List.of(did(), did())));
      List<Did> computes = new ArrayList<>(new TreeSet<>(List.of(did(), did())));
      HyperParameters hyper = new HyperParameters(0.2, 32, 12, patience, 24, 5, 150, 200, 10_000);
      FeatureTask task = new FeatureTask("task-1", List.of(new DataHolder(holders.get(0), widths[1]),
          new DataHolder(holders.get(1), widths[2])), widths[0], computes, 2, model, hyper);
      view = TaskView.of(did(), task);
    }

    TrainingResult central() {
      return CentralizedTrainer.train(owner.features(), owner.labels(), holderColumns, view.spec(), view.training());
    }

    Federated run(boolean shared) {
      return drive(shared, false);
    }

    Federated runWithDropout() {
      return drive(true, true);
    }

    /** What the actors do, step by step, without the transport. */
    private Federated drive(boolean shared, boolean dropRound2) {
      OwnerTraining training = new OwnerTraining(view, owner, 250);
      List<BottomModel> bottoms = new ArrayList<>();
      List<List<ModelParameters>> checkpoints = new ArrayList<>();
      for (int i = 0; i < holderColumns.size(); i++) {
        bottoms.add(BottomModel.initial(view.spec(), view.training(), view.partyIndex(view.holders().get(i)),
            holderColumns.get(i).numCols));
        checkpoints.add(new ArrayList<>(List.of(bottoms.get(i).checkpoint())));
      }
      ZCodec codec = ZCodec.of(view.fractionBits(), bottoms.size());
      int[] lastTrainRows = null;
      boolean dropped = false;
      while (training.phase() != OwnerTraining.Phase.DONE) {
        OwnerTraining.Step step = training.next();
        DMatrixRMaj gradient = training.takeGradient();
        if (gradient != null) {
          for (int i = 0; i < bottoms.size(); i++) {
            bottoms.get(i).update(select(holderColumns.get(i), lastTrainRows), gradient,
                view.training().learningRate());
          }
        }
        if (step == null) {
          if (training.phase() == OwnerTraining.Phase.TEST) {
            training.finish();
            continue;
          }
          for (int i = 0; i < bottoms.size(); i++) {
            checkpoints.get(i).add(bottoms.get(i).checkpoint());
          }
          training.committed();
          if (training.phase() == OwnerTraining.Phase.TEST) {
            restore(bottoms, checkpoints, training.finalRound());
          }
          continue;
        }
        if (dropRound2 && !dropped && training.round() == 2 && step.phase() == OwnerTraining.Phase.VALIDATE) {
          // A compute node is lost in round 2: holders and owner go back to round 1 and train round 2 again.
          dropped = true;
          training.resume();
          restore(bottoms, checkpoints, training.lastCommittedRound());
          continue;
        }
        if (step.phase() == OwnerTraining.Phase.TRAIN) {
          lastTrainRows = step.rows();
        }
        training.accept(step, z(bottoms, step.rows(), shared, codec));
      }
      return new Federated(training.finalRound(), training.testRows(), training.testScores());
    }

    private void restore(List<BottomModel> bottoms, List<List<ModelParameters>> checkpoints, int round) {
      for (int i = 0; i < bottoms.size(); i++) {
        bottoms.get(i).restore(checkpoints.get(i).get(round));
        List<ModelParameters> kept = checkpoints.get(i);
        while (kept.size() > round + 1) {
          kept.remove(kept.size() - 1);
        }
      }
    }

    private DMatrixRMaj z(List<BottomModel> bottoms, int[] rows, boolean shared, ZCodec codec) {
      if (!shared) {
        DMatrixRMaj z = new DMatrixRMaj(rows.length, view.spec().outputWidth());
        for (int i = 0; i < bottoms.size(); i++) {
          CommonOps_DDRM.addEquals(z, bottoms.get(i).forward(select(holderColumns.get(i), rows)));
        }
        return z;
      }
      AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 2, RANDOM);
      List<ShareSum> sums = List.of(new ShareSum(view.holderSet()), new ShareSum(view.holderSet()));
      for (int i = 0; i < bottoms.size(); i++) {
        DMatrixRMaj zi = bottoms.get(i).forward(select(holderColumns.get(i), rows));
        List<ZShare> shares = ZSharing.split(zi, codec, sharing, rows[0] % 2);
        for (int node = 0; node < 2; node++) {
          sums.get(node).add(view.holders().get(i), shares.get(node), PrgAlgorithm.AES_128_CTR);
        }
      }
      return ZSharing.reconstruct(List.of(sums.get(0).sum(), sums.get(1).sum()), rows.length,
          view.spec().outputWidth(), codec);
    }
  }

  private static DMatrixRMaj select(DMatrixRMaj x, int[] rows) {
    DMatrixRMaj out = new DMatrixRMaj(rows.length, x.numCols);
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(x.data, rows[r] * x.numCols, out.data, r * x.numCols, x.numCols);
    }
    return out;
  }

  private static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("x" + i);
    }
    return names;
  }

  private static Did did() {
    return Did.of(Ed25519PrivateKey.generate(RANDOM).publicKey());
  }
}
