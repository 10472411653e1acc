package dev.consilium.simulator.simulation;

import dev.consilium.simulator.cli.CommandRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every simulation's set-up does alike: run the operator's commands, and start each member's config. */
final class SetupSteps {
  private SetupSteps() {}

  /** Runs a {@code consilium} command as an operator would; throws naming it if it fails. */
  static void run(String... args) {
    CommandRun run = CommandRun.of(args);
    if (run.status() != 0) {
      throw new IllegalStateException("setting the consortium up failed at '" + String.join(" ", args) + "': "
          + run.err().trim());
    }
  }

  /** {@code path} as a HOCON string. */
  static String quote(Path path) {
    return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * The first lines of member {@code name}'s config, written by {@code command}: logging, the split-brain
   * resolver's short settle time, and the node (identity, genesis, address and two seed nodes). The caller
   * adds its own settings and closes the {@code consilium} block.
   */
  static List<String> nodeLines(WorkDir dir, String name, String command, int port, int seedPort1, int seedPort2) {
    return new ArrayList<>(List.of(
        "# Member " + name + " of a simulated consortium; written by " + command + ".",
        "akka {",
        "  loglevel = INFO",
        "  loggers = [\"akka.event.slf4j.Slf4jLogger\"]",
        "  logging-filter = \"akka.event.slf4j.Slf4jLoggingFilter\"",
        "  coordinated-shutdown.exit-jvm = on",
        "  cluster.split-brain-resolver.stable-after = 7s",
        "}",
        "consilium {",
        "  data-dir = " + quote(dir.data(name)),
        "  node {",
        "    member-dir = " + quote(dir.member(name)),
        "    genesis = " + quote(dir.genesis()),
        "    host = \"127.0.0.1\"",
        "    port = " + port,
        "    seed-nodes = [\"127.0.0.1:" + seedPort1 + "\", \"127.0.0.1:" + seedPort2 + "\"]",
        "  }"));
  }

  /**
   * The opening lines of the {@code consilium.simulation} block every member's config has: its name and the
   * files it shares with the driver. The caller adds its own and closes the block.
   */
  static List<String> simulationLines(WorkDir dir, String name, long seed) {
    return List.of(
        "  simulation {",
        "    member = \"" + name + "\"",
        "    workload = " + quote(dir.workload(name)),
        "    results = " + quote(dir.results(name)),
        "    status = " + quote(dir.status(name)),
        "    go = " + quote(dir.go()),
        "    seed = " + seed);
  }
}
