package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.testing.DirectoryCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PSI members on a {@link DirectoryCluster}: each node runs a real {@link PsiMember} whose policy answers
 * from a table the test fills per session (no entry: refused), and the test reads each member's results
 * from probes.
 */
final class PsiTestMembers {
  /** One member: its node, its PSI actor, and the answers its policy gives, by session id. */
  record Member(DirectoryCluster.Node node, ActorRef<PsiMember.Command> psi, Map<String, PsiAnswer> answers,
      Map<String, CompletableFuture<PsiInvitation>> asked) {
    Did did() {
      return node.member().did;
    }

    /** This member will take part in {@code sessionId} with {@code ids}; its result goes to the returned probe. */
    TestProbe<PsiResult> joins(String sessionId, List<String> ids) {
      TestProbe<PsiResult> results = node.testKit().createTestProbe();
      answers.put(sessionId, PsiAnswer.join(ids, results.getRef()));
      return results;
    }

    void refuses(String sessionId, String reason) {
      answers.put(sessionId, PsiAnswer.refuse(reason));
    }

    /** Completes when this member's policy is asked about {@code sessionId}. */
    CompletableFuture<PsiInvitation> askedAbout(String sessionId) {
      return asked.computeIfAbsent(sessionId, id -> new CompletableFuture<>());
    }

    /** Leads {@code sessionId}; the result goes to the returned probe. */
    TestProbe<PsiResult> leads(String sessionId, List<Did> parties, List<Did> designated, List<String> ids) {
      TestProbe<PsiResult> results = node.testKit().createTestProbe();
      psi.tell(new PsiMember.Start(sessionId, parties, java.util.Set.copyOf(designated), "task-" + sessionId, ids,
          results.getRef()));
      return results;
    }
  }

  /** Three banks of {@code consortium}, each a PSI member on one cluster; closing stops the cluster. */
  record ThreeBanks(DirectoryCluster cluster, Member a, Member b, Member c) implements AutoCloseable {
    static ThreeBanks start(TestConsortium consortium, PsiSettings settings) {
      DirectoryCluster cluster = new DirectoryCluster();
      return new ThreeBanks(cluster, PsiTestMembers.start(cluster.start(consortium.bankA, consortium), settings),
          PsiTestMembers.start(cluster.start(consortium.bankB, consortium), settings),
          PsiTestMembers.start(cluster.start(consortium.bankC, consortium), settings));
    }

    @Override
    public void close() {
      cluster.close();
    }
  }

  private PsiTestMembers() {}

  /** Starts a PSI member on {@code node}. */
  static Member start(DirectoryCluster.Node node, PsiSettings settings) {
    Map<String, PsiAnswer> answers = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<PsiInvitation>> asked = new ConcurrentHashMap<>();
    PsiPolicy policy = invitation -> {
      asked.computeIfAbsent(invitation.sessionId(), id -> new CompletableFuture<>()).complete(invitation);
      PsiAnswer answer = answers.getOrDefault(invitation.sessionId(), PsiAnswer.refuse("no such session here"));
      return CompletableFuture.completedFuture(answer);
    };
    ActorRef<PsiMember.Command> psi = node.testKit().spawn(
        PsiMember.create(settings, node.member().did, node.membership(), node.directory(), policy), "psi");
    return new Member(node, psi, answers, asked);
  }

  /** {@code count} distinct random ids with {@code prefix}, some with characters outside ASCII. */
  static List<String> randomIds(Random random, String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String suffix = Long.toHexString(random.nextLong());
      ids.add(i % 7 == 0 ? prefix + "-ü€-" + i + "-" + suffix : prefix + "-" + i + "-" + suffix);
    }
    return ids;
  }

  /** Waits until {@code observer}'s directory knows where {@code node} is, so that it can report its loss. */
  static void awaitAddressKnown(DirectoryCluster.Node observer, DirectoryCluster.Node node, Duration timeout) {
    TestProbe<Directory.MemberAt> at = observer.testKit().createTestProbe();
    at.awaitAssert(timeout, () -> {
      observer.directory().tell(new Directory.WhoIsAt(node.address(), at.getRef()));
      assertEquals(Optional.of(node.member().did), at.receiveMessage(timeout).did());
      return null;
    });
  }
}
