package dev.consilium.runtime.testing;

import static org.junit.Assert.assertEquals;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** What the replication tests ask of running members: heads, states, and agreement between them. */
public final class LedgerChecks {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

  private LedgerChecks() {}

  public static ReplicaEndpoint.Head head(TestCluster.Node node) {
    return await(AskPattern.ask(node.ledger().endpoint(), ReplicaEndpoint.GetHead::new, ASK_TIMEOUT,
        node.system().scheduler()));
  }

  public static ReplicaState state(TestCluster.Node node) {
    return await(AskPattern.ask(node.ledger().endpoint(), ReplicaEndpoint.GetState::new, ASK_TIMEOUT,
        node.system().scheduler()));
  }

  /** Blocks 0 to {@code toHeight} as {@code node}'s endpoint serves them to peers. */
  public static List<Block> blocks(TestCluster.Node node, long toHeight) {
    List<Block> blocks = new ArrayList<>();
    while (blocks.size() <= toHeight) {
      long from = blocks.size();
      ReplicaEndpoint.Command answer = await(AskPattern.ask(node.ledger().endpoint(),
          (ActorRef<ReplicaEndpoint.Command> replyTo) -> new ReplicaEndpoint.GetBlocks(from, 64, replyTo), ASK_TIMEOUT,
          node.system().scheduler()));
      List<Block> batch = ((ReplicaEndpoint.Blocks) answer).blocks();
      if (batch.isEmpty()) {
        throw new AssertionError(node.spec().name() + " holds no block " + from);
      }
      blocks.addAll(batch);
    }
    return blocks;
  }

  /**
   * Waits until every running member's head is at least {@code minHeight} and all heads are the same block;
   * then checks that their states have the same state root. Returns the common head.
   */
  public static ReplicaEndpoint.Head awaitAgreement(TestCluster cluster, long minHeight, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReplicaEndpoint.Head> heads = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      heads.clear();
      for (TestCluster.Node node : cluster.nodes()) {
        heads.add(head(node));
      }
      boolean agree = heads.stream().allMatch(h -> h.height() >= minHeight && h.hash().equals(heads.get(0).hash()));
      if (agree) {
        ReplicaState first = state(cluster.nodes().get(0));
        for (TestCluster.Node node : cluster.nodes()) {
          ReplicaState state = state(node);
          assertEquals(node.spec().name() + " head", first.head().hash(), state.head().hash());
          assertEquals(node.spec().name() + " state root", first.ledger().stateRoot(), state.ledger().stateRoot());
        }
        return heads.get(0);
      }
      TestCluster.sleep(200);
    }
    throw new AssertionError("replicas did not agree on a head at or above " + minHeight + " within " + timeout
        + ": " + heads);
  }

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
