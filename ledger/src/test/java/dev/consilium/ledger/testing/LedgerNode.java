package dev.consilium.ledger.testing;

import akka.actor.setup.ActorSystemSetup;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.BootstrapSetup;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.LedgerTypes;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.BlockBuilderSettings;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/** One member's ledger on its own H2 file, started in the order a member starts: settings, schema, system. */
public final class LedgerNode implements AutoCloseable {
  public final ActorTestKit testKit;
  public final ActorRef<LedgerReplica.Command> replica;
  private final StorageSettings storage;

  private LedgerNode(ActorTestKit testKit, ActorRef<LedgerReplica.Command> replica, StorageSettings storage) {
    this.testKit = testKit;
    this.replica = replica;
    this.storage = storage;
  }

  /** Unresolved overrides only: configure() resolves them over reference.conf, data-dir included. */
  public static LedgerNode start(TestConsortium consortium, File dataDir, int snapshotEveryBlocks) {
    Config config = LedgerStorage.configure(ConfigFactory.parseMap(Map.of(
            "consilium.data-dir", dataDir.getAbsolutePath(),
            "akka.loggers", java.util.List.of("akka.event.slf4j.Slf4jLogger"),
            "akka.logging-filter", "akka.event.slf4j.Slf4jLoggingFilter")));
    StorageSettings storage = LedgerStorage.start(config);
    ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(config))
        .and(LedgerTypes.canonicalTypes(consortium.registry));
    ActorTestKit testKit = ActorTestKit.create(ActorSystem.create(Behaviors.empty(), "ledger-node", setup));
    ActorRef<LedgerReplica.Command> replica = testKit.spawn(
        LedgerReplica.create(TestConsortium.CHANNEL, consortium.rules, snapshotEveryBlocks), "replica");
    return new LedgerNode(testKit, replica, storage);
  }

  /** A block builder sealing as the consortium's regulator. */
  public ActorRef<BlockBuilder.Command> builder(TestConsortium consortium, int maxEntries, long maxDelayMs) {
    return testKit.spawn(BlockBuilder.create(replica, consortium.rules.entryRules(),
        new BlockBuilderSettings(maxEntries, maxDelayMs), 0, consortium.regulator.did, consortium.regulator.signer,
        Clock.systemUTC()));
  }

  /** A plain JDBC connection to this node's database, for what the offline verifier sees. */
  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(storage.url(), storage.user(), storage.password());
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
