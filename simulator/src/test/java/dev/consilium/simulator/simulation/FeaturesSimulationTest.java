package dev.consilium.simulator.simulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.features.HyperParameters;
import dev.consilium.ledger.features.TopModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Shared feature learning end to end in one JVM, on a 2,000-row sample of the credit-default data whose two
 * sides each miss 20 of the other's ids: aligned by PSI, trained through secret-shared sums, scored, the model
 * registered, then 300 rows it never saw scored with that model through the same path (inference); the
 * federated scores must match the centralized twin's within the fixed-point tolerance, both times. Then
 * the message audit: the owner never receives a holder's share or Z_i, compute nodes receive shares only.
 */
public class FeaturesSimulationTest {
  private static final Path DATA = Path.of("data", "credit");

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void inProcess_logistic_matchesTheCentralizedTwin_andNobodyReceivesWhatItMustNot() throws Exception {
    Path workDir = folder.getRoot().toPath().resolve("features");
    HyperParameters hyper = new HyperParameters(0.5, 128, 8, 3, 24, 7, 100, 200, 30_000);
    FeaturesPlan plan = new FeaturesPlan(DATA.resolve("default_credit_hetero_guest.csv"),
        DATA.resolve("default_credit_hetero_host.csv"), 2_000, 20, 300, TopModel.logistic(), hyper, 2, 2, true, true,
        Optional.of(workDir), false, Optional.empty());
    FeaturesReport report = run(plan);
    String printed = printed(report);
    assertTrue(printed, report.passed());
    assertEquals(printed, 1_960, report.federated().alignedIds().size());
    assertTrue(printed, report.maxScoreGap() <= FeaturesReport.MAX_SCORE_GAP);
    assertTrue(printed, report.federated().testAuc() > 0.65);
    assertEquals(printed, 300, report.federated().scoredIds().size());
    assertTrue(printed, report.maxInferenceGap() <= FeaturesReport.MAX_SCORE_GAP);

    Map<String, FeaturesResult.Traffic> traffic = report.traffic();
    FeaturesResult.Traffic owner = traffic.get(FeaturesSetup.OWNER);
    assertTrue(printed, owner.receivedBytes().containsKey("SumReady"));
    assertFalse("the owner received a share: " + owner, owner.receivedBytes().containsKey("Share"));
    assertFalse("the owner received a plaintext Z_i: " + owner, owner.receivedBytes().containsKey("PlainZ"));
    for (String compute : FeaturesSetup.computes(plan)) {
      Set<String> kinds = traffic.get(compute).receivedBytes().keySet();
      assertTrue(compute + " received " + kinds, kinds.contains("Share"));
      assertTrue(compute + " received " + kinds, Set.of("Share", "CloseRound", "EndTask").containsAll(kinds));
    }
    Set<String> holderKinds = traffic.get(FeaturesSetup.HOLDER).receivedBytes().keySet();
    assertTrue("the holder received " + holderKinds, Set.of("Forward", "CloseRound", "EndTask").containsAll(holderKinds));
  }

  /**
   * Dropout with room to spare: three compute nodes, at least two needed, one lost after round 1. The round in
   * progress ends, the task resumes from round 1 with the other two, and its scores still match the
   * centralized twin (the shares of a resumed round add up to the same Z).
   */
  @Test
  public void computeNodeLost_withEnoughLeft_resumesFromTheLastCommittedRound() throws Exception {
    FeaturesReport report = run(dropoutPlan("resume", 3, "compute-3"));
    String printed = printed(report);
    assertTrue(printed, report.passed());
    assertEquals(printed, "completed", report.federated().outcome());
    assertEquals(printed, 1, report.federated().resumes());
    assertTrue(printed, report.maxScoreGap() <= FeaturesReport.MAX_SCORE_GAP);
  }

  /** Dropout below the minimum: two compute nodes, both needed, one lost: the task ends, its reason recorded. */
  @Test
  public void computeNodeLost_belowTheMinimum_endsTheTaskAsParticipantLost() throws Exception {
    FeaturesReport report = run(dropoutPlan("end", 2, "compute-2"));
    String printed = printed(report);
    assertTrue(printed, report.passed());
    assertEquals(printed, "participant-lost", report.federated().outcome());
    assertTrue(printed, report.federated().reason().contains("compute node"));
  }

  /** Small batches and no early stop, so that a round lasts long enough for the loss to land inside one. */
  private FeaturesPlan dropoutPlan(String name, int computes, String lost) {
    HyperParameters hyper = new HyperParameters(0.05, 16, 6, 6, 24, 7, 100, 200, 30_000);
    return new FeaturesPlan(DATA.resolve("default_credit_hetero_guest.csv"),
        DATA.resolve("default_credit_hetero_host.csv"), 1_000, 10, 0, TopModel.logistic(), hyper, computes, 2, true,
        true,
        Optional.of(folder.getRoot().toPath().resolve(name)), false, Optional.of(new FeaturesPlan.Kill(lost, 1)));
  }

  private static FeaturesReport run(FeaturesPlan plan) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    return new FeaturesSimulation(plan, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
  }

  private static String printed(FeaturesReport report) {
    StringWriter out = new StringWriter();
    report.print(new PrintWriter(out, true));
    return out.toString();
  }
}
