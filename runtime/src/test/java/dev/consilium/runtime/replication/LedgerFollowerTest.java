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

  private LedgerFollower.Followed latest() {
    TestProbe<LedgerFollower.Followed> probe = TEST_KIT.createTestProbe();
    follower.tell(new LedgerFollower.GetLatest(probe.ref()));
    return probe.receiveMessage();
  }
}
