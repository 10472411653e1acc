package dev.consilium.ledger.features;

import static dev.consilium.ledger.features.FeaturesLedger.T0_MS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Every refusal of the features contract, each with the reason it must name. */
public class FeaturesRefusalTest {
  private static final FeaturesParties P = new FeaturesParties();
  private static final Member A = P.owner;
  private static final Member B = P.holderB;
  private static final Member C = P.holderC;
  private static final Member X = P.computeX;
  private static final Member Y = P.computeY;
  private static final Member Z = P.computeZ;
  private static final Member REGULATOR = P.regulator;
  private static final Member OUTSIDER = P.outsider;

  // ---- any action

  @Test
  public void validate_unknownAction_refused() {
    Entry entry = A.entry(FeaturesContract.NAME, "train", new byte[0], 1);
    assertNames(new FeaturesLedger(P).refusal(entry, T0_MS), "features has no action 'train'",
        "register-task, commit-round, register-model, end-task");
  }

  @Test
  public void validate_truncatedPayloads_refusedNamingWhatTheyAreNot() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    byte[] truncated = {0, 0, 0, 3, 't'};
    assertNames(ledger.refusal(A.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_TASK, truncated, 1), T0_MS),
        "payload of register-task is not a feature task", "truncated");
    assertNames(ledger.refusal(A.entry(FeaturesContract.NAME, FeaturesContract.COMMIT_ROUND, truncated, 1), T0_MS),
        "payload of commit-round is not a round commitment");
    assertNames(ledger.refusal(A.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_MODEL, truncated, 1), T0_MS),
        "payload of register-model is not a model registration");
    assertNames(ledger.refusal(A.entry(FeaturesContract.NAME, FeaturesContract.END_TASK, truncated, 1), T0_MS),
        "payload of end-task is not a task end");
  }

  @Test
  public void validate_trailingBytes_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    byte[] payload = FeaturesContract.registerTaskPayload(ledger.featureTask("t-1", 2));
    byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 1);
    assertNames(ledger.refusal(A.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_TASK, longer, 1), T0_MS),
        "payload of register-task is not a feature task", "1 trailing bytes");
  }

  @Test
  public void everyStep_unknownTask_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-none", 1, P.computeNodes())), T0_MS),
        "no task t-none");
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-none", 1, 1)), T0_MS), "no task t-none");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-none", TaskOutcome.CANCELLED, null)),
        T0_MS), "no task t-none");
  }

  // ---- register-task

  @Test
  public void registerTask_submitterNotAnInstitution_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    for (Member submitter : List.of(REGULATOR, X, OUTSIDER)) {
      assertNames(ledger.refusal(FeaturesLedger.registerEntry(submitter, ledger.featureTask("t-1", 2)), T0_MS),
          "only an admitted institution may register a task; " + submitter.did + " is not one");
    }
  }

  @Test
  public void registerTask_ownerRevoked_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    ledger.revoke(A);
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-1", 2)), T0_MS),
        "only an admitted institution may register a task; " + A.did + " is not one");
  }

  @Test
  public void registerTask_duplicateId_refusedEvenAfterTheTaskEnded() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-1", 3)), T0_MS),
        "task t-1 already exists; task ids are never reused");
    ledger.accept(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.CANCELLED, null)), T0_MS + 1);
    assertNames(ledger.refusal(FeaturesLedger.registerEntry(B, new FeatureTask("t-1",
        List.of(new DataHolder(C.did, 1)), 1, P.computeNodes(), 2, TopModel.logistic(),
        FeaturesLedger.hyperParameters(5))), T0_MS + 2), "task t-1 already exists; task ids are never reused");
  }

  @Test
  public void registerTask_stateFull_refused() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P, new FeaturesContract(new FeaturesBounds(1, 1_000)));
    ledger.accept(ledger.registerEntry(ledger.featureTask("t-1", 2)), T0_MS);
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-2", 2)), T0_MS),
        "the features contract holds its maximum of 1 tasks");
  }

  @Test
  public void registerTask_roundsReservedFull_refusedUntilATaskEndsAndGivesBackWhatItDidNotUse() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P, new FeaturesContract(new FeaturesBounds(10, 15)));
    ledger.accept(ledger.registerEntry(ledger.featureTask("t-1", 2)), T0_MS);
    ledger.accept(ledger.commitEntry(ledger.round("t-1", 1, P.computeNodes())), T0_MS + 1);
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-2", 2)), T0_MS + 2),
        "task t-2 may train 10 rounds; the features contract holds or has reserved 10 of its maximum of 15 rounds");
    ledger.accept(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.CANCELLED, null)), T0_MS + 3);
    assertEquals(1, ledger.state().heldRounds());
    ledger.accept(ledger.registerEntry(ledger.featureTask("t-2", 2)), T0_MS + 4);
    assertEquals(11, ledger.state().heldRounds());
  }

  @Test
  public void registerTask_ownerAlsoAHolder_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    List<DataHolder> holders = new ArrayList<>(ledger.holders());
    holders.add(new DataHolder(A.did, 4));
    holders.sort((a, b) -> a.did().compareTo(b.did()));
    assertNames(ledger.refusal(ledger.registerEntry(task("t-1", holders, P.computeNodes(), 2)), T0_MS),
        "the owner " + A.did + " of task t-1 cannot also be one of its data holders");
  }

  @Test
  public void registerTask_ownerAlsoAComputeNode_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    assertNames(ledger.refusal(ledger.registerEntry(task("t-1", ledger.holders(), FeaturesParties.sorted(A, X), 2)),
        T0_MS), "the owner " + A.did + " of task t-1 cannot also be one of its compute nodes");
  }

  @Test
  public void registerTask_holderNotAnAdmittedInstitution_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    for (Member holder : List.of(OUTSIDER, REGULATOR)) {
      List<DataHolder> holders = sortedHolders(B, holder);
      assertNames(ledger.refusal(ledger.registerEntry(task("t-1", holders, P.computeNodes(), 2)), T0_MS),
          "data holder " + holder.did + " of task t-1 is not an admitted institution");
    }
    ledger.revoke(C);
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-1", 2)), T0_MS),
        "data holder " + C.did + " of task t-1 is not an admitted institution");
  }

  @Test
  public void registerTask_computeNodeNotAnAdmittedComputeMember_refused() {
    FeaturesLedger ledger = new FeaturesLedger(P);
    for (Member node : List.of(OUTSIDER, C, REGULATOR)) {
      List<Did> nodes = FeaturesParties.sorted(X, node);
      assertNames(ledger.refusal(ledger.registerEntry(task("t-1", sortedHolders(B), nodes, 2)), T0_MS),
          "compute node " + node.did + " of task t-1 is not an admitted member with role compute");
    }
    ledger.revoke(Y);
    assertNames(ledger.refusal(ledger.registerEntry(ledger.featureTask("t-1", 2)), T0_MS),
        "compute node " + Y.did + " of task t-1 is not an admitted member with role compute");
  }

  @Test
  public void registerTask_computeNodeAlsoAHolder_refused() {
    // Written field by field: FeatureTask's constructor refuses it too (FeaturesPayloadTest).
    CanonicalWriter writer = new CanonicalWriter().writeString("t-1");
    writer.writeList(sortedHolders(B, X), (w, h) -> h.writeTo(w)).writeI32(1);
    writer.writeList(FeaturesParties.sorted(X, Y), (w, d) -> d.writeTo(w)).writeI32(2);
    TopModel.logistic().writeTo(writer);
    FeaturesLedger.hyperParameters(10).writeTo(writer);
    Entry entry = A.entry(FeaturesContract.NAME, FeaturesContract.REGISTER_TASK, writer.toByteArray(), 1);
    assertNames(new FeaturesLedger(P).refusal(entry, T0_MS), "payload of register-task is not a feature task",
        "compute node " + X.did + " of task t-1 is also one of its data holders");
  }

  // ---- commit-round

  @Test
  public void commitRound_notTheOwner_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    for (Member submitter : List.of(B, X, REGULATOR)) {
      assertNames(ledger.refusal(FeaturesLedger.commitEntry(submitter, ledger.round("t-1", 1, P.computeNodes())),
          T0_MS), "only the owner " + A.did + " may commit rounds of task t-1, not " + submitter.did);
    }
  }

  @Test
  public void commitRound_skippingTheFirst_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 2, P.computeNodes())), T0_MS),
        "round 2 of task t-1 is not the next: no round is committed yet, so the next is 1");
  }

  @Test
  public void commitRound_repeatedOrSkipped_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 2, P.computeNodes())), T0_MS + 3),
        "round 2 of task t-1 is not the next: the last committed is 2, so the next is 3");
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 4, P.computeNodes())), T0_MS + 3),
        "round 4 of task t-1 is not the next: the last committed is 2, so the next is 3");
  }

  @Test
  public void commitRound_beyondMaxEpochs_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", FeaturesLedger.MAX_EPOCHS);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 11, P.computeNodes())), T0_MS + 20),
        "round 11 of task t-1 is beyond its max epochs of 10");
  }

  @Test
  public void commitRound_alignedRowsChanged_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 1);
    RoundCommitment round = ledger.round("t-1", 2, P.computeNodes());
    RoundCommitment changed = new RoundCommitment("t-1", 2, 29_999, round.activeComputeNodes(), round.partyDigests(),
        round.validationAucMicros());
    assertNames(ledger.refusal(ledger.commitEntry(changed), T0_MS + 2),
        "round 2 of task t-1 aligns 29999 rows, but round 1 aligned 30000; the intersection is the same in every"
            + " round");
  }

  @Test
  public void commitRound_activeNodeNotOfTheTask_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    List<Did> active = FeaturesParties.sorted(X, OUTSIDER);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 1, active)), T0_MS),
        "active compute node " + OUTSIDER.did + " of round 1 is not a compute node of task t-1");
  }

  @Test
  public void commitRound_activeBelowTheMinimum_refused() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P);
    ledger.accept(ledger.registerEntry(ledger.featureTask("t-1", 3)), T0_MS);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 1, FeaturesParties.sorted(X, Z))), T0_MS),
        "round 1 of task t-1 has 2 active compute nodes, below its minimum of 3");
  }

  @Test
  public void commitRound_missingDigest_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    for (Member missing : List.of(A, C, Y)) {
      List<PartyDigest> digests = new ArrayList<>(ledger.digests("t-1", 1, P.computeNodes()));
      digests.removeIf(d -> d.party().equals(missing.did));
      assertNames(ledger.refusal(ledger.commitEntry(commitment("t-1", 1, P.computeNodes(), digests)), T0_MS),
          "round 1 of task t-1 has no digest from " + missing.did + "; every party of the round commits one");
    }
  }

  @Test
  public void commitRound_digestFromAComputeNodeNotActive_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    List<Did> active = FeaturesParties.sorted(X, Y);
    List<PartyDigest> digests = ledger.digests("t-1", 1, P.computeNodes());
    assertNames(ledger.refusal(ledger.commitEntry(commitment("t-1", 1, active, digests)), T0_MS),
        "round 1 of task t-1 has a digest from " + Z.did + ", a compute node not active in the round");
  }

  @Test
  public void commitRound_digestFromANonParty_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    for (Member extra : List.of(REGULATOR, OUTSIDER)) {
      List<PartyDigest> digests = new ArrayList<>(ledger.digests("t-1", 1, P.computeNodes()));
      digests.add(PartyDigest.withModel(extra.did, digest(1), digest(2)));
      digests.sort((a, b) -> a.party().compareTo(b.party()));
      assertNames(ledger.refusal(ledger.commitEntry(commitment("t-1", 1, P.computeNodes(), digests)), T0_MS),
          "round 1 of task t-1 has a digest from " + extra.did + ", which is not a party of the task");
    }
  }

  @Test
  public void commitRound_duplicateDigest_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    List<PartyDigest> digests = new ArrayList<>(ledger.digests("t-1", 1, P.computeNodes()));
    digests.add(digests.indexOf(digests.stream().filter(d -> d.party().equals(B.did)).findFirst().orElseThrow()),
        PartyDigest.withModel(B.did, digest(3), digest(4)));
    Entry entry = A.entry(FeaturesContract.NAME, FeaturesContract.COMMIT_ROUND,
        rawCommitment("t-1", 1, 30_000, P.computeNodes(), digests, 1), 1);
    assertNames(ledger.refusal(entry, T0_MS), "payload of commit-round is not a round commitment",
        "the party digests of round 1 of task t-1 name " + B.did + " twice");
  }

  @Test
  public void commitRound_holderOrOwnerWithoutModelDigest_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    for (Member party : List.of(A, B)) {
      List<PartyDigest> digests = replaced(ledger.digests("t-1", 1, P.computeNodes()),
          PartyDigest.withoutModel(party.did, digest(5)));
      assertNames(ledger.refusal(ledger.commitEntry(commitment("t-1", 1, P.computeNodes(), digests)), T0_MS),
          "the digest of " + party.did + " lacks a model digest; the owner and every holder commit one");
    }
  }

  @Test
  public void commitRound_computeNodeWithModelDigest_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    List<PartyDigest> digests = replaced(ledger.digests("t-1", 1, P.computeNodes()),
        PartyDigest.withModel(Y.did, digest(6), digest(7)));
    assertNames(ledger.refusal(ledger.commitEntry(commitment("t-1", 1, P.computeNodes(), digests)), T0_MS),
        "the digest of compute node " + Y.did + " carries a model digest; a compute node holds no model");
  }

  @Test
  public void commitRound_holderRevokedMidTraining_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 1);
    ledger.revoke(C);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 2, P.computeNodes())), T0_MS + 2),
        "data holder " + C.did + " of task t-1 is no longer an admitted institution; round 2 cannot count it");
  }

  @Test
  public void commitRound_activeComputeNodeRevoked_refusedUntilTheRoundDropsIt() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 1);
    ledger.revoke(X);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 2, P.computeNodes())), T0_MS + 2),
        "active compute node " + X.did + " of task t-1 is no longer an admitted member with role compute");
    ledger.accept(ledger.commitEntry(ledger.round("t-1", 2, FeaturesParties.sorted(Y, Z))), T0_MS + 2);
  }

  @Test
  public void commitRound_afterTheModel_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    ledger.accept(ledger.modelEntry(ledger.model("t-1", 1, 2)), T0_MS + 3);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 3, P.computeNodes())), T0_MS + 4),
        "task t-1 registered its model from round 1; no round after the model");
  }

  // ---- register-model

  @Test
  public void registerModel_notTheOwner_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 1);
    assertNames(ledger.refusal(FeaturesLedger.modelEntry(B, ledger.model("t-1", 1, 1)), T0_MS + 2),
        "only the owner " + A.did + " may register the model of task t-1, not " + B.did);
  }

  @Test
  public void registerModel_beforeAnyRound_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 1, 1)), T0_MS),
        "task t-1 has committed no round; its model takes a committed round");
  }

  @Test
  public void registerModel_roundNotCommitted_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 3, 3)), T0_MS + 3),
        "the model of task t-1 takes round 3, but the last committed is 2");
  }

  @Test
  public void registerModel_hashOfAnotherRound_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    ModelRegistration other = ledger.model("t-1", 2, 2);
    ModelRegistration claimed = new ModelRegistration("t-1", 1, other.modelHash(), 2, 1, 1, 1);
    assertNames(ledger.refusal(ledger.modelEntry(claimed), T0_MS + 3), "model hash " + other.modelHash()
        + " of task t-1 does not match round 1's model hash " + ledger.task("t-1").round(1).orElseThrow().modelHash());
  }

  @Test
  public void registerModel_twice_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    ledger.accept(ledger.modelEntry(ledger.model("t-1", 1, 2)), T0_MS + 3);
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 2, 2)), T0_MS + 4),
        "task t-1 already registered its model, from round 1; a task registers one model");
  }

  @Test
  public void registerModel_epochsTrainedOutsideItsRoundToTheLast_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 3);
    for (int epochs : new int[] {1, 4}) {
      assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 2, epochs)), T0_MS + 4),
          "the model of task t-1 was trained " + epochs + " epochs; it takes round 2 and 3 rounds are committed, so"
              + " it was trained 2 to 3");
    }
  }

  // ---- end-task

  @Test
  public void endTask_completedWithoutAModel_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    assertNames(ledger.refusal(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.COMPLETED, null)),
        T0_MS + 3), "task t-1 cannot end completed without a registered model; register-model first");
  }

  @Test
  public void endTask_holderOrComputeNodeOtherThanOwnerLost_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(B, FeaturesLedger.end("t-1", TaskOutcome.CANCELLED, null)),
        T0_MS), "a holder or compute node may end task t-1 only as participant-lost naming its owner " + A.did
        + "; " + B.did + " ends it cancelled");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(X, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST,
        C.did)), T0_MS), "may end task t-1 only as participant-lost naming its owner", X.did
        + " ends it participant-lost naming " + C.did);
  }

  @Test
  public void endTask_byAMemberWhoIsNoParty_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(REGULATOR, FeaturesLedger.end("t-1",
        TaskOutcome.PARTICIPANT_LOST, A.did)), T0_MS), "only the owner or a party of task t-1 may end it; "
        + REGULATOR.did + " is neither");
  }

  @Test
  public void endTask_byANonMemberOrARevokedParty_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(OUTSIDER, FeaturesLedger.end("t-1",
        TaskOutcome.PARTICIPANT_LOST, A.did)), T0_MS), "only an admitted member may end a task; " + OUTSIDER.did
        + " is not one");
    ledger.revoke(Z);
    assertNames(ledger.refusal(FeaturesLedger.endEntry(Z, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST,
        A.did)), T0_MS), "only an admitted member may end a task; " + Z.did + " is not one");
  }

  @Test
  public void endTask_lostPartyNotOfTheTask_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST,
        REGULATOR.did)), T0_MS), "lost party " + REGULATOR.did + " is not a party of task t-1");
  }

  @Test
  public void endTask_ownerNamesItselfLost_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST,
        A.did)), T0_MS), A.did + " cannot end task t-1 naming itself the lost party");
  }

  @Test
  public void endTask_participantLostWithoutTheLostParty_refused() {
    CanonicalWriter writer = new CanonicalWriter().writeString("t-1")
        .writeU8(TaskOutcome.PARTICIPANT_LOST.ordinal()).writeString("gone").writeBoolean(false);
    Entry entry = A.entry(FeaturesContract.NAME, FeaturesContract.END_TASK, writer.toByteArray(), 1);
    assertNames(new FeaturesLedger(P).refusal(entry, T0_MS), "payload of end-task is not a task end",
        "task t-1 ends participant-lost and must name the party lost");
  }

  @Test
  public void afterTheEnd_nothingIsAccepted() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 2);
    ledger.accept(ledger.modelEntry(ledger.model("t-1", 2, 2)), T0_MS + 3);
    ledger.accept(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.COMPLETED, null)), T0_MS + 4);
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 3, P.computeNodes())), T0_MS + 5),
        "task t-1 ended completed; no round after it ends");
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 1, 2)), T0_MS + 5),
        "task t-1 ended completed; no model after it ends");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(A, FeaturesLedger.end("t-1", TaskOutcome.CANCELLED, null)),
        T0_MS + 5), "task t-1 ended completed; no end after it ends");
    assertNames(ledger.refusal(FeaturesLedger.endEntry(B, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST,
        A.did)), T0_MS + 5), "task t-1 ended completed; no end after it ends");
  }

  @Test
  public void afterAnEndWithoutModel_noModelNorRound() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-1", 1);
    ledger.accept(FeaturesLedger.endEntry(Y, FeaturesLedger.end("t-1", TaskOutcome.PARTICIPANT_LOST, A.did)),
        T0_MS + 2);
    assertNames(ledger.refusal(ledger.modelEntry(ledger.model("t-1", 1, 1)), T0_MS + 3),
        "task t-1 ended participant-lost; no model after it ends");
    assertNames(ledger.refusal(ledger.commitEntry(ledger.round("t-1", 2, P.computeNodes())), T0_MS + 3),
        "task t-1 ended participant-lost; no round after it ends");
  }

  // ---- helpers

  private static FeatureTask task(String id, List<DataHolder> holders, List<Did> computeNodes, int min) {
    return new FeatureTask(id, holders, 2, computeNodes, min, TopModel.logistic(), FeaturesLedger.hyperParameters(10));
  }

  private static List<DataHolder> sortedHolders(Member... members) {
    return FeaturesParties.sorted(members).stream().map(d -> new DataHolder(d, 3)).toList();
  }

  private static RoundCommitment commitment(String id, int round, List<Did> active, List<PartyDigest> digests) {
    return new RoundCommitment(id, round, 30_000, active, digests, 500_000);
  }

  private static List<PartyDigest> replaced(List<PartyDigest> digests, PartyDigest replacement) {
    List<PartyDigest> out = new ArrayList<>(digests);
    out.replaceAll(d -> d.party().equals(replacement.party()) ? replacement : d);
    return out;
  }

  /** A commit-round payload written field by field, bypassing RoundCommitment's own checks. */
  static byte[] rawCommitment(String id, int round, long alignedRows, List<Did> active, List<PartyDigest> digests,
      int aucMicros) {
    CanonicalWriter writer = new CanonicalWriter().writeString(id).writeI32(round).writeI64(alignedRows);
    writer.writeList(active, (w, d) -> d.writeTo(w));
    writer.writeList(digests, (w, d) -> d.writeTo(w));
    return writer.writeI32(aucMicros).toByteArray();
  }

  private static Sha256Hash digest(int i) {
    byte[] bytes = new byte[Sha256Hash.LENGTH_BYTES];
    bytes[0] = (byte) i;
    return Sha256Hash.fromBytes(bytes);
  }

  private static void assertNames(String reason, String... expected) {
    for (String part : expected) {
      assertTrue("reason '" + reason + "' should name '" + part + "'", reason.contains(part));
    }
  }
}
