package dev.consilium.simulator.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.simulator.cli.CommandRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every simulation driver does with its members' processes through their status files: waits for the
 * consortium to form, checks that no member's JVM died, waits for every copy of the ledger to stand at the
 * same head, and verifies each copy offline with {@code ledger verify}.
 */
final class MemberWatch {
  static final long FORM_TIMEOUT_MS = 180_000;
  static final long CONVERGE_TIMEOUT_MS = 60_000;
  static final long POLL_MS = 250;
  private static final Pattern HEAD_HASH = Pattern.compile("head hash\\s+([0-9a-f]{64})");
  private static final Pattern HEAD_HEIGHT = Pattern.compile("head height\\s+(\\d+)");

  private final WorkDir dir;
  private final List<String> members;
  private final MemberProcesses processes;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper();

  MemberWatch(WorkDir dir, List<String> members, MemberProcesses processes, PrintStream err) {
    this.dir = dir;
    this.members = List.copyOf(members);
    this.processes = processes;
    this.err = err;
  }

  /** A copy of the ledger that passed {@code ledger verify}: its head height and hash. */
  record VerifiedCopy(long height, String hash) {}

  /** Waits until every member sees all of them up and follows the ledger. */
  void awaitFormed() throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + FORM_TIMEOUT_MS;
    while (System.currentTimeMillis() < giveUpAt) {
      requireAlive();
      Map<String, MemberSnapshot> statuses = readStatuses();
      if (statuses.size() == members.size() && statuses.values().stream()
          .allMatch(s -> s.membersUp() == members.size() && s.verifiedHeight() >= 0)) {
        err.println("simulate: all " + members.size() + " members are up");
        return;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException("the consortium did not form within " + FORM_TIMEOUT_MS / 1000
        + " s; see the members' node.log under " + dir.root().resolve("data"));
  }

  /**
   * Waits until every member's follower stands at the same head, and stays there for a moment; returns why
   * not, if they did not agree in time.
   */
  Optional<String> converge() throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + CONVERGE_TIMEOUT_MS;
    String agreed = null;
    int stableRounds = 0;
    while (System.currentTimeMillis() < giveUpAt) {
      Map<String, MemberSnapshot> statuses = readStatuses();
      String hash = statuses.size() == members.size()
          && statuses.values().stream().map(MemberSnapshot::verifiedHash).distinct().count() == 1
          ? statuses.values().iterator().next().verifiedHash() : null;
      stableRounds = hash != null && hash.equals(agreed) ? stableRounds + 1 : 0;
      agreed = hash;
      if (stableRounds >= 8) {
        return Optional.empty();
      }
      Thread.sleep(POLL_MS);
    }
    return Optional.of("the members' followed heads did not agree within " + CONVERGE_TIMEOUT_MS / 1000 + " s: "
        + readStatuses().values().stream().map(s -> s.member() + "@" + s.verifiedHeight()).toList());
  }

  /** Verifies {@code member}'s copy offline; the problem, if it fails. */
  VerifiedCopy verifyCopy(String member) {
    CommandRun run = CommandRun.of("ledger", "verify", "--data", dir.data(member).toString());
    Matcher hash = HEAD_HASH.matcher(run.out());
    Matcher height = HEAD_HEIGHT.matcher(run.out());
    if (run.status() != 0 || !hash.find() || !height.find()) {
      throw new IllegalStateException("ledger verify failed on " + member + "'s copy: " + (run.out() + run.err()).trim());
    }
    return new VerifiedCopy(Long.parseLong(height.group(1)), hash.group(1));
  }

  /** Throws if a member's JVM has exited. */
  void requireAlive() {
    if (processes instanceof SeparateJvms jvms) {
      for (String member : members) {
        if (jvms.exited(member)) {
          throw new IllegalStateException(member + "'s JVM exited; see its node.log");
        }
      }
    }
  }

  Map<String, MemberSnapshot> readStatuses() {
    Map<String, MemberSnapshot> statuses = new LinkedHashMap<>();
    for (String member : members) {
      Path file = dir.status(member);
      if (Files.exists(file)) {
        try {
          statuses.put(member, json.readValue(Files.readAllBytes(file), MemberSnapshot.class));
        } catch (IOException e) {
          // being replaced: read it next round
        }
      }
    }
    return statuses;
  }

  static long directorySize(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = new ArrayList<>(paths.toList());
      java.util.Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }
}
