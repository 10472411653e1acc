package dev.consilium.runtime.observer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import akka.actor.testkit.typed.javadsl.TestKitJunitResource;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.InquiryReport;
import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The index on its own, with probes for the follower and the replica: it reads the blocks checked before it
 * subscribed from the replica, fills gaps the same way, never reads past the follower's head, and keeps only
 * its bound of entries. The blocks need not be valid: the index trusts the follower to have checked them.
 */
public class ObserverIndexTest {
  @ClassRule public static final TestKitJunitResource TEST_KIT = new TestKitJunitResource();
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final long T0_MS = TestConsortium.GENESIS_TIME_MS + 1_000_000;

  private final TestProbe<LedgerFollower.Command> follower = TEST_KIT.createTestProbe();
  private final TestProbe<ReplicaEndpoint.Command> endpoint = TEST_KIT.createTestProbe();
  private final List<Block> chain = new ArrayList<>(List.of(CONSORTIUM.genesis));

  @Test
  public void subscribedAfterBlocks_readsThemFromTheReplica_thenIndexesTheFollowers() {
    ActorRef<ObserverIndex.Command> index = start(10);
    ActorRef<LedgerFollower.Followed> subscriber = subscriber();
    append(open("inq-1", CONSORTIUM.bankA));
    append(report("inq-1", CONSORTIUM.bankA, "report one"));
    subscriber.tell(followed(List.of(), 2));

    answer(0, 2);
    append(open("inq-2", CONSORTIUM.bankB));
    subscriber.tell(followed(List.of(chain.get(3)), 3));

    ObserverIndex.Activity activity = activity(index);
    assertEquals(3, activity.indexedHeight());
    assertEquals(2, activity.inquiriesIndexed());
    assertEquals(List.of(CONSORTIUM.bankA.did.toString(), CONSORTIUM.bankB.did.toString()).stream().sorted()
        .toList(), activity.banks().stream().map(ObserverIndex.BankActivity::asker).toList());
    ObserverIndex.Reports reports = reports(index);
    assertEquals(1, reports.reports().size());
    ObserverIndex.FiledReport filed = reports.reports().get(0);
    assertEquals("inq-1", filed.inquiryId());
    assertEquals(CONSORTIUM.bankA.did, filed.asker());
    assertEquals(2, filed.height());
    assertEquals(chain.get(2).header().timestampMs(), filed.timestampMs());
    assertArrayEquals(bytes("report one"), filed.ciphertext());
    assertEquals(Sha256.digest(bytes("report one")), filed.ciphertextHash());
    endpoint.expectNoMessage();
  }

  @Test
  public void followedBlocksAfterAGap_readsTheGapFromTheReplica() {
    ActorRef<ObserverIndex.Command> index = start(10);
    ActorRef<LedgerFollower.Followed> subscriber = subscriber();
    subscriber.tell(followed(List.of(chain.get(0)), 0));
    append(open("inq-1", CONSORTIUM.bankA));
    append(open("inq-2", CONSORTIUM.bankB));
    append(open("inq-3", CONSORTIUM.bankC));

    subscriber.tell(followed(List.of(chain.get(3)), 3));
    answer(1, 3);

    assertEquals(3, activity(index).inquiriesIndexed());
    assertEquals(3, activity(index).indexedHeight());
  }

  @Test
  public void pastTheBound_dropsTheOldestOpenings() {
    ActorRef<ObserverIndex.Command> index = start(2);
    ActorRef<LedgerFollower.Followed> subscriber = subscriber();
    append(open("inq-1", CONSORTIUM.bankA));
    append(open("inq-2", CONSORTIUM.bankB));
    append(open("inq-3", CONSORTIUM.bankC));

    subscriber.tell(followed(chain, 3));

    ObserverIndex.Activity activity = activity(index);
    assertEquals(2, activity.inquiriesIndexed());
    assertEquals("bank A's, the oldest, was dropped", List.of(CONSORTIUM.bankB.did.toString(),
        CONSORTIUM.bankC.did.toString()).stream().sorted().toList(),
        activity.banks().stream().map(ObserverIndex.BankActivity::asker).toList());
  }

  @Test
  public void activity_countsOpeningsInTheirBucketOfBlockTime() {
    ActorRef<ObserverIndex.Command> index = start(10);
    ActorRef<LedgerFollower.Followed> subscriber = subscriber();
    append(open("inq-1", CONSORTIUM.bankA));
    append(open("inq-2", CONSORTIUM.bankA));
    subscriber.tell(followed(chain, 2));

    ObserverIndex.Activity activity = activity(index);
    assertEquals(ObserverIndex.WINDOW_BUCKETS, activity.bucketStartsMs().size());
    long lastBucket = activity.bucketStartsMs().get(ObserverIndex.WINDOW_BUCKETS - 1);
    assertEquals(Math.floorDiv(chain.get(2).header().timestampMs(), ObserverIndex.BUCKET_MS)
        * ObserverIndex.BUCKET_MS, lastBucket);
    ObserverIndex.BankActivity bankA = activity.banks().get(0);
    assertEquals(2, bankA.openedTotal());
    assertEquals(2, bankA.openedPerBucket().stream().mapToInt(Integer::intValue).sum());
  }

  private ActorRef<ObserverIndex.Command> start(int maxEntries) {
    return TEST_KIT.spawn(ObserverIndex.create(follower.ref(), endpoint.ref(), maxEntries));
  }

  private ActorRef<LedgerFollower.Followed> subscriber() {
    return follower.expectMessageClass(LedgerFollower.Subscribe.class).subscriber();
  }

  /** Expects the index to ask for blocks from {@code from}, and answers with the chain up to {@code to}. */
  private void answer(long from, long to) {
    ReplicaEndpoint.GetBlocks request = endpoint.expectMessageClass(ReplicaEndpoint.GetBlocks.class);
    assertEquals(from, request.fromHeight());
    assertEquals("never past the follower's head", to - from + 1, request.maxBlocks());
    request.replyTo().tell(new ReplicaEndpoint.Blocks(CONSORTIUM.regulator.did, from,
        List.copyOf(chain.subList((int) from, (int) to + 1)), to, to));
  }

  private LedgerFollower.Followed followed(List<Block> blocks, long head) {
    return new LedgerFollower.Followed(List.copyOf(blocks), chain.get((int) head).header(),
        CONSORTIUM.genesisState);
  }

  /**
   * The activity once the index reached the chain's head: the replica's answer reaches the index through the
   * ask's own actor, so a query sent right after it may overtake it.
   */
  private ObserverIndex.Activity activity(ActorRef<ObserverIndex.Command> index) {
    TestProbe<ObserverIndex.Activity> probe = TEST_KIT.createTestProbe();
    return probe.awaitAssert(() -> {
      index.tell(new ObserverIndex.GetActivity(probe.ref()));
      ObserverIndex.Activity activity = probe.receiveMessage();
      assertEquals(chain.size() - 1, activity.indexedHeight());
      return activity;
    });
  }

  private ObserverIndex.Reports reports(ActorRef<ObserverIndex.Command> index) {
    TestProbe<ObserverIndex.Reports> probe = TEST_KIT.createTestProbe();
    index.tell(new ObserverIndex.GetReports(probe.ref()));
    return probe.receiveMessage();
  }

  /** A block of {@code entry} after the chain's last, 1 s later; signed, though nothing here checks it. */
  private void append(Entry entry) {
    BlockHeader previous = chain.get(chain.size() - 1).header();
    BlockHeader header = BlockHeader.sign(previous.height() + 1, 1, previous.hash(),
        Block.merkleRootOf(List.of(entry)), previous.stateRoot(), T0_MS + chain.size() * 1_000L, 1,
        CONSORTIUM.regulator.did, CONSORTIUM.regulator.signer);
    chain.add(Block.of(header, List.of(entry)));
  }

  private static Entry open(String inquiryId, TestConsortium.Member asker) {
    OpenInquiry open = new OpenInquiry(inquiryId, List.of(new byte[OpenInquiry.PSEUDONYM_BYTES]), new byte[] {1},
        List.of(bytes("consent")), List.of(asker.did), T0_MS + 600_000, 1, 1);
    return asker.entry(CreditContract.NAME, CreditContract.OPEN, CreditContract.openPayload(open), 1);
  }

  private static Entry report(String inquiryId, TestConsortium.Member asker, String ciphertext) {
    return asker.entry(CreditContract.NAME, CreditContract.REPORT,
        CreditContract.reportPayload(new InquiryReport(inquiryId, bytes(ciphertext))), 2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
