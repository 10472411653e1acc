package dev.consilium.runtime.testing;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.pattern.StatusReply;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.replica.ReplicaState;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.session.SessionsContract;
import dev.consilium.ledger.session.SessionsState;
import dev.consilium.ledger.testing.LedgerNode;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;

/**
 * A real ledger for runtime tests: one replica on an H2 file holding the consortium's genesis, and the
 * single-node block builder in front of it. Each member submits through its own {@link LedgerSubmitter},
 * signing with its key and the next nonce, as the replicated ledger's submitter will.
 */
public final class RealLedger implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final LedgerNode node;
  private final ActorRef<BlockBuilder.Command> builder;
  private final Map<Did, LedgerSubmitter> submitters = new ConcurrentHashMap<>();

  private RealLedger(LedgerNode node, ActorRef<BlockBuilder.Command> builder) {
    this.node = node;
    this.builder = builder;
  }

  public static RealLedger start(TestConsortium consortium, File dataDir) {
    LedgerNode node = LedgerNode.start(consortium, dataDir, 100);
    TestProbe<StatusReply<LedgerReplica.Appended>> appended = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.Append(consortium.genesis, appended.getRef()));
    StatusReply<LedgerReplica.Appended> reply = appended.receiveMessage(TIMEOUT);
    if (reply.isError()) {
      throw new IllegalStateException("genesis refused: " + reply.getError().getMessage());
    }
    // Small blocks cut quickly: tests wait for receipts.
    return new RealLedger(node, node.builder(consortium, 10, 10));
  }

  /**
   * Submits as {@code member}, one submitter per member; nonces follow the order of calls, so calls are
   * serialized.
   */
  public LedgerSubmitter submitterFor(TestConsortium.Member member) {
    return submitters.computeIfAbsent(member.did, did -> newSubmitter(member));
  }

  private LedgerSubmitter newSubmitter(TestConsortium.Member member) {
    return new LedgerSubmitter() {
      private long nonce = 1; // above genesis's, which only the regulator used

      @Override
      public synchronized CompletionStage<Receipt> submit(String contract, String action, byte[] payload) {
        nonce++;
        long thisNonce = nonce;
        return AskPattern.askWithStatus(builder,
            replyTo -> new BlockBuilder.Submit(member.entry(contract, action, payload, thisNonce), replyTo),
            TIMEOUT, node.testKit.scheduler());
      }
    };
  }

  /** The outcome the ledger holds for {@code sessionId}, as of its head. */
  public Optional<SessionsState.Recorded> recorded(String sessionId) {
    TestProbe<ReplicaState> probe = node.testKit.createTestProbe();
    node.replica.tell(new LedgerReplica.GetState(probe.getRef()));
    ReplicaState state = probe.receiveMessage(TIMEOUT);
    return ((SessionsState) state.ledger().contractState(SessionsContract.NAME)).find(sessionId);
  }

  @Override
  public void close() {
    node.close();
  }
}
