package dev.consilium.simulator.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.roles.customer.PseudonymKey;
import dev.consilium.roles.customer.PseudonymKeyFile;
import dev.consilium.roles.institution.LoanBook;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.node.LoopbackMember;
import dev.consilium.simulator.scenario.Population;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sets a simulated consortium up in a fresh work directory, the way an operator would: a CA ({@code ca init}),
 * one identity per member ({@code ca issue}), the genesis block ({@code genesis}), through the same commands a
 * person types; then what only a simulation has: the consortium's pseudonym key handed to the banks, each
 * bank's loan book filled from a synthetic population with ground truth, each member's config file, and the
 * workload of inquiries each bank will ask.
 */
final class ConsortiumSetup {
  static final String REGULATOR = "regulator";
  /** Share of the inquiries about customers who borrow at several banks: the case the investigation is for. */
  private static final double MULTI_HEAD_SHARE = 0.6;

  private ConsortiumSetup() {}

  static String bank(int index) {
    return "bank-" + (index + 1);
  }

  /** Every member's name: the regulator first, then the banks. */
  static List<String> members(int banks) {
    List<String> names = new ArrayList<>();
    names.add(REGULATOR);
    for (int i = 0; i < banks; i++) {
      names.add(bank(i));
    }
    return names;
  }

  static Population population(SimulationPlan plan) {
    return Population.generate(plan.seed(), plan.customers(), plan.banks());
  }

  static void create(WorkDir dir, SimulationPlan plan) throws IOException {
    Files.createDirectories(dir.root());
    SetupSteps.run("ca", "init", "--out", dir.ca().toString(), "--consortium", "simulation");
    List<String> names = members(plan.banks());
    List<Integer> ports = new ArrayList<>();
    for (String name : names) {
      int port = LoopbackMember.freePort();
      ports.add(port);
      String roles = name.equals(REGULATOR) ? "regulator,validator" : "institution,validator";
      SetupSteps.run("ca", "issue", "--ca", dir.ca().toString(), "--member", name, "--roles", roles, "--out",
          dir.member(name).toString(), "--host", "127.0.0.1", "--port", String.valueOf(port));
    }
    List<String> genesis = new ArrayList<>(List.of("genesis", "--creator", dir.member(REGULATOR).toString(),
        "--out", dir.genesis().toString(), "--members"));
    names.forEach(name -> genesis.add(dir.member(name).toString()));
    SetupSteps.run(genesis.toArray(String[]::new));

    PseudonymKey pseudonyms;
    try {
      pseudonyms = PseudonymKeyFile.read(dir.ca()); // made by ca init, handed to the banks by ca issue
    } catch (IdentityException e) {
      throw new IllegalStateException("ca init did not leave a pseudonym key: " + e.getMessage(), e);
    }
    Population population = population(plan);
    CustomerKeys customers = new CustomerKeys(plan.seed());
    for (int b = 0; b < plan.banks(); b++) {
      fillBook(dir.data(bank(b)), b, population, pseudonyms, customers);
    }
    int observerPort = LoopbackMember.freePort();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Files.createDirectories(dir.config(name).getParent());
      Files.writeString(dir.config(name), config(dir, name, ports.get(i), ports.get(0), ports.get(1),
          name.equals(REGULATOR) ? observerPort : 0, plan));
    }
    writeWorkload(dir, plan, population);
  }

  /** The bank's loans, and the consent keys of the customers it has on file. */
  private static void fillBook(Path dataDir, int bank, Population population, PseudonymKey pseudonyms,
      CustomerKeys customers) {
    try (LoanBook book = LoanBook.open(dataDir, pseudonyms)) {
      population.writeBook(bank, book);
      Set<String> onFile = new HashSet<>();
      for (Population.Loan loan : population.loans()) {
        if (loan.bank() == bank && onFile.add(loan.customerId())) {
          book.recordConsentKey(loan.customerId(), customers.of(loan.customerId()).publicKey());
        }
      }
    }
  }

  /**
   * The inquiries, spread over the banks in turn and due at the plan's rate: mostly about customers who
   * borrow at several banks, the rest about anyone (no loans at all included).
   */
  static List<WorkItem> workload(SimulationPlan plan, Population population) {
    SplittableRandom random = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
    List<Population.Customer> multi = new ArrayList<>();
    List<Population.Customer> others = new ArrayList<>();
    for (Population.Customer customer : population.customers()) {
      (population.lenderCount(customer.id()) >= 2 ? multi : others).add(customer);
    }
    List<WorkItem> items = new ArrayList<>();
    for (int k = 0; k < plan.inquiries(); k++) {
      // A batch names each customer once: drawn until it has plan.batch() different ones.
      Map<String, WorkItem.Customer> batch = new LinkedHashMap<>();
      while (batch.size() < plan.batch()) {
        boolean wantMulti = random.nextDouble() < MULTI_HEAD_SHARE && !multi.isEmpty();
        List<Population.Customer> pool = wantMulti || others.isEmpty() ? multi : others;
        Population.Customer customer = pool.get(random.nextInt(pool.size()));
        batch.putIfAbsent(customer.id(), new WorkItem.Customer(customer.id(), customer.requestedCents(),
            customer.annualIncomeCents()));
      }
      long dueOffsetMs = Math.round(k * 1000.0 / plan.rate());
      items.add(new WorkItem(String.format("inq-%06d", k + 1), k % plan.banks(), List.copyOf(batch.values()),
          dueOffsetMs));
    }
    return items;
  }

  private static void writeWorkload(WorkDir dir, SimulationPlan plan, Population population) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<WorkItem> items = workload(plan, population);
    for (int b = 0; b < plan.banks(); b++) {
      Path file = dir.workload(bank(b));
      Files.createDirectories(file.getParent());
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (WorkItem item : items) {
          if (item.bank() == b) {
            writer.write(json.writeValueAsString(item));
            writer.newLine();
          }
        }
      }
    }
  }

  private static String config(WorkDir dir, String name, int port, int seedPort1, int seedPort2, int observerPort,
      SimulationPlan plan) {
    List<String> lines = SetupSteps.nodeLines(dir, name, "bin/consilium simulate", port, seedPort1, seedPort2);
    lines.addAll(List.of(
        "  ledger.block {",
        // The naive baseline puts one entry in each block, as the seed article's design does.
        "    max-entries = " + (plan.naiveBaseline() ? 1 : 500),
        "    max-delay = 20ms",
        "  }",
        "  observer.port = " + observerPort,
        "  institution.credit.inquiry-timeout = " + plan.inquiryTimeoutMs() + "ms",
        "  institution.credit.naive-baseline = " + (plan.naiveBaseline() ? "on" : "off")));
    lines.addAll(SetupSteps.simulationLines(dir, name, plan.seed()));
    lines.addAll(List.of(
        "  }",
        "}",
        ""));
    return String.join("\n", lines);
  }
}
