package dev.consilium.runtime.testing;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.DirectorySettings;
import dev.consilium.runtime.ledger.MembershipView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.StreamSupport;

/**
 * Members as ActorSystems in one JVM, clustered over plain TCP on 127.0.0.1 with ports the OS picks: each
 * node joins the first and runs a {@link Directory} under its member's DID. Nodes stop one after the other,
 * newest first.
 */
public final class DirectoryCluster implements AutoCloseable {
  private static final Duration UP_TIMEOUT = Duration.ofSeconds(15);
  private static final Config CONFIG = ConfigFactory.parseString("""
      akka {
        loggers = ["akka.event.slf4j.Slf4jLogger"]
        logging-filter = "akka.event.slf4j.Slf4jLoggingFilter"
        actor.provider = cluster
        remote.artery {
          transport = tcp
          canonical.hostname = "127.0.0.1"
          canonical.port = 0
        }
        cluster {
          jmx.multi-mbeans-in-same-jvm = on
          # Faster membership changes than production needs, so tests wait less.
          gossip-interval = 200ms
          leader-actions-interval = 200ms
          typed.receptionist.distributed-data {
            gossip-interval = 500ms
            notify-subscribers-interval = 100ms
          }
        }
        coordinated-shutdown.run-by-jvm-shutdown-hook = off
      }
      """).withFallback(ConfigFactory.load());

  private final Deque<Node> nodes = new ArrayDeque<>();
  private final DirectorySettings directorySettings = new DirectorySettings(2_000, 64);

  /** One member's node. */
  public record Node(ActorTestKit testKit, TestConsortium.Member member, MembershipView membership,
      ActorRef<Directory.Command> directory) {
    public Address address() {
      return Cluster.get(testKit.system()).selfMember().address();
    }
  }

  /** Starts {@code member}'s node, joins it to the cluster and waits until it is up. */
  public Node start(TestConsortium.Member member, TestConsortium consortium) {
    ActorTestKit testKit = ActorTestKit.create("consilium", CONFIG);
    Cluster cluster = Cluster.get(testKit.system());
    Address seed = nodes.isEmpty() ? cluster.selfMember().address() : nodes.peekFirst().address();
    cluster.manager().tell(Join.create(seed));
    MembershipView membership = new MembershipView(consortium.genesisState.membership());
    ActorRef<Directory.Command> directory = testKit.spawn(
        Directory.create(directorySettings, member.did, membership), "directory");
    Node node = new Node(testKit, member, membership, directory);
    nodes.addLast(node);
    awaitUp(node);
    return node;
  }

  /** Stops {@code node}'s ActorSystem; it leaves the cluster on its way down. */
  public void stop(Node node) {
    nodes.remove(node);
    node.testKit().shutdownTestKit();
  }

  @Override
  public void close() {
    while (!nodes.isEmpty()) {
      nodes.pollLast().testKit().shutdownTestKit();
    }
  }

  private void awaitUp(Node node) {
    long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (nodes.stream().allMatch(other -> upCount(other) == nodes.size())) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError(node.member().did + "'s node was not up on every node within " + UP_TIMEOUT);
  }

  private static long upCount(Node node) {
    return StreamSupport.stream(Cluster.get(node.testKit().system()).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up()).count();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
