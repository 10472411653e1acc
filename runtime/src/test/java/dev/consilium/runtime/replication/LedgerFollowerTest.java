package dev.consilium.runtime.replication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import akka.actor.testkit.typed.javadsl.TestKitJunitResource;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.validation.EntrySignatures;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;

/** {@link LedgerFollower.GetLatest}, with a probe as the replica. */
public class LedgerFollowerTest {
  @ClassRule public static final TestKitJunitResource TEST_KIT = new TestKitJunitResource();
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());

  private final TestProbe<ReplicaEndpoint.Command> endpoint = TEST_KIT.createTestProbe();
  private final ActorRef<LedgerFollower.Command> follower = TEST_KIT.spawn(LedgerFollower.create(endpoint.ref(),
      CONSORTIUM.registry, 50, Clock.systemUTC()));

  @Test
  public void getLatest_beforeGenesisIsChecked_answersAtOnceWithNoHead() {
    LedgerFollower.Followed latest = latest(); // the replica probe never answers: genesis stays unchecked

    assertFalse(latest.hasHead());
    assertNull(latest.head());
    assertNull(latest.state());
    assertEquals(List.of(), latest.blocks());
  }

  @Test
  public void getLatest_afterBlocksAreChecked_answersTheHeadAndStateWithoutBlocks() throws Exception {
    List<Block> chain = CONSORTIUM.chain(2, 1);
    ReplicaEndpoint.GetHead getHead = endpoint.expectMessageClass(ReplicaEndpoint.GetHead.class);
    getHead.replyTo().tell(new ReplicaEndpoint.Head(CONSORTIUM.regulator.did, 2, chain.get(1).hash(), 1, 1, 2));
    ReplicaEndpoint.GetBlocks getBlocks = endpoint.expectMessageClass(ReplicaEndpoint.GetBlocks.class);
    assertEquals(0, getBlocks.fromHeight());
    getBlocks.replyTo().tell(new ReplicaEndpoint.Blocks(CONSORTIUM.regulator.did, 0,
        List.of(CONSORTIUM.genesis, chain.get(0), chain.get(1)), 2, 2));

    LedgerFollower.Followed latest = TEST_KIT.createTestProbe().awaitAssert(() -> {
      LedgerFollower.Followed answer = latest();
      assertTrue(answer.hasHead());
      assertEquals(2, answer.head().height());
      return answer;
    });

    assertEquals(chain.get(1).hash(), latest.head().hash());
    assertEquals(chain.get(1).header().stateRoot(), latest.state().stateRoot());
    assertEquals("the latest, never the blocks again", List.of(), latest.blocks());
  }

  /**
   * A follower that trusts its replica's entry signatures still checks everything else: an entry swapped for
   * another (validly signed, but not the one the sequencer sealed) fails the Merkle root and raises an alarm.
   */
  @Test
  public void trustingFollower_refusesASwappedEntry_byItsMerkleRoot() throws Exception {
    TestProbe<ReplicaEndpoint.Command> replica = TEST_KIT.createTestProbe();
    ActorRef<LedgerFollower.Command> trusting = TEST_KIT.spawn(LedgerFollower.create(replica.ref(),
        CONSORTIUM.registry, 50, EntrySignatures.TRUST_MERKLE_ROOT, Clock.systemUTC()));
    List<Block> chain = CONSORTIUM.chain(2, 1);
    Block swapped = Block.of(chain.get(0).header(), chain.get(1).entries());
    ReplicaEndpoint.GetHead getHead = replica.expectMessageClass(ReplicaEndpoint.GetHead.class);
    getHead.replyTo().tell(new ReplicaEndpoint.Head(CONSORTIUM.regulator.did, 2, chain.get(1).hash(), 1, 1, 2));
    ReplicaEndpoint.GetBlocks getBlocks = replica.expectMessageClass(ReplicaEndpoint.GetBlocks.class);
    getBlocks.replyTo().tell(new ReplicaEndpoint.Blocks(CONSORTIUM.regulator.did, 0,
        List.of(CONSORTIUM.genesis, swapped, chain.get(1)), 2, 2));

    AuditStatus status = TEST_KIT.createTestProbe().awaitAssert(() -> {
      TestProbe<AuditStatus> probe = TEST_KIT.createTestProbe();
      trusting.tell(new LedgerFollower.GetStatus(probe.ref()));
      AuditStatus answer = probe.receiveMessage();
      assertFalse(answer.alarms().isEmpty());
      return answer;
    });

    assertFalse(status.healthy());
    assertEquals(0, status.verifiedHeight());
    assertEquals(1, status.alarms().get(0).height());
    assertTrue(status.alarms().get(0).reason(), status.alarms().get(0).reason().contains("WRONG_MERKLE_ROOT"));
  }

  private LedgerFollower.Followed latest() {
    TestProbe<LedgerFollower.Followed> probe = TEST_KIT.createTestProbe();
    follower.tell(new LedgerFollower.GetLatest(probe.ref()));
    return probe.receiveMessage();
  }
}
