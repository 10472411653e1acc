package dev.consilium.ledger.features;

import static org.junit.Assert.assertThrows;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drives the features contract entry by entry at chosen block timestamps, as a replica does: validate, then
 * apply. Membership steps (a revocation mid-training) go through the membership contract. The block path itself
 * is covered by {@link FeaturesBlocksTest}.
 */
final class FeaturesLedger {
  static final long T0_MS = TestConsortium.GENESIS_TIME_MS + 1_000;
  static final int MAX_EPOCHS = 10;

  final FeaturesParties parties;
  final FeaturesContract contract;
  private MembershipState membership;
  private FeaturesState state;
  private long height = 10;
  private long regulatorNonce = 100;

  FeaturesLedger(FeaturesParties parties) {
    this(parties, new FeaturesContract());
  }

  FeaturesLedger(FeaturesParties parties, FeaturesContract contract) {
    this.parties = parties;
    this.contract = contract;
    this.membership = parties.membership;
    this.state = contract.initialState(parties.consortium.config);
  }

  FeaturesState state() {
    return state;
  }

  TrainingTask task(String id) {
    return state.task(id).orElseThrow();
  }

  void accept(Entry entry, long timestampMs) throws PreconditionFailedException {
    ExecutionContext context = new ExecutionContext(height++, timestampMs, membership);
    contract.validate(state, entry, context);
    state = contract.apply(state, entry, context);
  }

  /** The reason the contract gives for refusing {@code entry}; fails if it accepts it. */
  String refusal(Entry entry, long timestampMs) {
    ExecutionContext context = new ExecutionContext(height, timestampMs, membership);
    return assertThrows(PreconditionFailedException.class, () -> contract.validate(state, entry, context))
        .getMessage();
  }

  /** The regulator revokes {@code member} through the membership contract. */
  void revoke(Member member) {
    membership = FeaturesParties.membershipStep(membership, parties.revoke(member, regulatorNonce++), height++);
  }

  // ---- a registered task with rounds, the common start of many tests

  /** Task {@code id} registered by A, with holders B and C and compute nodes X, Y, Z. */
  static FeaturesLedger registered(FeaturesParties parties, String id) throws PreconditionFailedException {
    FeaturesLedger ledger = new FeaturesLedger(parties);
    ledger.accept(ledger.registerEntry(ledger.featureTask(id, 2)), T0_MS);
    return ledger;
  }

  /** The same, with rounds 1 to {@code rounds} committed by every compute node. */
  static FeaturesLedger withRounds(FeaturesParties parties, String id, int rounds) throws PreconditionFailedException {
    FeaturesLedger ledger = registered(parties, id);
    for (int round = 1; round <= rounds; round++) {
      ledger.accept(ledger.commitEntry(ledger.round(id, round, parties.computeNodes())), T0_MS + round);
    }
    return ledger;
  }

  // ---- payloads

  /** Bank A's task: holders B (5 features) and C (3), owner width 2, compute nodes X, Y, Z, logistic. */
  FeatureTask featureTask(String id, int minComputeNodes) {
    return new FeatureTask(id, holders(), 2, parties.computeNodes(), minComputeNodes, TopModel.logistic(),
        hyperParameters(MAX_EPOCHS));
  }

  List<DataHolder> holders() {
    List<DataHolder> holders = new ArrayList<>(List.of(new DataHolder(parties.holderB.did, 5),
        new DataHolder(parties.holderC.did, 3)));
    holders.sort((a, b) -> a.did().compareTo(b.did()));
    return holders;
  }

  static HyperParameters hyperParameters(int maxEpochs) {
    return new HyperParameters(0.05, 256, maxEpochs, Math.min(3, maxEpochs), 16, 42L, 100, 100, 60_000);
  }

  /** Round {@code round} of task {@code id}, with a digest from the owner, both holders and {@code active}. */
  RoundCommitment round(String id, int round, List<Did> active) {
    return new RoundCommitment(id, round, 30_000, active, digests(id, round, active), 700_000 + round);
  }

  /** The digests of the owner and both holders (with a model digest) and of {@code active} (without). */
  List<PartyDigest> digests(String id, int round, List<Did> active) {
    Map<Did, PartyDigest> byParty = new TreeMap<>();
    for (Did party : List.of(parties.owner.did, parties.holderB.did, parties.holderC.did)) {
      byParty.put(party, PartyDigest.withModel(party, sent(id, round, party), model(id, round, party)));
    }
    for (Did node : active) {
      byParty.put(node, PartyDigest.withoutModel(node, sent(id, round, node)));
    }
    return new ArrayList<>(byParty.values());
  }

  /** What the roles side registers for round {@code round}: the model hash of the digests it collected. */
  ModelRegistration model(String id, int round, int epochsTrained) {
    Map<Did, Sha256Hash> models = new TreeMap<>();
    for (Did party : List.of(parties.owner.did, parties.holderB.did, parties.holderC.did)) {
      models.put(party, model(id, round, party));
    }
    return new ModelRegistration(id, round, ModelHash.of(models), epochsTrained, 710_000, 705_000, 400_000);
  }

  static Sha256Hash sent(String id, int round, Did party) {
    return hashOf("sent", id, round, party);
  }

  static Sha256Hash model(String id, int round, Did party) {
    return hashOf("model", id, round, party);
  }

  static TaskEnd end(String id, TaskOutcome outcome, Did lostParty) {
    return new TaskEnd(id, outcome, outcome == TaskOutcome.COMPLETED ? "" : "because the test says so",
        java.util.Optional.ofNullable(lostParty));
  }

  // ---- entries

  Entry registerEntry(FeatureTask task) {
    return registerEntry(parties.owner, task);
  }

  static Entry registerEntry(Member owner, FeatureTask task) {
    return owner.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_TASK,
        FeaturesContract.registerTaskPayload(task), 1);
  }

  Entry commitEntry(RoundCommitment commitment) {
    return commitEntry(parties.owner, commitment);
  }

  static Entry commitEntry(Member submitter, RoundCommitment commitment) {
    return submitter.entry(FeaturesContract.NAME, FeaturesContract.COMMIT_ROUND,
        FeaturesContract.commitRoundPayload(commitment), 1);
  }

  Entry modelEntry(ModelRegistration model) {
    return modelEntry(parties.owner, model);
  }

  static Entry modelEntry(Member submitter, ModelRegistration model) {
    return submitter.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_MODEL,
        FeaturesContract.registerModelPayload(model), 1);
  }

  static Entry endEntry(Member submitter, TaskEnd end) {
    return submitter.entry(FeaturesContract.NAME, FeaturesContract.END_TASK, FeaturesContract.endTaskPayload(end), 1);
  }

  private static Sha256Hash hashOf(String what, String id, int round, Did party) {
    return Sha256.digest((what + "/" + id + "/" + round + "/" + party).getBytes(StandardCharsets.UTF_8));
  }
}
