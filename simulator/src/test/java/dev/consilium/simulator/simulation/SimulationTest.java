package dev.consilium.simulator.simulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.simulator.scenario.Population;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  /**
   * Amounts this large are searched for as decimal text too: shorter digit runs occur by chance in any file.
   * As text an amount is a number of its own, so a match inside a longer run of hex digits does not count, nor
   * one right after ':', which is how H2's MVStore writes its own chunk headers (key:hex, such as a time in
   * ms): those are the database's bookkeeping, and once coincided with an amount.
   */
  private static final long MIN_ASCII_AMOUNT = 1_000_000L;

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void inProcessConsortium_answersEveryInquiryWithTheGroundTruth_andLedgersHoldNoPlaintext()
      throws Exception {
    Path workDir = folder.getRoot().toPath().resolve("simulation");
    SimulationPlan plan = new SimulationPlan(BANKS, 50, 10, SEED, CUSTOMERS, 10_000, true, true, Optional.empty(),
        Optional.of(workDir));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SimulationReport report = new Simulation(plan, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    StringWriter printed = new StringWriter();
    report.print(new PrintWriter(printed, true));
    assertTrue(printed.toString(), report.passed());
    assertEquals(printed.toString(), 50L, (long) report.counts().getOrDefault(InquiryOutcome.DECIDED, 0L));
    assertEquals(printed.toString(), 50L, (long) report.counts().getOrDefault("total-ok", 0L));
    assertTrue("the ledger holds the inquiries' steps", report.ledgerHeight() > 10);

    Population population = ConsortiumSetup.population(plan);
    Set<String> ids = new HashSet<>();
    Set<Long> amounts = new HashSet<>();
    for (Population.Loan loan : population.loans()) {
      ids.add(loan.customerId());
      amounts.add(loan.outstandingCents());
    }
    for (WorkItem item : ConsortiumSetup.workload(plan, population)) {
      ids.add(item.customerId());
      long total = population.totalOwedCents(item.customerId());
      if (total > 0) {
        amounts.add(total);
      }
    }
    WorkDir dir = new WorkDir(workDir);
    for (String member : ConsortiumSetup.members(BANKS)) {
      byte[] ledger = Files.readAllBytes(dir.data(member).resolve("ledger.mv.db"));
      List<String> found = scan(ledger, ids, amounts);
      assertTrue(member + "'s ledger copy holds plaintext: " + found, found.isEmpty());
    }
  }

  private static List<String> scan(byte[] bytes, Set<String> ids, Set<Long> amounts) {
    String file = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      if (contains(file, id.getBytes(StandardCharsets.UTF_8))) {
        found.add("customer id " + id);
      }
    }
    for (long amount : amounts) {
      if (contains(file, ByteBuffer.allocate(8).putLong(amount).array())
          || contains(file, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(amount).array())
          || (amount >= MIN_ASCII_AMOUNT && containsNumber(file, Long.toString(amount)))) {
        found.add("amount " + amount);
      }
    }
    return found;
  }

  /** Whether {@code number} stands in {@code haystack} as a number of its own (see MIN_ASCII_AMOUNT). */
  private static boolean containsNumber(String haystack, String number) {
    for (int at = haystack.indexOf(number); at >= 0; at = haystack.indexOf(number, at + 1)) {
      int before = at - 1;
      int after = at + number.length();
      boolean alone = (before < 0 || (!isHexDigit(haystack.charAt(before)) && haystack.charAt(before) != ':'))
          && (after >= haystack.length() || !isHexDigit(haystack.charAt(after)));
      if (alone) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHexDigit(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** Byte search through Latin-1 strings, one char per byte, whose indexOf the JIT makes fast. */
  private static boolean contains(String haystack, byte[] needle) {
    return haystack.indexOf(new String(needle, StandardCharsets.ISO_8859_1)) >= 0;
  }
}
