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
 * registered; the federated scores must match the centralized twin's within the fixed-point tolerance. Then
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
        DATA.resolve("default_credit_hetero_host.csv"), 2_000, 20, TopModel.logistic(), hyper, true, true,
        Optional.of(workDir), false, Optional.empty());
    FeaturesReport report = run(plan);
    String printed = printed(report);
    assertTrue(printed, report.passed());
    assertEquals(printed, 1_960, report.federated().alignedIds().size());
    assertTrue(printed, report.maxScoreGap() <= FeaturesReport.MAX_SCORE_GAP);
    assertTrue(printed, report.federated().testAuc() > 0.65);

    Map<String, FeaturesResult.Traffic> traffic = report.traffic();
    FeaturesResult.Traffic owner = traffic.get(FeaturesSetup.OWNER);
    assertTrue(printed, owner.receivedBytes().containsKey("SumReady"));
    assertFalse("the owner received a share: " + owner, owner.receivedBytes().containsKey("Share"));
    assertFalse("the owner received a plaintext Z_i: " + owner, owner.receivedBytes().containsKey("PlainZ"));
    for (String compute : FeaturesSetup.COMPUTES) {
      Set<String> kinds = traffic.get(compute).receivedBytes().keySet();
      assertTrue(compute + " received " + kinds, kinds.contains("Share"));
      assertTrue(compute + " received " + kinds, Set.of("Share", "CloseRound", "EndTask").containsAll(kinds));
    }
    Set<String> holderKinds = traffic.get(FeaturesSetup.HOLDER).receivedBytes().keySet();
    assertTrue("the holder received " + holderKinds, Set.of("Forward", "CloseRound", "EndTask").containsAll(holderKinds));
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
