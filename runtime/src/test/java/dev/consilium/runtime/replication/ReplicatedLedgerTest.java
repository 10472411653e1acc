package dev.consilium.runtime.replication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.testing.LedgerChecks;
import dev.consilium.runtime.testing.TestCluster;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
  public void entriesFromAllMembers_reachEveryReplica_atOneHeadAndStateRoot() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of()).startAll();
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
