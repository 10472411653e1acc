package dev.consilium.runtime.admission;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.LoggingTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.runtime.ledger.MembershipView;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Test;

public class AdmissionTest {
  private static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString(
      "akka.actor.testkit.typed.expect-no-message-default = 200ms").withFallback(ConfigFactory.load()));
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TestConsortium CONSORTIUM = new TestConsortium(RANDOM);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  sealed interface Message {}

  record Hello(Did from, int n) implements Message, FromMember {}

  record Local(String text) implements Message {}

  @AfterClass
  public static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  public void admitted_messageFromAdmittedMember_delivered() {
    Fixture f = new Fixture();
    f.protocol.tell(new Hello(CONSORTIUM.bankA.did, 1));
    f.protocol.tell(new Local("timer"));
    f.seen.expectMessage(TIMEOUT, new Hello(CONSORTIUM.bankA.did, 1));
    f.seen.expectMessage(TIMEOUT, new Local("timer"));
  }

  @Test
  public void admitted_messagesFromOutsider_droppedAndLoggedOnce() {
    Fixture f = new Fixture();
    Did outsider = TestConsortium.outsider(RANDOM).did;
    LoggingTestKit.warn("Ignoring messages from " + outsider + ": not a member").withOccurrences(1)
        .withCheckExcess(true).expect(testKit.system(), () -> {
          for (int i = 0; i < 5; i++) {
            f.protocol.tell(new Hello(outsider, i));
          }
          f.barrier();
          return null;
        });
  }

  @Test
  public void admitted_afterRevocationPublished_droppedAndLoggedOnce() throws Exception {
    Fixture f = new Fixture();
    Member bankB = CONSORTIUM.bankB;
    f.protocol.tell(new Hello(bankB.did, 1));
    f.seen.expectMessage(TIMEOUT, new Hello(bankB.did, 1));

    Entry revoke = CONSORTIUM.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(bankB.did), 2);
    f.membership.publish(CONSORTIUM.seal(CONSORTIUM.genesis.header(), CONSORTIUM.genesisState, List.of(revoke),
        CONSORTIUM.regulator).state().membership());

    LoggingTestKit.warn("Ignoring messages from " + bankB.did + ": revoked").withOccurrences(1)
        .withCheckExcess(true).expect(testKit.system(), () -> {
          f.protocol.tell(new Hello(bankB.did, 2));
          f.protocol.tell(new Hello(bankB.did, 3));
          f.barrier();
          return null;
        });
  }

  @Test
  public void admitted_messageWithoutSender_dropped() {
    Fixture f = new Fixture();
    f.protocol.tell(new Hello(null, 1));
    f.barrier();
  }

  /** A protocol actor that passes on whatever reaches it, behind admission, with its own membership view. */
  private static final class Fixture {
    final MembershipView membership = new MembershipView(CONSORTIUM.genesisState.membership());
    final TestProbe<Message> seen = testKit.createTestProbe();
    final ActorRef<Message> protocol = testKit.spawn(
        Admission.admitted(membership, Message.class, forwardTo(seen.getRef())));

    /** A message from an admitted member sent after the others: once it arrives, none of them got through. */
    void barrier() {
      Hello last = new Hello(CONSORTIUM.bankC.did, -1);
      protocol.tell(last);
      seen.expectMessage(TIMEOUT, last);
    }

    private static Behavior<Message> forwardTo(ActorRef<Message> probe) {
      return Behaviors.receive((context, message) -> {
        probe.tell(message);
        return Behaviors.same();
      });
    }
  }
}
