package dev.consilium.runtime.discovery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.ledger.MembershipView;
import dev.consilium.runtime.testing.DirectoryCluster;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Three members in three ActorSystems: lookups by DID and role, addresses, revocations, a node that leaves. */
public class DirectoryTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ProtocolKey<String> ECHO = new ProtocolKey<>("echo", String.class);
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());

  private static DirectoryCluster cluster;
  private static DirectoryCluster.Node regulator;
  private static DirectoryCluster.Node bankA;
  private static DirectoryCluster.Node bankB;
  private static TestProbe<String> echoA;

  @BeforeClass
  public static void startCluster() {
    cluster = new DirectoryCluster();
    regulator = cluster.start(CONSORTIUM.regulator, CONSORTIUM);
    bankA = cluster.start(CONSORTIUM.bankA, CONSORTIUM);
    bankB = cluster.start(CONSORTIUM.bankB, CONSORTIUM);
    echoA = register(bankA);
    register(bankB);
    register(regulator);
  }

  @AfterClass
  public static void stopCluster() {
    cluster.close();
  }

  @Test
  public void lookup_byDid_findsThatMembersActor() {
    ActorRef<String> found = awaitFound(regulator, bankA.member().did);
    assertEquals(bankA.address(), found.path().address());
    found.tell("hello");
    echoA.expectMessage(TIMEOUT, "hello");
  }

  @Test
  public void lookupRole_institution_findsEveryBankAndNotTheRegulator() {
    TestProbe<Directory.Found<String>> probe = regulator.testKit().createTestProbe();
    probe.awaitAssert(TIMEOUT, () -> {
      regulator.directory().tell(new Directory.LookupRole<>(ECHO, "institution", probe.getRef()));
      Directory.Found<String> found = probe.receiveMessage(TIMEOUT);
      assertEquals(Set.of(bankA.member().did, bankB.member().did), found.actors().keySet());
      assertEquals(bankB.address(), found.anyOf(bankB.member().did).orElseThrow().path().address());
      return null;
    });
  }

  @Test
  public void whoIsAt_memberAddresses_nameTheirDids() {
    TestProbe<Directory.MemberAt> probe = bankA.testKit().createTestProbe();
    probe.awaitAssert(TIMEOUT, () -> {
      for (DirectoryCluster.Node node : List.of(regulator, bankA, bankB)) {
        bankA.directory().tell(new Directory.WhoIsAt(node.address(), probe.getRef()));
        assertEquals(Optional.of(node.member().did), probe.receiveMessage(TIMEOUT).did());
      }
      return null;
    });
    bankA.directory().tell(new Directory.WhoIsAt(new Address("akka", "consilium", "127.0.0.1", 1), probe.getRef()));
    assertEquals(Optional.empty(), probe.receiveMessage(TIMEOUT).did());
  }

  @Test
  public void revokedMember_notFoundAndReportedLost() throws Exception {
    // A directory with a membership view of its own, so the revocation touches no other test.
    MembershipView view = new MembershipView(CONSORTIUM.genesisState.membership());
    ActorRef<Directory.Command> directory = regulator.testKit().spawn(
        Directory.create(new DirectorySettings(2_000, 8), CONSORTIUM.regulator.did, view));
    TestProbe<Directory.MemberLost> lost = regulator.testKit().createTestProbe();
    directory.tell(new Directory.SubscribeLost(lost.getRef()));
    Did revoked = bankB.member().did;
    awaitFound(directory, regulator, revoked);

    Entry revoke = CONSORTIUM.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(revoked), 2);
    view.publish(CONSORTIUM.seal(CONSORTIUM.genesis.header(), CONSORTIUM.genesisState, List.of(revoke),
        CONSORTIUM.regulator).state().membership());

    assertEquals(new Directory.MemberLost(revoked, Directory.Loss.REVOKED), lost.receiveMessage(TIMEOUT));
    TestProbe<Directory.Found<String>> probe = regulator.testKit().createTestProbe();
    directory.tell(new Directory.Lookup<>(ECHO, revoked, probe.getRef()));
    assertTrue(probe.receiveMessage(TIMEOUT).actors().isEmpty());
  }

  @Test
  public void memberLeaves_subscribersToldOnce() {
    DirectoryCluster.Node bankC = cluster.start(CONSORTIUM.bankC, CONSORTIUM);
    TestProbe<Directory.MemberLost> lost = regulator.testKit().createTestProbe();
    regulator.directory().tell(new Directory.SubscribeLost(lost.getRef()));
    TestProbe<Directory.MemberAt> at = regulator.testKit().createTestProbe();
    at.awaitAssert(TIMEOUT, () -> {
      regulator.directory().tell(new Directory.WhoIsAt(bankC.address(), at.getRef()));
      assertEquals(Optional.of(bankC.member().did), at.receiveMessage(TIMEOUT).did());
      return null;
    });

    cluster.stop(bankC);

    Directory.MemberLost first = lost.receiveMessage(TIMEOUT);
    assertEquals(bankC.member().did, first.did());
    // Leaving, exiting and removal all follow; the subscriber hears of the member once.
    lost.expectNoMessage(Duration.ofSeconds(1));
  }

  private static TestProbe<String> register(DirectoryCluster.Node node) {
    TestProbe<String> echo = node.testKit().createTestProbe();
    node.directory().tell(new Directory.Register<>(ECHO, echo.getRef()));
    return echo;
  }

  private static ActorRef<String> awaitFound(DirectoryCluster.Node from, Did did) {
    return awaitFound(from.directory(), from, did);
  }

  private static ActorRef<String> awaitFound(ActorRef<Directory.Command> directory, DirectoryCluster.Node from, Did did) {
    TestProbe<Directory.Found<String>> probe = from.testKit().createTestProbe();
    return probe.awaitAssert(TIMEOUT, () -> {
      directory.tell(new Directory.Lookup<>(ECHO, did, probe.getRef()));
      return probe.receiveMessage(TIMEOUT).anyOf(did).orElseThrow(() -> new AssertionError(did + " not found yet"));
    });
  }
}
