package dev.consilium.simulator.simulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.simulator.scenario.Population;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The main job, in one JVM: 4 banks and a regulator, 50 inquiries; every total must equal the ground truth,
 * every decision follow the rule, every ledger copy verify and end at the same head. Then every byte of every
 * ledger copy is searched for what must never be on the ledger: a raw customer id or a plaintext amount.
 */
public class SimulationTest {
  private static final long SEED = 20261206L;
  private static final int BANKS = 4;
  private static final int CUSTOMERS = 400;

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void inProcessConsortium_answersEveryInquiryWithTheGroundTruth_andLedgersHoldNoPlaintext()
      throws Exception {
    Path workDir = folder.getRoot().toPath().resolve("simulation");
    SimulationPlan plan = new SimulationPlan(BANKS, 50, 1, 10, SEED, CUSTOMERS, 10_000, true, true, Optional.empty(),
        Optional.of(workDir));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SimulationReport report = new Simulation(plan, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    StringWriter printed = new StringWriter();
    report.print(new PrintWriter(printed, true));
    assertTrue(printed.toString(), report.passed());
    assertEquals(printed.toString(), 50L, (long) report.counts().getOrDefault(InquiryOutcome.DECIDED, 0L));
    assertEquals(printed.toString(), 50L, (long) report.counts().getOrDefault("total-ok", 0L));
    assertTrue("the ledger holds the inquiries' steps", report.ledgerHeight() > 10);

    assertNoPlaintextOnAnyCopy(plan, workDir);
  }

  /**
   * Batches of 150 customers: more than one packed ciphertext holds (39 slots under a 2048-bit key), so every
   * customer's total must come out of the right slot of the right ciphertext, masks cancelled per ciphertext.
   */
  @Test
  public void batchInquiries_answerEveryCustomerWithTheGroundTruth_andLedgersHoldNoPlaintext() throws Exception {
    Path workDir = folder.getRoot().toPath().resolve("batch");
    SimulationPlan plan = new SimulationPlan(BANKS, 4, 150, 2, SEED, CUSTOMERS, 30_000, true, true,
        Optional.empty(), Optional.of(workDir));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SimulationReport report = new Simulation(plan, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    StringWriter printed = new StringWriter();
    report.print(new PrintWriter(printed, true));
    assertTrue(printed.toString(), report.passed());
    assertEquals(printed.toString(), 4L, (long) report.counts().getOrDefault(InquiryOutcome.DECIDED, 0L));
    assertEquals(printed.toString(), 600L, (long) report.counts().getOrDefault("total-ok", 0L));
    assertEquals(printed.toString(), 600L, (long) report.counts().getOrDefault("decision-ok", 0L));
    assertTrue(printed.toString(), printed.toString().contains("150 customers per inquiry"));
    assertNoPlaintextOnAnyCopy(plan, workDir);
  }

  /** Scans every byte of every member's ledger copy for the run's customer ids and amounts. */
  private static void assertNoPlaintextOnAnyCopy(SimulationPlan plan, Path workDir) throws Exception {
    Population population = ConsortiumSetup.population(plan);
    Set<String> ids = new HashSet<>();
    Set<Long> amounts = new HashSet<>();
    for (Population.Loan loan : population.loans()) {
      ids.add(loan.customerId());
      amounts.add(loan.outstandingCents());
    }
    for (WorkItem item : ConsortiumSetup.workload(plan, population)) {
      for (WorkItem.Customer customer : item.customers()) {
        ids.add(customer.customerId());
        long total = population.totalOwedCents(customer.customerId());
        if (total > 0) {
          amounts.add(total);
        }
      }
    }
    WorkDir dir = new WorkDir(workDir);
    for (String member : ConsortiumSetup.members(BANKS)) {
      byte[] ledger = Files.readAllBytes(dir.data(member).resolve("ledger.mv.db"));
      List<String> found = new PlaintextScan(ledger).find(ids, amounts, SEED);
      assertTrue(member + "'s ledger copy holds plaintext: " + found, found.isEmpty());
    }
  }
}
