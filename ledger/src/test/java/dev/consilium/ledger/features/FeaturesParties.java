package dev.consilium.ledger.features;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The test consortium (a regulator and banks A, B, C) with three compute members X, Y and Z admitted by the
 * regulator through the membership contract, as a consortium admits them after genesis; plus an outsider.
 * Bank A owns the tests' tasks, B and C hold data.
 */
final class FeaturesParties {
  static final SecureRandom RANDOM = new SecureRandom();

  final TestConsortium consortium = new TestConsortium(RANDOM);
  final Member owner = consortium.bankA;
  final Member holderB = consortium.bankB;
  final Member holderC = consortium.bankC;
  final Member regulator = consortium.regulator;
  final Member computeX = member("compute");
  final Member computeY = member("compute");
  final Member computeZ = member("compute");
  final Member outsider = TestConsortium.outsider(RANDOM);
  /** The membership after the regulator admitted X, Y and Z. */
  final MembershipState membership;

  FeaturesParties() {
    MembershipState state = consortium.genesisState.membership();
    long nonce = 1;
    for (Member compute : List.of(computeX, computeY, computeZ)) {
      state = membershipStep(state, admit(compute, nonce++), nonce);
    }
    membership = state;
  }

  /** The admit entry by which the regulator admits {@code member}. */
  Entry admit(Member member, long nonce) {
    return regulator.entry(MembershipContract.NAME, MembershipContract.ADMIT,
        MembershipContract.documentPayload(member.document), nonce);
  }

  Entry revoke(Member member, long nonce) {
    return regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(member.did), nonce);
  }

  /** The compute nodes X, Y, Z in DID order, as a task lists them. */
  List<Did> computeNodes() {
    return sorted(computeX, computeY, computeZ);
  }

  static List<Did> sorted(Member... members) {
    return Stream.of(members).map(m -> m.did).sorted().toList();
  }

  static MembershipState membershipStep(MembershipState state, Entry entry, long height) {
    MembershipContract contract = new MembershipContract();
    ExecutionContext context = new ExecutionContext(height, TestConsortium.GENESIS_TIME_MS + height, state);
    try {
      contract.validate(state, entry, context);
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("the test's membership step must be valid: " + e.getMessage(), e);
    }
    return contract.apply(state, entry, context);
  }

  static Member member(String... roles) {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    return Member.of(key, MemberDocument.of(key.publicKey(), X25519PrivateKey.generate(RANDOM).publicKey(),
        Set.of(roles), List.of("127.0.0.1:0"), ""));
  }
}
