package dev.consilium.runtime.node;

import akka.actor.BootstrapSetup;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.sequencer.BlockBuilderSettings;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.validation.EntrySignatures;
import dev.consilium.runtime.cluster.ClusterWiring;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.DirectorySettings;
import dev.consilium.runtime.observer.ObserverServer;
import dev.consilium.runtime.observer.ObserverSettings;
import dev.consilium.runtime.observer.ReportOpener;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicatedLedger;
import dev.consilium.runtime.replication.ReplicationSettings;
import dev.consilium.runtime.replication.ReplicationTypes;
import dev.consilium.runtime.session.LocalMember;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One member of the consortium, started in the order a member starts: its config (its own settings, its
 * identity's roles and transport, the cluster and storage wiring), the settings checked, the journal schema
 * created, the ActorSystem, then its part of the replicated ledger and its discovery directory. Used by {@code bin/consilium node}, by
 * the simulator's in-process mode and by the tests, so all three start members the same way.
 */
public final class ConsortiumNode implements AutoCloseable {
  /** Every member's ActorSystem has this name: Akka clusters only systems of one name. */
  public static final String SYSTEM_NAME = "consilium";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String DIRECTORY_NAME = "consilium-directory";
  private static final String FOLLOWER_NAME = "consilium-ledger-follower";
  private static final String REGULATOR_ROLE = "regulator";

  private final NodeIdentity identity;
  private final ActorSystem<Void> system;
  private final ReplicatedLedger ledger;
  private final ActorRef<Directory.Command> directory;
  private final ActorRef<LedgerFollower.Command> follower;
  private final Config config;
  private final ObserverSettings observerSettings;
  private final AtomicBoolean observerStarted = new AtomicBoolean();

  private ConsortiumNode(NodeIdentity identity, ActorSystem<Void> system, ReplicatedLedger ledger,
      ActorRef<Directory.Command> directory, ActorRef<LedgerFollower.Command> follower, Config config,
      ObserverSettings observerSettings) {
    this.identity = identity;
    this.system = system;
    this.ledger = ledger;
    this.directory = directory;
    this.follower = follower;
    this.config = config;
    this.observerSettings = observerSettings;
  }

  /**
   * Starts {@code identity}'s node with {@code memberConfig} (unresolved: host, port, seed nodes, data
   * directory and any other setting) on the ledger that begins with {@code genesis}. Throws naming the bad
   * setting or file if any check fails; nothing is started then.
   */
  public static ConsortiumNode start(NodeIdentity identity, Block genesis, ContractRegistry registry,
      Config memberConfig) {
    Config config = ClusterWiring.configure(identity.transport()
        .withFallback(ConfigFactory.empty().withValue("akka.cluster.roles",
            ConfigValueFactory.fromIterable(identity.roles())))
        .withFallback(memberConfig));
    StorageSettings storage = LedgerStorage.start(config);
    BlockBuilderSettings blockSettings = BlockBuilderSettings.fromConfig(config);
    ReplicationSettings replication = ReplicationSettings.fromConfig(config);
    DirectorySettings directorySettings = DirectorySettings.fromConfig(config);
    ObserverSettings observerSettings = ObserverSettings.fromConfig(config);
    int snapshotEveryBlocks = config.getInt("consilium.ledger.snapshot-every-blocks");
    long followIntervalMs = config.getDuration("consilium.ledger.follow-interval").toMillis();
    if (followIntervalMs < 1) {
      throw new IllegalArgumentException("consilium.ledger.follow-interval must be at least 1 ms, not "
          + config.getString("consilium.ledger.follow-interval"));
    }
    ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(config))
        .and(ReplicationTypes.canonicalTypes(registry));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, setup);
    try {
      ReplicatedLedger ledger = ReplicatedLedger.start(system, identity.did(), identity.signer(), genesis, registry,
          storage, blockSettings, snapshotEveryBlocks, replication, Clock.systemUTC());
      ActorRef<Directory.Command> directory = system.systemActorOf(
          Directory.create(directorySettings, identity.did(), ledger.membership()), DIRECTORY_NAME, Props.empty());
      // The regulator's follower is the audit and verifies every entry signature again; another member's only
      // feeds its protocols, from blocks its own replica verified before persisting them (LedgerFollower).
      EntrySignatures signatures = identity.hasRole(REGULATOR_ROLE) ? EntrySignatures.VERIFY
          : EntrySignatures.TRUST_MERKLE_ROOT;
      ActorRef<LedgerFollower.Command> follower = system.systemActorOf(
          LedgerFollower.create(ledger.endpoint(), registry, followIntervalMs, signatures, Clock.systemUTC()),
          FOLLOWER_NAME, Props.empty());
      return new ConsortiumNode(identity, system, ledger, directory, follower, config, observerSettings);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  /**
   * Serves the observer API if this member is a regulator and {@code consilium.observer.port} is set, and
   * answers whether it does. The node no longer starts it by itself: the observer opens reports with the
   * regulator's agreement key, which only the regulator's role holds, so that role starts it (see
   * {@code roles.regulator.RegulatorMember}) with its {@code opener}; without one, reports are listed by hash.
   * Waits up to 30 s for the port; a port already taken throws naming the address, and the node keeps running
   * (the caller decides whether a node without its observer may run). Once per node, even after a failed bind.
   */
  public boolean startObserver(Optional<ReportOpener> opener) {
    if (!identity.hasRole(REGULATOR_ROLE) || !observerSettings.enabled()) {
      return false;
    }
    if (!observerStarted.compareAndSet(false, true)) {
      throw new IllegalStateException("the observer of " + identity.name() + " is already started");
    }
    String host = observerSettings.host();
    int port = observerSettings.port();
    try {
      ObserverServer.start(system, ledger, follower, host, port, opener).toCompletableFuture()
          .get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      throw new IllegalArgumentException("consilium.observer: cannot serve on " + host + ":" + port + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  /** The observer's settings, checked at start-up; {@link #startObserver} serves it when the port is set. */
  public ObserverSettings observerSettings() {
    return observerSettings;
  }

  public NodeIdentity identity() {
    return identity;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public ReplicatedLedger ledger() {
    return ledger;
  }

  /** This node's discovery directory: protocol actors by DID and role, and members lost. */
  public ActorRef<Directory.Command> directory() {
    return directory;
  }

  /**
   * This node's {@link LedgerFollower}: committed blocks re-checked from genesis, and the state after them,
   * for the audit and for the protocols that act on what the ledger decided.
   */
  public ActorRef<LedgerFollower.Command> follower() {
    return follower;
  }

  /** What a protocol on this node needs to run sessions: its DID, membership, directory and ledger. */
  public LocalMember localMember() {
    return new LocalMember(identity.did(), ledger.membership(), directory, ledger.submitter());
  }

  /** The resolved config the node runs with. */
  public Config config() {
    return config;
  }

  /** Leaves the cluster and stops, waiting up to 30 s. */
  @Override
  public void close() {
    stop(system, identity.name());
  }

  /** Terminates {@code system} (a cluster member leaves first) and waits up to 30 s. */
  static void stop(ActorSystem<?> system, String name) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(name + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s", e);
    }
  }
}
