package dev.consilium.runtime.observer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.node.LoopbackMember;
import dev.consilium.runtime.testing.LedgerChecks;
import dev.consilium.runtime.testing.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ObserverTest {
  @Rule public final TemporaryFolder folder = new TemporaryFolder();
  private final TestConsortium consortium = new TestConsortium(new SecureRandom());
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private TestCluster cluster;

  @After
  public void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  public void everyEndpoint_answersFromTheRegulatorsReplica_andWritesAreRefused() throws Exception {
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of()).startAll();
    TestCluster.Node regulator = cluster.node("regulator");
    Receipt receipt = LedgerChecks.await(cluster.node("bank-a").ledger().submitter().submit(MembershipContract.NAME,
        MembershipContract.UPDATE, MembershipContract.documentPayload(consortium.bankA.document)));
    // One more block, so that the first one is known committed on every replica.
    LedgerChecks.await(cluster.node("bank-b").ledger().submitter().submit(MembershipContract.NAME,
        MembershipContract.UPDATE, MembershipContract.documentPayload(consortium.bankB.document)));
    int port = LoopbackMember.freePort();
    LedgerChecks.await(ObserverServer.start(regulator.system(), regulator.ledger(), regulator.member().follower(),
        "127.0.0.1", port, java.util.Optional.empty()));
    String base = "http://127.0.0.1:" + port;

    JsonNode head = get(base + "/ledger/head", 200);
    assertTrue(head.toString(), head.get("height").asLong() >= receipt.height());

    JsonNode block = get(base + "/ledger/blocks/" + receipt.height(), 200);
    assertEquals(receipt.blockHash().toHex(), block.get("hash").asText());
    assertEquals(receipt.entryHash().toHex(), block.get("entries").get(receipt.index()).get("hash").asText());
    assertEquals(consortium.bankA.did.toString(), block.get("entries").get(receipt.index()).get("submitter").asText());

    assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/ledger/blocks/999999")).GET()).statusCode());

    JsonNode audit = awaitAudited(base, receipt.height());
    assertTrue(audit.toString(), audit.get("healthy").asBoolean());
    assertEquals(0, audit.get("alarms").size());

    HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "/ledger/head"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals("a write method is refused", 405, post.statusCode());
  }

  private JsonNode awaitAudited(String base, long height) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode audit = get(base + "/audit", 200);
    while (audit.get("verifiedHeight").asLong() < height && System.nanoTime() < deadline) {
      Thread.sleep(200);
      audit = get(base + "/audit", 200);
    }
    assertTrue("the auditor reached height " + height + ": " + audit, audit.get("verifiedHeight").asLong() >= height);
    return audit;
  }

  private JsonNode get(String url, int expectedStatus) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
    assertEquals(url + ": " + response.body(), expectedStatus, response.statusCode());
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
