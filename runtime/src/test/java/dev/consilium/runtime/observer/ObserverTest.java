package dev.consilium.runtime.observer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.CreditDecision;
import dev.consilium.ledger.credit.CustomerDecision;
import dev.consilium.ledger.credit.EncryptedShare;
import dev.consilium.ledger.credit.InquiryReport;
import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import dev.consilium.runtime.node.LoopbackMember;
import dev.consilium.runtime.testing.LedgerChecks;
import dev.consilium.runtime.testing.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
        "127.0.0.1", port, Optional.empty()));
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

  /**
   * Three inquiries through the cluster: bank A's driven to DECIDED (its report opens), bank B's to REPORTED
   * (its report does not open), bank C's left OPEN. The observer starts through the node after A's and B's
   * were opened, so the index must read those blocks from the replica and the rest as the follower checks them.
   */
  @Test
  public void creditEndpoints_answerFromCommittedEntries_andWritesAreRefused() throws Exception {
    int port = LoopbackMember.freePort();
    cluster = TestCluster.of(consortium, folder.newFolder(), Map.of("consilium.observer.port", port)).startAll();
    SecureRandom random = new SecureRandom();
    // Each asker asks under a key of its own, registered first: a key belongs to one bank.
    PaillierPublicKey keyA = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, random).publicKey();
    PaillierPublicKey keyB = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, random).publicKey();
    PaillierPublicKey keyC = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, random).publicKey();
    byte[] pseudonymA = randomBytes(random);
    byte[] pseudonymB = randomBytes(random);
    byte[] openedReport = "sealed to the regulator".getBytes(StandardCharsets.UTF_8);
    byte[] otherReport = "sealed to someone else".getBytes(StandardCharsets.UTF_8);
    ReportOpener opener = (inquiryId, sealed) -> inquiryId.equals("inq-a") && Arrays.equals(sealed, openedReport)
        ? ReportTotal.opened(List.of(1_234_500L)) : ReportTotal.notOpened("not sealed to this regulator");
    long deadlineMs = System.currentTimeMillis() + 600_000;
    LedgerSubmitter bankA = cluster.node("bank-a").ledger().submitter();
    LedgerSubmitter bankB = cluster.node("bank-b").ledger().submitter();
    LedgerSubmitter bankC = cluster.node("bank-c").ledger().submitter();

    submit(bankA, CreditContract.REGISTER_KEY, CreditContract.registerKeyPayload(keyA.toBytes()));
    submit(bankB, CreditContract.REGISTER_KEY, CreditContract.registerKeyPayload(keyB.toBytes()));
    submit(bankC, CreditContract.REGISTER_KEY, CreditContract.registerKeyPayload(keyC.toBytes()));
    Receipt openA = submit(bankA, CreditContract.OPEN, CreditContract.openPayload(new OpenInquiry("inq-a",
        List.of(pseudonymA), keyA.toBytes(), List.of(consent()), sorted(consortium.bankA, consortium.bankB),
        deadlineMs, 2, 1)));
    submit(bankB, CreditContract.OPEN, CreditContract.openPayload(new OpenInquiry("inq-b", List.of(pseudonymB),
        keyB.toBytes(), List.of(consent()), sorted(consortium.bankC), deadlineMs, 1, 1)));
    TestCluster.Node regulator = cluster.node("regulator");
    assertFalse("a bank serves no observer", cluster.node("bank-a").member().startObserver(Optional.of(opener)));
    assertTrue("the regulator serves it", regulator.member().startObserver(Optional.of(opener)));

    PaillierEncrypter encrypterA = PaillierEncrypter.create(keyA);
    submit(bankA, CreditContract.CONTRIBUTE, share("inq-a", encrypterA, 100));
    submit(bankB, CreditContract.CONTRIBUTE, share("inq-a", encrypterA, 200));
    submit(bankC, CreditContract.CONTRIBUTE, share("inq-b", PaillierEncrypter.create(keyB), 300));
    Receipt reportA = submit(bankA, CreditContract.REPORT,
        CreditContract.reportPayload(new InquiryReport("inq-a", openedReport)));
    submit(bankB, CreditContract.REPORT, CreditContract.reportPayload(new InquiryReport("inq-b", otherReport)));
    submit(bankA, CreditContract.DECISION, CreditContract.decisionPayload(
        new CreditDecision("inq-a", List.of(new CustomerDecision(true, "within-limit")))));
    // A batch of three, found by its second customer's pseudonym.
    Receipt last = submit(bankC, CreditContract.OPEN, CreditContract.openPayload(new OpenInquiry("inq-c",
        List.of(randomBytes(random), pseudonymA, randomBytes(random)), keyC.toBytes(),
        List.of(consent(), consent(), consent()), sorted(consortium.bankA, consortium.bankC), deadlineMs, 1, 2)));
    // One more block, so that the last one is known committed on the regulator's replica.
    LedgerChecks.await(bankA.submit(MembershipContract.NAME, MembershipContract.UPDATE,
        MembershipContract.documentPayload(consortium.bankA.document)));
    String base = "http://127.0.0.1:" + port;
    awaitAudited(base, last.height());

    JsonNode found = get(base + "/inquiries?pseudonym=" + HexFormat.of().formatHex(pseudonymA), 200);
    assertEquals(found.toString(), 2, found.get("inquiries").size());
    JsonNode a = found.get("inquiries").get(0);
    assertEquals("inq-a", a.get("id").asText());
    assertEquals(consortium.bankA.did.toString(), a.get("asker").asText());
    assertEquals("DECIDED", a.get("status").asText());
    assertEquals(texts(sorted(consortium.bankA, consortium.bankB)), texts(a.get("participants")));
    assertEquals(texts(sorted(consortium.bankA, consortium.bankB)), texts(a.get("contributors")));
    assertEquals(List.of(), texts(a.get("correctors")));
    assertEquals(deadlineMs, a.get("deadlineMs").asLong());
    assertEquals(2, a.get("minContributors").asInt());
    assertEquals(openA.height(), a.get("openedAtHeight").asLong());
    assertEquals(1, a.get("customers").asInt());
    assertEquals(a.toString(), 1, a.get("decisions").size());
    assertTrue(a.toString(), a.get("decisions").get(0).get("approved").asBoolean());
    assertEquals("within-limit", a.get("decisions").get(0).get("reasonCode").asText());
    assertEquals("no amounts, no ciphertexts, no pseudonyms", Set.of("id", "asker", "status", "customers",
        "participants", "contributors", "correctors", "deadlineMs", "minContributors", "openedAtHeight",
        "decisions"),
        Set.copyOf(fieldNames(a)));
    JsonNode c = found.get("inquiries").get(1);
    assertEquals("inq-c", c.get("id").asText());
    assertEquals("OPEN", c.get("status").asText());
    assertEquals(3, c.get("customers").asInt());
    assertTrue("no decisions before DECIDED: " + c, c.get("decisions").isNull());

    JsonNode none = get(base + "/inquiries?pseudonym=" + HexFormat.of().formatHex(randomBytes(random)), 200);
    assertEquals(none.toString(), 0, none.get("inquiries").size());
    for (String bad : List.of("", "?pseudonym=", "?pseudonym=abc", "?pseudonym=" + "zz".repeat(32),
        "?pseudonym=" + HexFormat.of().formatHex(pseudonymA) + "00", "?other=" + "00".repeat(32))) {
      HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/inquiries" + bad)).GET());
      assertEquals(bad + ": " + refused.body(), 400, refused.statusCode());
      assertTrue(refused.body(), refused.body().contains("'pseudonym'"));
    }

    JsonNode activity = awaitIndexed(base + "/inquiries/activity", last.height());
    JsonNode byStatus = activity.get("byStatus");
    assertEquals(byStatus.toString(), 1, byStatus.get("OPEN").asInt());
    assertEquals(byStatus.toString(), 1, byStatus.get("REPORTED").asInt());
    assertEquals(byStatus.toString(), 1, byStatus.get("DECIDED").asInt());
    assertEquals(byStatus.toString(), 0, byStatus.get("CLOSED").asInt());
    assertEquals(ObserverIndex.BUCKET_MS, activity.get("bucketMs").asLong());
    assertEquals(ObserverIndex.WINDOW_BUCKETS, activity.get("bucketStartsMs").size());
    assertEquals(3, activity.get("inquiriesIndexed").asInt());
    JsonNode banks = activity.get("banks");
    assertEquals(activity.toString(), 3, banks.size());
    for (JsonNode bank : banks) {
      assertEquals(bank.toString(), 1, bank.get("openedTotal").asLong());
      int inWindow = 0;
      for (JsonNode n : bank.get("openedPerBucket")) {
        inWindow += n.asInt();
      }
      assertEquals("opened within the last 10 minutes of block time: " + bank, 1, inWindow);
    }
    assertEquals(Stream.of(consortium.bankA, consortium.bankB, consortium.bankC).map(m -> m.did.toString())
        .sorted().toList(), texts(banks, "asker"));

    JsonNode reports = awaitIndexed(base + "/reports", last.height());
    assertTrue(reports.get("decrypted").asBoolean());
    assertEquals(reports.toString(), 2, reports.get("reports").size());
    JsonNode filedA = reports.get("reports").get(0);
    assertEquals("inq-a", filedA.get("inquiryId").asText());
    assertEquals(consortium.bankA.did.toString(), filedA.get("asker").asText());
    assertEquals(reportA.height(), filedA.get("height").asLong());
    assertTrue(filedA.toString(), filedA.get("timestampMs").asLong() > TestConsortium.GENESIS_TIME_MS);
    assertEquals(Sha256.digest(openedReport).toHex(), filedA.get("ciphertextSha256").asText());
    assertTrue(filedA.get("opened").asBoolean());
    assertEquals(1_234_500, filedA.get("totalsCents").get(0).asLong());
    assertEquals(1, filedA.get("totalsCents").size());
    assertFalse(filedA.has("notOpenedReason"));
    JsonNode filedB = reports.get("reports").get(1);
    assertEquals("inq-b", filedB.get("inquiryId").asText());
    assertFalse(filedB.get("opened").asBoolean());
    assertFalse(filedB.has("totalsCents"));
    assertEquals("not sealed to this regulator", filedB.get("notOpenedReason").asText());

    for (String page : List.of("/", "/dashboard")) {
      HttpResponse<String> dashboard = send(HttpRequest.newBuilder(URI.create(base + page)).GET());
      assertEquals(page, 200, dashboard.statusCode());
      assertTrue(dashboard.headers().toString(), dashboard.headers().firstValue("Content-Type").orElse("")
          .startsWith("text/html"));
      assertTrue(page, dashboard.body().contains("fetchJson(\"inquiries/activity\")"));
      assertTrue(page, dashboard.body().contains("setTimeout(poll, POLL_MS)"));
      assertFalse("self-contained: " + page, dashboard.body().contains("<script src"));
    }

    for (String path : List.of("/", "/dashboard", "/inquiries?pseudonym=" + "00".repeat(32), "/inquiries/activity",
        "/reports", "/ledger/head", "/audit", "/no-such-path")) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(method + " " + path + " is refused", 405, write.statusCode());
      }
    }
  }

  private Receipt submit(LedgerSubmitter submitter, String action, byte[] payload) {
    return LedgerChecks.await(submitter.submit(CreditContract.NAME, action, payload));
  }

  private static byte[] share(String inquiryId, PaillierEncrypter encrypter, long value) {
    return CreditContract.sharePayload(new EncryptedShare(inquiryId,
        List.of(encrypter.encrypt(BigInteger.valueOf(value)).toBytes())));
  }

  private static byte[] consent() {
    return "consent signed by the customer".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(SecureRandom random) {
    byte[] bytes = new byte[OpenInquiry.PSEUDONYM_BYTES];
    random.nextBytes(bytes);
    return bytes;
  }

  private static List<Did> sorted(TestConsortium.Member... members) {
    return Stream.of(members).map(m -> m.did).sorted().toList();
  }

  private static List<String> texts(List<Did> dids) {
    return dids.stream().map(Did::toString).toList();
  }

  private static List<String> texts(JsonNode array) {
    return texts(array, null);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add((field == null ? node : node.get(field)).asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The answer of {@code url} once its index reached {@code height}: the index follows the follower. */
  private JsonNode awaitIndexed(String url, long height) throws Exception {
    Predicate<JsonNode> reached = answer -> answer.get("indexedHeight").asLong() >= height;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode answer = get(url, 200);
    while (!reached.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = get(url, 200);
    }
    assertTrue("the index reached height " + height + ": " + answer, reached.test(answer));
    return answer;
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
