package dev.consilium.runtime.replication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.testing.LedgerChecks;
import dev.consilium.runtime.testing.TestCluster;
import dev.consilium.runtime.testing.TlsConsortium;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReplicatedLedgerTest {
  @Rule public final TemporaryFolder folder = new TemporaryFolder();
  private final TestConsortium consortium = new TestConsortium(new SecureRandom());
  private TestCluster cluster;

  @After
  public void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  public void entriesFromAllMembers_overMutualTls_reachEveryReplica_atOneHeadAndStateRoot() throws Exception {
    TlsConsortium tls = TlsConsortium.issue(folder.newFolder("identities").toPath());
    cluster = TestCluster.of(tls.consortium, folder.newFolder(), Map.of())
        .withTransport(spec -> tls.transport(spec.name()))
        .startAll();
    assertEquals("tls-tcp", cluster.node("bank-a").system().settings().config()
        .getString("akka.remote.artery.transport"));
    List<Receipt> receipts = submitFromAll(cluster, cluster.names(), 1_000);
    assertEquals(1_000, receipts.size());
    Set<String> entryHashes = new HashSet<>();
    long highest = 0;
    for (Receipt receipt : receipts) {
      entryHashes.add(receipt.entryHash().toHex());
      highest = Math.max(highest, receipt.height());
    }
    assertEquals("every receipt is for a distinct entry", 1_000, entryHashes.size());
    LedgerChecks.awaitAgreement(cluster, highest, Duration.ofSeconds(30));
  }

  @Test
  public void stoppedReplica_catchesUpOnRestart_toTheSameHead() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of()).startAll();
    submitFromAll(cluster, cluster.names(), 100);
    LedgerChecks.awaitAgreement(cluster, 1, Duration.ofSeconds(30));
    long before = LedgerChecks.head(cluster.node("bank-c")).height();
    cluster.stop("bank-c");

    List<Receipt> receipts = submitFromAll(cluster, List.of("regulator", "bank-a", "bank-b"), 300);
    long highest = receipts.stream().mapToLong(Receipt::height).max().orElseThrow();
    assertTrue("300 entries commit without bank-c", highest > before);

    cluster.start("bank-c");
    cluster.awaitUp(4);
    ReplicaEndpoint.Head head = LedgerChecks.awaitAgreement(cluster, highest, Duration.ofSeconds(30));
    assertEquals(head.hash(), LedgerChecks.head(cluster.node("bank-c")).hash());
  }

  @Test
  public void sequencerStopped_anotherTakesOverInALaterEpoch_withoutLosingOrRepeatingEntries() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of()).startAll();
    submitFromAll(cluster, cluster.names(), 50);
    ReplicaEndpoint.Head before = LedgerChecks.awaitAgreement(cluster, 1, Duration.ofSeconds(30));
    // The singleton runs on the oldest validator: the regulator, which started first.
    List<String> banks = List.of("bank-a", "bank-b", "bank-c");
    List<CompletableFuture<Receipt>> during = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      if (round == 5) {
        cluster.stop("regulator");
      }
      for (String bank : banks) {
        TestCluster.Node node = cluster.node(bank);
        during.add(node.ledger().submitter().submit(MembershipContract.NAME, MembershipContract.UPDATE,
            MembershipContract.documentPayload(node.spec().member().document)).toCompletableFuture());
      }
      TestCluster.sleep(50);
    }
    long failoverStart = System.nanoTime();
    List<Receipt> receipts = new ArrayList<>();
    int refused = 0;
    for (CompletableFuture<Receipt> future : during) {
      try {
        receipts.add(future.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        assertTrue("a failed submission says whether to retry: " + e.getCause(),
            e.getCause() instanceof SubmissionException);
        refused++;
      }
    }
    assertTrue("entries submitted after the hand-over commit", receipts.size() > during.size() / 2);
    long highest = receipts.stream().mapToLong(Receipt::height).max().orElseThrow();
    ReplicaEndpoint.Head after = LedgerChecks.awaitAgreement(cluster, highest, Duration.ofSeconds(30));
    assertTrue("the new sequencer's epoch " + after.epoch() + " is above " + before.epoch(),
        after.epoch() > before.epoch());

    Map<String, Long> heightByEntry = new HashMap<>();
    for (Block block : LedgerChecks.blocks(cluster.node("bank-a"), after.height())) {
      for (Entry entry : block.entries()) {
        Long previous = heightByEntry.put(entry.hash().toHex(), block.height());
        assertEquals("entry " + entry.hash().toHex() + " applied twice", null, previous);
      }
    }
    for (Receipt receipt : receipts) {
      assertEquals("a receipted entry is in its block", Long.valueOf(receipt.height()),
          heightByEntry.get(receipt.entryHash().toHex()));
    }
    System.out.printf("failover: %d receipts, %d refusals, epoch %d -> %d, %.1f s to settle%n", receipts.size(),
        refused, before.epoch(), after.epoch(), (System.nanoTime() - failoverStart) / 1e9);
  }

  @Test
  public void entryFromRevokedMember_isRefusedWithItsReason() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of()).startAll();
    TestCluster.Node regulator = cluster.node("regulator");
    LedgerChecks.await(regulator.ledger().submitter().submit(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(consortium.bankC.did)));
    TestCluster.Node bankC = cluster.node("bank-c");
    CompletableFuture<Receipt> refused = bankC.ledger().submitter().submit(MembershipContract.NAME,
        MembershipContract.UPDATE, MembershipContract.documentPayload(consortium.bankC.document)).toCompletableFuture();
    ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage(), e.getCause().getMessage().contains("was revoked"));
    assertFalse(((SubmissionException) e.getCause()).retryable());
  }

  @Test
  public void blockLargerThanArterysOrdinaryFrame_isReplicatedOnTheLargeMessageChannel() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of(
        "consilium.ledger.block.max-entries", 3_000, "consilium.ledger.block.max-delay", "2s")).startAll();
    List<Receipt> receipts = submitFromAll(cluster, cluster.names(), 2_400);
    long highest = receipts.stream().mapToLong(Receipt::height).max().orElseThrow();
    LedgerChecks.awaitAgreement(cluster, highest, Duration.ofSeconds(30));
    long ordinaryFrameBytes = cluster.node("bank-a").system().settings().config()
        .getBytes("akka.remote.artery.advanced.maximum-frame-size");
    long largest = LedgerChecks.blocks(cluster.node("bank-c"), highest).stream()
        .mapToLong(block -> block.toCanonicalBytes().length).max().orElseThrow();
    assertTrue("a block of " + largest + " bytes exceeds the ordinary frame of " + ordinaryFrameBytes,
        largest > ordinaryFrameBytes);
  }

  /** Submits {@code total} harmless entries spread over the named members, all at once; returns the receipts. */
  static List<Receipt> submitFromAll(TestCluster cluster, List<String> names, int total) {
    List<CompletableFuture<Receipt>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      TestCluster.Node node = cluster.node(names.get(i % names.size()));
      TestConsortium.Member member = node.spec().member();
      pending.add(node.ledger().submitter().submit(MembershipContract.NAME, MembershipContract.UPDATE,
          MembershipContract.documentPayload(member.document)).toCompletableFuture());
    }
    List<Receipt> receipts = new ArrayList<>();
    for (CompletableFuture<Receipt> future : pending) {
      receipts.add(LedgerChecks.await(future));
    }
    assertTrue(receipts.size() == total);
    return receipts;
  }
}
