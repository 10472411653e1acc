package dev.consilium.runtime.replication;

import static org.junit.Assert.assertEquals;

import akka.actor.BootstrapSetup;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.pattern.StatusReply;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.runtime.ledger.MembershipView;
import dev.consilium.runtime.replication.ReplicaEndpoint.Replicated.Status;
import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One endpoint against blocks sealed by hand: the rules that keep a committed block from being lost or
 * replaced when sequencers change, without a cluster.
 */
public class ReplicaEndpointTest {
  @Rule public final TemporaryFolder folder = new TemporaryFolder();
  private final TestConsortium consortium = new TestConsortium(new SecureRandom());
  private final List<ActorTestKit> kits = new ArrayList<>();

  @After
  public void shutdown() {
    kits.forEach(ActorTestKit::shutdownTestKit);
  }

  @Test
  public void uncommittedTip_isReplacedByALaterEpochsBlock_whenTheSequencerSendsTheNextOne() throws Exception {
    ActorRef<ReplicaEndpoint.Command> x = endpoint("x", consortium.bankA);
    ActorRef<ReplicaEndpoint.Command> y = endpoint("y", consortium.bankB);
    TestProbe<ReplicaEndpoint.Replicated> probe = TestProbe.create(kits.get(0).system());
    // Epoch 1's sequencer reached only x with block 1, then died: block 1a was never committed.
    Block oneA = seal(consortium.genesis.header(), consortium.genesisState, 1, 1, consortium.bankA);
    assertEquals(Status.ACCEPTED, replicate(x, 1, oneA, 0, y, probe).status());
    // Epoch 2's sequencer committed 1b and 2b elsewhere (here: on y).
    BlockDraft.Sealed oneB = sealed(consortium.genesis.header(), consortium.genesisState, 2, 1, consortium.bankB);
    Block twoB = seal(oneB.block().header(), oneB.state(), 2, 2, consortium.bankC);
    assertEquals(Status.ACCEPTED, replicate(y, 2, oneB.block(), 0, y, probe).status());
    assertEquals(Status.ACCEPTED, replicate(y, 2, twoB, 1, y, probe).status());

    // x is asked for 2b: it cannot follow its own 1a, catches up from y, drops 1a for 1b, then takes 2b.
    replicate(x, 2, twoB, 1, y, probe);
    ReplicaEndpoint.Head head = awaitHeight(x, 2);
    assertEquals(twoB.hash(), head.hash());
    assertEquals(2, head.promisedEpoch());
    // And epoch 1 can no longer write to x.
    Block late = seal(twoB.header(), null, 1, 3, consortium.bankA);
    assertEquals(Status.STALE_EPOCH, replicate(x, 1, late, 0, y, probe).status());
  }

  @Test
  public void committedBlock_isNeverDropped_evenForALaterEpoch() throws Exception {
    ActorRef<ReplicaEndpoint.Command> x = endpoint("x", consortium.bankA);
    ActorRef<ReplicaEndpoint.Command> y = endpoint("y", consortium.bankB);
    TestProbe<ReplicaEndpoint.Replicated> probe = TestProbe.create(kits.get(0).system());
    BlockDraft.Sealed oneA = sealed(consortium.genesis.header(), consortium.genesisState, 1, 1, consortium.bankA);
    Block twoA = seal(oneA.block().header(), oneA.state(), 1, 2, consortium.bankA);
    replicate(x, 1, oneA.block(), 0, y, probe);
    // The sequencer says block 1 is committed.
    assertEquals(Status.ACCEPTED, replicate(x, 1, twoA, 1, y, probe).status());
    // y holds a conflicting chain of a later epoch (which a correct sequencer could never have built).
    BlockDraft.Sealed oneB = sealed(consortium.genesis.header(), consortium.genesisState, 2, 1, consortium.bankB);
    replicate(y, 2, oneB.block(), 0, y, probe);
    Block twoB = seal(oneB.block().header(), oneB.state(), 2, 2, consortium.bankC);
    replicate(y, 2, twoB, 0, y, probe);
    Block threeB = seal(twoB.header(), null, 2, 3, consortium.bankC);
    // x may drop 2a (not known committed) but never 1a: it ends still holding 1a, refusing y's chain.
    ReplicaEndpoint.Replicated answer = replicate(x, 2, threeB, 0, y, probe);
    assertEquals(Status.CATCHING_UP, answer.status());
    TestProbe<ReplicaEndpoint.Command> blocks = TestProbe.create(kits.get(0).system());
    x.tell(new ReplicaEndpoint.GetBlocks(1, 1, blocks.ref()));
    ReplicaEndpoint.Blocks held = blocks.expectMessageClass(ReplicaEndpoint.Blocks.class);
    assertEquals(oneA.block().hash(), held.blocks().get(0).hash());
  }

  /**
   * A replica that catches up (here: restarted from its journal, behind) learns its committed height from the
   * peer it catches up from, not only from the sequencer's next block: its follower must not stay at height 0
   * while the ledger is idle or stalled.
   */
  @Test
  public void caughtUpReplica_learnsThePeersCommittedHeight() throws Exception {
    ActorRef<ReplicaEndpoint.Command> x = endpoint("x", consortium.bankA);
    ActorRef<ReplicaEndpoint.Command> y = endpoint("y", consortium.bankB);
    TestProbe<ReplicaEndpoint.Replicated> probe = TestProbe.create(kits.get(0).system());
    BlockDraft.Sealed one = sealed(consortium.genesis.header(), consortium.genesisState, 1, 1, consortium.bankA);
    BlockDraft.Sealed two = sealed(one.block().header(), one.state(), 1, 2, consortium.bankB);
    Block three = seal(two.block().header(), two.state(), 1, 3, consortium.bankC);
    replicate(y, 1, one.block(), 0, y, probe);
    replicate(y, 1, two.block(), 1, y, probe);
    replicate(y, 1, three, 2, y, probe); // y knows blocks 1 and 2 committed, not 3
    assertEquals(2, awaitHeight(y, 3).committedHeight());

    TestProbe<StatusReply<ReplicaEndpoint.Head>> caughtUp = TestProbe.create(kits.get(0).system());
    x.tell(new ReplicaEndpoint.CatchUp(y, 3, three.hash(), 1, caughtUp.ref()));
    StatusReply<ReplicaEndpoint.Head> reply = caughtUp.receiveMessage(Duration.ofSeconds(20));
    assertEquals(3, reply.getValue().height());
    assertEquals("the peer's committed height, never above it", 2, reply.getValue().committedHeight());
  }

  private ReplicaEndpoint.Replicated replicate(ActorRef<ReplicaEndpoint.Command> endpoint, long epoch, Block block,
      long committed, ActorRef<ReplicaEndpoint.Command> source, TestProbe<ReplicaEndpoint.Replicated> probe) {
    endpoint.tell(new ReplicaEndpoint.Replicate(epoch, block, committed, source, probe.ref()));
    return probe.expectMessageClass(ReplicaEndpoint.Replicated.class, Duration.ofSeconds(20));
  }

  private ReplicaEndpoint.Head awaitHeight(ActorRef<ReplicaEndpoint.Command> endpoint, long height) {
    TestProbe<ReplicaEndpoint.Head> probe = TestProbe.create(kits.get(0).system());
    return probe.awaitAssert(Duration.ofSeconds(20), () -> {
      endpoint.tell(new ReplicaEndpoint.GetHead(probe.ref()));
      ReplicaEndpoint.Head head = probe.receiveMessage();
      assertEquals(height, head.height());
      return head;
    });
  }

  /** Block {@code height} after {@code head}: one harmless entry of {@code by}, sealed by the regulator. */
  private BlockDraft.Sealed sealed(BlockHeader head, LedgerState state, long epoch, long height,
      TestConsortium.Member by) throws Exception {
    BlockDraft draft = BlockDraft.after(head, state, consortium.rules.entryRules(), head.timestampMs() + height);
    Entry entry = by.selfUpdate(epoch * 1_000 + height);
    draft.add(entry);
    return draft.seal(epoch, consortium.regulator.did, consortium.regulator.signer);
  }

  private Block seal(BlockHeader head, LedgerState state, long epoch, long height, TestConsortium.Member by)
      throws Exception {
    if (state == null) {
      // Only its height, link and epoch matter to the test: build it on a state the endpoint will not reach.
      return Block.of(BlockHeader.sign(height, epoch, head.hash(), Block.merkleRootOf(List.of()), head.stateRoot(),
          head.timestampMs() + 1, 0, consortium.regulator.did, consortium.regulator.signer), List.of());
    }
    return sealed(head, state, epoch, height, by).block();
  }

  private ActorRef<ReplicaEndpoint.Command> endpoint(String name, TestConsortium.Member member) throws Exception {
    File dir = folder.newFolder(name);
    Config config = LedgerStorage.configure(ConfigFactory.parseMap(Map.of(
        "consilium.data-dir", dir.getAbsolutePath(),
        "consilium.ledger.replication.catch-up-interval", "1h",
        "akka.loggers", List.of("akka.event.slf4j.Slf4jLogger"),
        "akka.logging-filter", "akka.event.slf4j.Slf4jLoggingFilter")));
    StorageSettings storage = LedgerStorage.start(config);
    ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(config))
        .and(ReplicationTypes.canonicalTypes(consortium.registry));
    ActorTestKit kit = ActorTestKit.create(ActorSystem.create(Behaviors.empty(), "endpoint-" + name, setup));
    kits.add(kit);
    return kit.spawn(ReplicaEndpoint.create(member.did, consortium.rules, 100, storage, consortium.genesis,
        new MembershipView(consortium.genesisState.membership()), ReplicationSettings.fromConfig(config)), "endpoint");
  }
}
