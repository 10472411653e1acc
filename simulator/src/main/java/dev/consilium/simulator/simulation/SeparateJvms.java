package dev.consilium.simulator.simulation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM per member, started as {@code consilium node --config FILE} on this JVM's class path, its output
 * appended to the member's node.log. Stopping sends SIGTERM (the member leaves the cluster); killing sends
 * SIGKILL.
 */
final class SeparateJvms implements MemberProcesses {
  private static final long STOP_WAIT_SECONDS = 40;
  private final WorkDir dir;
  private final Map<String, Process> processes = new LinkedHashMap<>();

  SeparateJvms(WorkDir dir) {
    this.dir = dir;
  }

  @Override
  public void start(String member) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC",
        "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
        "-cp", System.getProperty("java.class.path"), "dev.consilium.simulator.Main",
        "node", "--config", dir.config(member).toString()));
    File log = dir.log(member).toFile();
    try {
      Files.createDirectories(dir.log(member).getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
      processes.put(member, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the JVM of " + member, e);
    }
  }

  @Override
  public void kill(String member) {
    Process process = processes.remove(member);
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void stop(String member) {
    Process process = processes.remove(member);
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Whether {@code member}'s JVM has exited by itself (its log says why). */
  boolean exited(String member) {
    Process process = processes.get(member);
    return process != null && !process.isAlive();
  }

  @Override
  public void close() {
    List<String> names = new ArrayList<>(processes.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      stop(names.get(i));
    }
  }
}
