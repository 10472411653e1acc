package dev.consilium.runtime.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.ClusterSingletonSettings;
import akka.cluster.typed.SingletonActor;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.runtime.cluster.ClusterWiring;
import dev.consilium.runtime.replication.ClusterLedgerSubmitter;
import dev.consilium.runtime.replication.LedgerSequencer;
import dev.consilium.runtime.replication.ReplicatedLedger;
import dev.consilium.runtime.replication.ReplicationSettings;
import java.util.List;

/**
 * A short-lived cluster member that only submits entries: it joins with a member's certificate but no
 * roles, so it holds no replica and never hosts the sequencer, and leaves when closed. The CLI's
 * {@code member admit|revoke} uses it to submit as the regulator while the regulator's node keeps running.
 */
public final class LedgerClientNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final ClusterLedgerSubmitter submitter;

  private LedgerClientNode(ActorSystem<Void> system, ClusterLedgerSubmitter submitter) {
    this.system = system;
    this.submitter = submitter;
  }

  /** Joins the cluster of {@code memberConfig}'s seed nodes on a free port, as {@code identity} without roles. */
  public static LedgerClientNode start(NodeIdentity identity, Block genesis, ContractRegistry registry,
      Config memberConfig) {
    String channel;
    try {
      channel = GenesisBlock.validate(genesis, registry).genesis().channel();
    } catch (RefusedException e) {
      throw new IllegalArgumentException("the configured genesis block is invalid: " + e.getMessage(), e);
    }
    Config config = ClusterWiring.configure(identity.transport()
        .withFallback(ConfigFactory.empty()
            .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(List.of()))
            .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(0)))
        .withFallback(memberConfig));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ConsortiumNode.SYSTEM_NAME, config);
    // Without the validator role this node only gets a proxy; the behavior is never started here.
    ActorRef<LedgerSequencer.Command> sequencer = ClusterSingleton.get(system).init(
        SingletonActor.of(Behaviors.<LedgerSequencer.Command>empty(), ReplicatedLedger.SEQUENCER_NAME)
            .withSettings(ClusterSingletonSettings.create(system).withRole("validator")));
    ClusterLedgerSubmitter submitter = new ClusterLedgerSubmitter(system, sequencer, channel, identity.did(),
        identity.signer(), ReplicationSettings.fromConfig(config));
    return new LedgerClientNode(system, submitter);
  }

  public ClusterLedgerSubmitter submitter() {
    return submitter;
  }

  @Override
  public void close() {
    ConsortiumNode.stop(system, "the client node");
  }
}
