package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.ClusterSingletonSettings;
import akka.cluster.typed.SingletonActor;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.BlockBuilderSettings;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.runtime.ledger.MembershipView;
import java.time.Clock;
import java.time.Duration;

/**
 * A member's part of the replicated ledger, started once per node: its {@link ReplicaEndpoint}, the
 * sequencer singleton (hosted by one validator at a time; every member gets a proxy), the live
 * {@link MembershipView} and a {@link ClusterLedgerSubmitter} that signs as this member.
 */
public final class ReplicatedLedger {
  /** The endpoint's name under /system; Artery sends to it on the large-message channel (conf). */
  public static final String ENDPOINT_NAME = "consilium-ledger-endpoint";
  /** The singleton's name; its manager runs under /system/singletonManager + this. */
  public static final String SEQUENCER_NAME = "consilium-ledger-sequencer";
  /** Room in a frame for the message around a block (epoch, refs, CBOR framing). */
  private static final long FRAME_HEADROOM_BYTES = 64 * 1024;

  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final ActorRef<LedgerSequencer.Command> sequencer;
  private final MembershipView membership;
  private final ClusterLedgerSubmitter submitter;
  private final String channel;

  private ReplicatedLedger(ActorRef<ReplicaEndpoint.Command> endpoint, ActorRef<LedgerSequencer.Command> sequencer,
      MembershipView membership, ClusterLedgerSubmitter submitter, String channel) {
    this.endpoint = endpoint;
    this.sequencer = sequencer;
    this.membership = membership;
    this.submitter = submitter;
    this.channel = channel;
  }

  /**
   * Starts this member's part on {@code system} (a cluster member whose journal is configured by
   * {@link dev.consilium.ledger.storage.LedgerStorage}). {@code genesis} is the pinned genesis block; it
   * must pass every genesis check.
   */
  public static ReplicatedLedger start(ActorSystem<?> system, Did self, PublicKeySign signer, Block genesis,
      ContractRegistry registry, StorageSettings storage, BlockBuilderSettings blockSettings, int snapshotEveryBlocks,
      ReplicationSettings settings, Clock clock) {
    LedgerState genesisState;
    try {
      genesisState = GenesisBlock.validate(genesis, registry);
    } catch (RefusedException e) {
      throw new IllegalArgumentException("the configured genesis block is invalid: " + e.getMessage(), e);
    }
    long frameBytes = system.settings().config().getBytes("akka.remote.artery.advanced.maximum-large-frame-size");
    if (blockSettings.maxBytes() + FRAME_HEADROOM_BYTES > frameBytes) {
      throw new IllegalArgumentException("consilium.ledger.block.max-bytes = " + blockSettings.maxBytes()
          + " leaves less than " + FRAME_HEADROOM_BYTES + " bytes under akka.remote.artery.advanced."
          + "maximum-large-frame-size = " + frameBytes + ": blocks could not be replicated");
    }
    String channel = genesisState.genesis().channel();
    int commitQuorum = genesisState.genesis().commitQuorum();
    BlockRules rules = new BlockRules(registry);
    MembershipView membership = new MembershipView(genesisState.membership());
    // A failed endpoint (a journal it cannot read or write, a replica that stopped) starts again from disk.
    ActorRef<ReplicaEndpoint.Command> endpoint = system.systemActorOf(
        Behaviors.supervise(ReplicaEndpoint.create(self, rules, snapshotEveryBlocks, storage, genesis, membership,
            settings)).onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(500), Duration.ofSeconds(10),
            0.2)),
        ENDPOINT_NAME, Props.empty());
    Behavior<LedgerSequencer.Command> sequencerBehavior = Behaviors.supervise(LedgerSequencer.create(self, signer,
            endpoint, rules.entryRules(), blockSettings, membership, commitQuorum, settings, clock))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    ActorRef<LedgerSequencer.Command> sequencer = ClusterSingleton.get(system).init(
        SingletonActor.of(sequencerBehavior, SEQUENCER_NAME)
            .withSettings(ClusterSingletonSettings.create(system).withRole("validator")));
    ClusterLedgerSubmitter submitter = new ClusterLedgerSubmitter(system, sequencer, channel, self, signer, settings);
    return new ReplicatedLedger(endpoint, sequencer, membership, submitter, channel);
  }

  public ActorRef<ReplicaEndpoint.Command> endpoint() {
    return endpoint;
  }

  /** The proxy to the sequencer singleton, wherever it runs. */
  public ActorRef<LedgerSequencer.Command> sequencer() {
    return sequencer;
  }

  public MembershipView membership() {
    return membership;
  }

  public ClusterLedgerSubmitter submitter() {
    return submitter;
  }

  public String channel() {
    return channel;
  }
}
