package dev.consilium.runtime.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a member that runs with others in one JVM on 127.0.0.1: the tests, the benchmarks and the
 * simulator's in-process mode. Several cluster systems in one JVM need their own JMX names, must not stop
 * the JVM when they stop, and log through SLF4J like every member.
 */
public final class LoopbackMember {
  private LoopbackMember() {}

  /** A member listening on {@code port}, joining through {@code seedPort}, with its ledger in {@code dataDir}. */
  public static Config config(int port, int seedPort, Path dataDir) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("akka.remote.artery.canonical.hostname", "127.0.0.1");
    settings.put("akka.remote.artery.canonical.port", port);
    settings.put("akka.cluster.seed-nodes",
        List.of("akka://" + ConsortiumNode.SYSTEM_NAME + "@127.0.0.1:" + seedPort));
    settings.put("akka.cluster.jmx.multi-mbeans-in-same-jvm", "on");
    settings.put("akka.coordinated-shutdown.exit-jvm", "off");
    settings.put("akka.loggers", List.of("akka.event.slf4j.Slf4jLogger"));
    settings.put("akka.logging-filter", "akka.event.slf4j.Slf4jLoggingFilter");
    settings.put("consilium.data-dir", dataDir.toAbsolutePath().toString());
    return ConfigFactory.parseMap(settings);
  }

  /** A port free at the moment of asking, for a member about to start. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
