package dev.consilium.runtime.testing;

import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.node.ConsortiumNode;
import dev.consilium.runtime.node.LoopbackMember;
import dev.consilium.runtime.node.NodeIdentity;
import dev.consilium.runtime.replication.ReplicatedLedger;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-process consortium: one cluster ActorSystem per member on 127.0.0.1, each with its own H2 ledger
 * under {@code root}, started as a member starts (settings, schema, system, replicated ledger). Members can
 * be stopped and started again on the same port and data.
 */
public final class TestCluster implements AutoCloseable {
  public static final String SYSTEM_NAME = ConsortiumNode.SYSTEM_NAME;

  public final TestConsortium consortium;
  private final File root;
  private final Map<String, Object> overrides;
  private final Map<String, MemberSpec> specs = new LinkedHashMap<>();
  private final Map<String, Node> running = new LinkedHashMap<>();
  private final int seedPort;
  private Function<MemberSpec, Config> transport = spec -> ConfigFactory.empty();

  /** A member's identity and place: name, keys, roles, port. */
  public record MemberSpec(String name, TestConsortium.Member member, List<String> roles, int port) {}

  /** A running member. */
  public record Node(MemberSpec spec, ConsortiumNode member) {
    public ActorSystem<Void> system() {
      return member.system();
    }

    public ReplicatedLedger ledger() {
      return member.ledger();
    }
  }

  private TestCluster(TestConsortium consortium, File root, Map<String, Object> overrides) {
    this.consortium = consortium;
    this.root = root;
    this.overrides = overrides;
    add("regulator", consortium.regulator);
    add("bank-a", consortium.bankA);
    add("bank-b", consortium.bankB);
    add("bank-c", consortium.bankC);
    this.seedPort = specs.get("regulator").port();
  }

  /** The test consortium's four members, not yet started; {@code overrides} apply to every member's config. */
  public static TestCluster of(TestConsortium consortium, File root, Map<String, Object> overrides) {
    return new TestCluster(consortium, root, overrides);
  }

  private void add(String name, TestConsortium.Member member) {
    specs.put(name, new MemberSpec(name, member, List.copyOf(member.document.roles()), LoopbackMember.freePort()));
  }

  /** Each member's transport settings (Artery TLS); plain TCP unless set. */
  public TestCluster withTransport(Function<MemberSpec, Config> transport) {
    this.transport = transport;
    return this;
  }

  public List<String> names() {
    return List.copyOf(specs.keySet());
  }

  /** Starts every member that is not running, in order, and waits until all are Up. */
  public TestCluster startAll() {
    for (String name : specs.keySet()) {
      if (!running.containsKey(name)) {
        start(name);
      }
    }
    awaitUp(running.size());
    return this;
  }

  public Node start(String name) {
    MemberSpec spec = specs.get(name);
    Map<String, Object> settings = new HashMap<>();
    settings.put("akka.cluster.split-brain-resolver.stable-after", "2s");
    settings.put("consilium.ledger.block.max-delay", "20ms");
    settings.putAll(overrides);
    Config config = ConfigFactory.parseMap(settings).withFallback(
        LoopbackMember.config(spec.port(), seedPort, new File(root, name).toPath()));
    NodeIdentity identity = new NodeIdentity(name, spec.member().did, spec.member().signer, spec.roles(),
        transport.apply(spec));
    ConsortiumNode member = ConsortiumNode.start(identity, consortium.genesis, consortium.registry, config);
    Node node = new Node(spec, member);
    running.put(name, node);
    return node;
  }

  public Node node(String name) {
    Node node = running.get(name);
    if (node == null) {
      throw new IllegalArgumentException(name + " is not running; running: " + running.keySet());
    }
    return node;
  }

  public List<Node> nodes() {
    return new ArrayList<>(running.values());
  }

  /** Stops a member (it leaves the cluster) and waits until its system has terminated. */
  public void stop(String name) {
    try {
      running.remove(name).member().close();
    } catch (IllegalStateException e) {
      // Akka 2.6's Artery sometimes takes minutes to finish terminating after a member has left (akka/akka
      // #30326, #29162); what the tests check happened before, so a slow last step is reported, not failed.
      System.err.println("warning: " + e.getMessage() + "; the test goes on");
    }
  }

  /** Waits until {@code count} members are Up in every running member's view. */
  public void awaitUp(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = running.values().stream().allMatch(node -> upCount(node) >= count);
      if (all) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError("cluster did not reach " + count + " Up members within 30 s");
  }

  private static long upCount(Node node) {
    return java.util.stream.StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up()).count();
  }

  @Override
  public void close() {
    // One after the other: several cluster systems stopping at once in one JVM can hang on shutdown.
    for (String name : new ArrayList<>(running.keySet())) {
      stop(name);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
