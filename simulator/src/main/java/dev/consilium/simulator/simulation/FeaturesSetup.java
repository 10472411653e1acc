package dev.consilium.simulator.simulation;

import dev.consilium.ledger.features.DataHolder;
import dev.consilium.ledger.features.FeatureTask;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.data.FeatureTable;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.MemberIdentity;
import dev.consilium.runtime.node.LoopbackMember;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets a feature-learning consortium up the way an operator would (ca init, ca issue, genesis): a regulator,
 * the task owner and a data holder (institutions and validators), and the plan's compute members. Each data party
 * gets its own CSV in its data directory: a seeded sample of the plan's rows, minus a few ids on each side so
 * that the overlap is partial and the PSI has something to do. The owner gets the task to run, as the
 * canonical bytes of its registration.
 */
final class FeaturesSetup {
  static final String REGULATOR = "regulator";
  static final String OWNER = "owner";
  static final String HOLDER = "holder";

  static List<String> computes(FeaturesPlan plan) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= plan.computeNodes(); i++) {
      names.add("compute-" + i);
    }
    return names;
  }

  /** Every member: the regulator, the owner, the holder, then the compute nodes. */
  static List<String> members(FeaturesPlan plan) {
    List<String> names = new ArrayList<>(List.of(REGULATOR, OWNER, HOLDER));
    names.addAll(computes(plan));
    return names;
  }

  private FeaturesSetup() {}

  static Path table(WorkDir dir, String member) {
    return dir.data(member).resolve("table.csv");
  }

  /** The owner's rows to score with the trained model: ids the holder also has, none of them trained on. */
  static Path scoreTable(WorkDir dir) {
    return dir.data(OWNER).resolve("score.csv");
  }

  static Path task(WorkDir dir) {
    return dir.root().resolve("task.bin");
  }

  static Path result(WorkDir dir) {
    return dir.data(OWNER).resolve("features-result.json");
  }

  static Path traffic(WorkDir dir, String member) {
    return dir.data(member).resolve("traffic.json");
  }

  static void create(WorkDir dir, FeaturesPlan plan) throws IOException, IdentityException {
    Files.createDirectories(dir.root());
    SetupSteps.run("ca", "init", "--out", dir.ca().toString(), "--consortium", "features-simulation");
    List<String> members = members(plan);
    List<Integer> ports = new ArrayList<>();
    for (String name : members) {
      int port = LoopbackMember.freePort();
      ports.add(port);
      String roles = switch (name) {
        case REGULATOR -> "regulator,validator";
        case OWNER, HOLDER -> "institution,validator";
        default -> "compute";
      };
      SetupSteps.run("ca", "issue", "--ca", dir.ca().toString(), "--member", name, "--roles", roles, "--out",
          dir.member(name).toString(), "--host", "127.0.0.1", "--port", String.valueOf(port));
    }
    List<String> genesis = new ArrayList<>(List.of("genesis", "--creator", dir.member(REGULATOR).toString(),
        "--out", dir.genesis().toString(), "--members"));
    members.forEach(name -> genesis.add(dir.member(name).toString()));
    SetupSteps.run(genesis.toArray(String[]::new));

    FeatureTable owner = FeatureTable.read(plan.ownerCsv());
    FeatureTable holder = FeatureTable.read(plan.holderCsv());
    writeSamples(dir, plan, owner, holder);
    for (int i = 0; i < members.size(); i++) {
      String name = members.get(i);
      Files.createDirectories(dir.config(name).getParent());
      Files.writeString(dir.config(name), config(dir, name, ports.get(i), ports.get(0), ports.get(1), plan));
    }
    List<Did> computes = new ArrayList<>();
    for (String compute : computes(plan)) {
      computes.add(did(dir, compute));
    }
    FeatureTask task = new FeatureTask(FeaturesPlan.TASK_ID, List.of(new DataHolder(did(dir, HOLDER),
        holder.columnCount())), owner.columnCount(), new ArrayList<>(new TreeSet<>(computes)), plan.minComputeNodes(),
        plan.model(), plan.hyper());
    Files.write(task(dir), task.toCanonicalBytes());
  }

  static Did did(WorkDir dir, String member) throws IdentityException {
    return MemberIdentity.load(dir.member(member)).did();
  }

  /**
   * The sample each side holds: the first {@code rows} ids common to both files in a seeded order, then each
   * side drops its own {@code droppedPerSide} of them (different ones).
   */
  private static void writeSamples(WorkDir dir, FeaturesPlan plan, FeatureTable owner, FeatureTable holder)
      throws IOException {
    List<String> common = new ArrayList<>();
    Set<String> holderIds = new HashSet<>(holder.ids());
    for (String id : owner.ids()) {
      if (holderIds.contains(id)) {
        common.add(id);
      }
    }
    Collections.shuffle(common, new Random(plan.hyper().seed()));
    // The rows to score later come off the end: the holder holds them, the owner's training table does not.
    int scoreRows = Math.min(plan.scoreRows(), common.size() / 2);
    List<String> scored = common.subList(common.size() - scoreRows, common.size());
    List<String> pool = common.subList(0, common.size() - scoreRows);
    List<String> sample = plan.rows() == 0 ? pool : pool.subList(0, Math.min(plan.rows(), pool.size()));
    // A third at most from each side leaves a third of the sample in common.
    int drop = Math.min(plan.droppedPerSide(), sample.size() / 3);
    List<String> ownerIds = new ArrayList<>(sample.subList(drop, sample.size()));
    List<String> holderSample = new ArrayList<>(sample.subList(0, sample.size() - drop));
    holderSample.addAll(scored);
    writeCsv(table(dir, OWNER), owner, ownerIds);
    writeCsv(table(dir, HOLDER), holder, holderSample);
    if (!scored.isEmpty()) {
      writeCsv(scoreTable(dir), owner, scored);
    }
  }

  /** Writes {@code ids}' rows of {@code table} as CSV; doubles in their shortest exact form. */
  static void writeCsv(Path file, FeatureTable table, List<String> ids) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id");
      if (table.hasLabels()) {
        out.write(",y");
      }
      for (String column : table.columnNames()) {
        out.write("," + column);
      }
      out.newLine();
      double[] labels = table.hasLabels() ? table.labels() : null;
      for (String id : ids) {
        int row = table.rowOf(id).orElseThrow();
        StringBuilder line = new StringBuilder(id);
        if (labels != null) {
          line.append(',').append((int) labels[row]);
        }
        for (int c = 0; c < table.columnCount(); c++) {
          line.append(',').append(table.features().get(row, c));
        }
        out.write(line.toString());
        out.newLine();
      }
    }
  }

  private static String config(WorkDir dir, String name, int port, int seedPort1, int seedPort2, FeaturesPlan plan) {
    boolean dataParty = name.equals(OWNER) || name.equals(HOLDER);
    List<String> lines = SetupSteps.nodeLines(dir, name, "bin/consilium simulate features", port, seedPort1, seedPort2);
    lines.addAll(List.of(
        "  ledger.block.max-delay = 20ms",
        "  features.table = " + (dataParty ? SetupSteps.quote(table(dir, name)) : "\"\""),
        "  features.allow-plain-baseline = " + (plan.plainBaseline() ? "on" : "off")));
    lines.addAll(SetupSteps.simulationLines(dir, name, plan.hyper().seed()));
    lines.addAll(List.of(
        "    traffic = " + SetupSteps.quote(traffic(dir, name)),
        "    features-task = " + SetupSteps.quote(name.equals(OWNER) ? task(dir) : dir.root().resolve("none")),
        "    features-result = " + SetupSteps.quote(result(dir)),
        "    features-score-table = " + SetupSteps.quote(scoreTable(dir)),
        "    features-timeout = " + featuresTimeoutMs(plan) + "ms",
        "    plain-baseline = " + (plan.plainBaseline() ? "on" : "off"),
        "  }",
        "}",
        ""));
    return String.join("\n", lines);
  }

  /** The longest the owner waits for its task: generous, since a round may take its full timeout. */
  static long featuresTimeoutMs(FeaturesPlan plan) {
    return 600_000L + (long) plan.hyper().maxEpochs() * plan.hyper().roundTimeoutMs();
  }
}
