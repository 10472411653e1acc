package dev.consilium.simulator.bench;

import akka.actor.BootstrapSetup;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.SpawnProtocol;
import akka.actor.typed.javadsl.AskPattern;
import akka.pattern.StatusReply;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.LedgerTypes;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.BlockBuilderSettings;
import dev.consilium.ledger.storage.LedgerStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One member's ledger for the benchmark, started in the order a member starts it: config, storage
 * (settings checked, schema created), then the ActorSystem with the ledger's canonical types, the replica
 * and, on request, a block builder sealing as the consortium's regulator. Akka logs warnings only.
 */
final class BenchNode implements AutoCloseable {
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final BenchConsortium consortium;
  private final ActorSystem<SpawnProtocol.Command> system;
  private final ActorRef<LedgerReplica.Command> replica;

  private BenchNode(BenchConsortium consortium, ActorSystem<SpawnProtocol.Command> system,
      ActorRef<LedgerReplica.Command> replica) {
    this.consortium = consortium;
    this.system = system;
    this.replica = replica;
  }

  /** Starts a node on the H2 file in {@code dataDir}; its replica recovers whatever the file holds. */
  static BenchNode start(BenchConsortium consortium, Path dataDir, int snapshotEveryBlocks) {
    Config config = LedgerStorage.configure(ConfigFactory.parseMap(Map.of(
        "consilium.data-dir", dataDir.toAbsolutePath().toString(),
        "akka.loggers", List.of("akka.event.slf4j.Slf4jLogger"),
        "akka.logging-filter", "akka.event.slf4j.Slf4jLoggingFilter",
        "akka.loglevel", "WARNING",
        "akka.stdout-loglevel", "WARNING")));
    LedgerStorage.start(config);
    ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(config))
        .and(LedgerTypes.canonicalTypes(consortium.registry));
    ActorSystem<SpawnProtocol.Command> system = ActorSystem.create(SpawnProtocol.create(), "bench-ledger", setup);
    try {
      ActorRef<LedgerReplica.Command> replica = spawn(system,
          LedgerReplica.create(BenchConsortium.CHANNEL, consortium.rules, snapshotEveryBlocks), "replica");
      return new BenchNode(consortium, system, replica);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  ActorSystem<?> system() {
    return system;
  }

  /** The replica's head and state, once it has recovered. */
  ReplicaState state() {
    return await(AskPattern.ask(replica, LedgerReplica.GetState::new, ASK_TIMEOUT, system.scheduler()),
        "the replica's state");
  }

  void appendGenesis() {
    Block genesis = consortium.genesis;
    CompletionStage<LedgerReplica.Appended> appended = AskPattern.askWithStatus(replica,
        (ActorRef<StatusReply<LedgerReplica.Appended>> replyTo) -> new LedgerReplica.Append(genesis, replyTo),
        ASK_TIMEOUT, system.scheduler());
    await(appended, "the genesis block's append");
  }

  /** A block builder for the replica, which must already hold genesis. */
  ActorRef<BlockBuilder.Command> builder(int maxEntries, long maxDelayMs) {
    return spawn(system, BlockBuilder.create(replica, consortium.rules.entryRules(),
        new BlockBuilderSettings(maxEntries, maxDelayMs), 0, consortium.regulator.did, consortium.regulator.signer,
        Clock.systemUTC()), "builder");
  }

  /** Terminates the ActorSystem and waits, so that the pool has closed the database file. */
  @Override
  public void close() {
    system.terminate();
    await(system.getWhenTerminated(), "the ActorSystem's termination");
  }

  private static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior,
      String name) {
    return await(AskPattern.ask(system,
        (ActorRef<ActorRef<T>> replyTo) -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
        ASK_TIMEOUT, system.scheduler()), "spawning the " + name);
  }

  private static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(ASK_TIMEOUT.toMillis() + SHUTDOWN_TIMEOUT.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out waiting for " + what, e);
    }
  }
}
