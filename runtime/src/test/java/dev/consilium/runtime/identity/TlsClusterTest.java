package dev.consilium.runtime.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import akka.actor.Address;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Artery over mutual TLS with the members' files: two members issued by one CA form a cluster; a node whose
 * certificate comes from another CA never becomes a member. The other CA has the same consortium name, so
 * its certificate carries the same shared subject name and passes Akka's PeerSubjectVerifier: only the
 * trust check on {@code ca.crt} keeps it out.
 */
public class TlsClusterTest {
  private static final Duration FORMATION_DEADLINE = Duration.ofSeconds(30);
  /** How long the foreign node keeps trying; Artery retries a failed handshake about every second. */
  private static final Duration FOREIGN_DEADLINE = Duration.ofSeconds(10);
  private static final long POLL_INTERVAL_MS = 100;
  private static final long TERMINATION_TIMEOUT_MS = 30_000;

  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();

  @Test
  public void membersOfOneCa_formACluster_nodeOfAnotherCaNeverJoins() throws Exception {
    Path root = FOLDER.getRoot().toPath();
    ConsortiumCa ca = TestIdentities.newCa("demo", root.resolve("ca"));
    ConsortiumCa otherCa = TestIdentities.newCa("demo", root.resolve("other-ca"));
    TestIdentities.issue(ca, "bank-a", root.resolve("bank-a"), "institution", "validator");
    TestIdentities.issue(ca, "regulator", root.resolve("regulator"), "regulator", "validator");
    TestIdentities.issue(otherCa, "bank-x", root.resolve("bank-x"), "institution", "validator");

    List<ActorSystem<Void>> started = new ArrayList<>();
    try {
      ActorSystem<Void> bankA = start(root.resolve("bank-a"), started);
      ActorSystem<Void> regulator = start(root.resolve("regulator"), started);
      ActorSystem<Void> foreign = start(root.resolve("bank-x"), started);
      Address seed = address(bankA);

      Cluster.get(bankA).manager().tell(Join.create(seed));
      Cluster.get(regulator).manager().tell(Join.create(seed));
      Cluster.get(foreign).manager().tell(Join.create(seed));
      Instant foreignGivenUpAt = Instant.now().plus(FOREIGN_DEADLINE);

      Set<Address> expected = Set.of(address(bankA), address(regulator));
      awaitTrue("bank-a and the regulator are Up in both views", FORMATION_DEADLINE,
          () -> upMembers(bankA).equals(expected) && upMembers(regulator).equals(expected));

      while (Instant.now().isBefore(foreignGivenUpAt)) {
        assertFalse("the foreign node is a member in bank-a's view", members(bankA).contains(address(foreign)));
        assertFalse("the foreign node is a member in the regulator's view",
            members(regulator).contains(address(foreign)));
        Thread.sleep(POLL_INTERVAL_MS);
      }
      assertEquals("the foreign node saw no member Up", Set.of(), upMembers(foreign));
      assertEquals(expected, upMembers(bankA));
    } finally {
      // One after the other, newest first: stopping cluster systems together in one JVM can hang.
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).terminate();
        try {
          started.get(i).getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // Artery may take minutes to finish terminating (akka/akka #30326); not what this test checks.
          System.err.println("warning: a node did not finish terminating within " + TERMINATION_TIMEOUT_MS + " ms");
        }
      }
    }
  }

  private static ActorSystem<Void> start(Path memberDir, List<ActorSystem<Void>> started) throws IdentityException {
    Config node = ConfigFactory.parseString("""
        akka.actor.provider = cluster
        akka.remote.artery.canonical.hostname = "127.0.0.1"
        akka.remote.artery.canonical.port = 0
        akka.cluster.jmx.multi-mbeans-in-same-jvm = on
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off
        """);
    Config config = ArteryTlsConfig.forDirectory(memberDir).withFallback(node).withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "consilium", config);
    started.add(system);
    assertEquals("tls-tcp", system.settings().config().getString("akka.remote.artery.transport"));
    return system;
  }

  private static Address address(ActorSystem<?> system) {
    return Cluster.get(system).selfMember().address();
  }

  private static Set<Address> members(ActorSystem<?> system) {
    return stream(Cluster.get(system).state().getMembers()).map(Member::address).collect(Collectors.toSet());
  }

  private static Set<Address> upMembers(ActorSystem<?> system) {
    return stream(Cluster.get(system).state().getMembers()).filter(m -> m.status() == MemberStatus.up())
        .map(Member::address).collect(Collectors.toSet());
  }

  private static <T> Stream<T> stream(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false);
  }

  private static void awaitTrue(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
    Instant giveUpAt = Instant.now().plus(deadline);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUpAt)) {
        throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
      }
      Thread.sleep(POLL_INTERVAL_MS);
    }
  }
}
