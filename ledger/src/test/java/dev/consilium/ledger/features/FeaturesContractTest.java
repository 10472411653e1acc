package dev.consilium.ledger.features;

import static dev.consilium.ledger.features.FeaturesLedger.MAX_EPOCHS;
import static dev.consilium.ledger.features.FeaturesLedger.T0_MS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.hash.Sha256Hash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.Test;

/** The features contract's paths from registration to the end; refusals are in {@link FeaturesRefusalTest}. */
public class FeaturesContractTest {
  private static final FeaturesParties P = new FeaturesParties();
  private static final Member A = P.owner;
  private static final Member B = P.holderB;
  private static final Member C = P.holderC;

  @Test
  public void standard_registersFeatures() {
    assertTrue(Contracts.standard().find(FeaturesContract.NAME).orElseThrow() instanceof FeaturesContract);
  }

  @Test
  public void registerTask_recordsTheRegistrationRunningWithNoRound() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-1");
    TrainingTask task = ledger.task("t-1");
    assertEquals(ledger.featureTask("t-1", 2), task.registration());
    assertEquals(A.did, task.owner());
    assertEquals(T0_MS, task.registeredAtMs());
    assertEquals(TaskStatus.RUNNING, task.status());
    assertEquals(0, task.lastCommittedRound());
    assertTrue(task.rounds().isEmpty());
    assertEquals(Optional.empty(), task.model());
    assertEquals(Optional.empty(), task.outcome());
    assertEquals(Optional.empty(), task.reason());
    assertEquals(List.of(A.did, B.did, C.did, P.computeX.did, P.computeY.did, P.computeZ.did).stream().sorted()
        .toList(), List.copyOf(task.parties()));
    assertEquals("a running task reserves every epoch it may train", MAX_EPOCHS, ledger.state().heldRounds());
  }

  @Test
  public void registerTask_mlpWithoutOwnerFeatures_accepted() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P);
    FeatureTask task = new FeatureTask("t-mlp", ledger.holders(), 0, P.computeNodes(), 3, TopModel.mlp(16),
        FeaturesLedger.hyperParameters(MAX_EPOCHS));
    ledger.accept(ledger.registerEntry(task), T0_MS);
    assertEquals(16, ledger.task("t-mlp").registration().model().hiddenUnits());
    assertEquals(0, ledger.task("t-mlp").registration().ownerWidth());
  }

  @Test
  public void commitRound_inOrder_recordsDigestsActiveNodesAndBlockTime() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-2", 2);
    TrainingTask task = ledger.task("t-2");
    assertEquals(2, task.lastCommittedRound());
    CommittedRound first = task.round(1).orElseThrow();
    assertEquals(1, first.round());
    assertEquals(30_000, first.alignedRows());
    assertEquals(P.computeNodes(), first.activeComputeNodes());
    assertEquals(T0_MS + 1, first.committedAtMs());
    assertEquals(700_001, first.validationAucMicros());
    assertEquals(6, first.partyDigests().size());
    PartyDigest byB = first.digestOf(B.did).orElseThrow();
    assertEquals(FeaturesLedger.sent("t-2", 1, B.did), byB.sentDigest());
    assertEquals(Optional.of(FeaturesLedger.model("t-2", 1, B.did)), byB.modelDigest());
    assertEquals(Optional.empty(), first.digestOf(P.computeX.did).orElseThrow().modelDigest());
    assertEquals(T0_MS + 2, task.round(2).orElseThrow().committedAtMs());
    assertEquals(Optional.empty(), task.round(3));
  }

  @Test
  public void commitRound_afterDropout_namesTheNodesThatRemain_andALaterRoundMayTakeItBack() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-3", 1);
    List<Did> remaining = FeaturesParties.sorted(P.computeX, P.computeZ);
    ledger.accept(ledger.commitEntry(ledger.round("t-3", 2, remaining)), T0_MS + 2);
    CommittedRound second = ledger.task("t-3").round(2).orElseThrow();
    assertEquals(remaining, second.activeComputeNodes());
    assertEquals(Optional.empty(), second.digestOf(P.computeY.did));
    ledger.accept(ledger.commitEntry(ledger.round("t-3", 3, P.computeNodes())), T0_MS + 3);
    assertEquals(3, ledger.task("t-3").lastCommittedRound());
  }

  @Test
  public void commitRound_upToMaxEpochs_accepted() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-4", MAX_EPOCHS);
    assertEquals(MAX_EPOCHS, ledger.task("t-4").lastCommittedRound());
  }

  @Test
  public void registerModel_theBestRoundNotTheLast_recorded() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-5", 4);
    ModelRegistration model = ledger.model("t-5", 2, 4);
    assertEquals(ledger.task("t-5").round(2).orElseThrow().modelHash(), model.modelHash());
    ledger.accept(ledger.modelEntry(model), T0_MS + 10);
    assertEquals(Optional.of(model), ledger.task("t-5").model());
    assertEquals(TaskStatus.RUNNING, ledger.task("t-5").status());
  }

  @Test
  public void endTask_completedAfterModel_endedAndHoldsOnlyItsRounds() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-6", 3);
    ledger.accept(ledger.modelEntry(ledger.model("t-6", 3, 3)), T0_MS + 10);
    TaskEnd end = FeaturesLedger.end("t-6", TaskOutcome.COMPLETED, null);
    ledger.accept(FeaturesLedger.endEntry(A, end), T0_MS + 11);
    TrainingTask task = ledger.task("t-6");
    assertEquals(TaskStatus.ENDED, task.status());
    assertEquals(Optional.of(TaskOutcome.COMPLETED), task.outcome());
    assertEquals(Optional.of(""), task.reason());
    assertEquals(new TaskEnding(end, A.did, T0_MS + 11), task.ending().orElseThrow());
    assertEquals("an ended task holds the rounds it committed", 3, ledger.state().heldRounds());
  }

  @Test
  public void endTask_holderNamesTheOwnerLost_ended() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-7", 1);
    ledger.accept(FeaturesLedger.endEntry(B, FeaturesLedger.end("t-7", TaskOutcome.PARTICIPANT_LOST, A.did)),
        T0_MS + 70_000);
    TrainingTask task = ledger.task("t-7");
    assertEquals(Optional.of(TaskOutcome.PARTICIPANT_LOST), task.outcome());
    assertEquals(B.did, task.ending().orElseThrow().endedBy());
    assertEquals(Optional.of(A.did), task.ending().orElseThrow().end().lostParty());
  }

  @Test
  public void endTask_computeNodeNamesTheOwnerLost_ended() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "t-8");
    ledger.accept(FeaturesLedger.endEntry(P.computeY, FeaturesLedger.end("t-8", TaskOutcome.PARTICIPANT_LOST, A.did)),
        T0_MS + 1);
    assertEquals(TaskStatus.ENDED, ledger.task("t-8").status());
    assertEquals(P.computeY.did, ledger.task("t-8").ending().orElseThrow().endedBy());
  }

  @Test
  public void endTask_ownerEndsWithEveryOtherOutcome_withoutAModel() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P);
    Map<TaskOutcome, Did> lost = Map.of(TaskOutcome.PARTICIPANT_LOST, C.did, TaskOutcome.TIMED_OUT, P.computeZ.did);
    for (TaskOutcome outcome : List.of(TaskOutcome.PARTICIPANT_LOST, TaskOutcome.TIMED_OUT, TaskOutcome.REFUSED,
        TaskOutcome.CANCELLED)) {
      String id = "t-9-" + outcome.wireName();
      ledger.accept(ledger.registerEntry(ledger.featureTask(id, 2)), T0_MS);
      ledger.accept(FeaturesLedger.endEntry(A, FeaturesLedger.end(id, outcome, lost.get(outcome))), T0_MS + 5);
      assertEquals(Optional.of(outcome), ledger.task(id).outcome());
      assertEquals(Optional.of("because the test says so"), ledger.task(id).reason());
      assertEquals(Optional.ofNullable(lost.get(outcome)), ledger.task(id).ending().orElseThrow().end().lostParty());
    }
    assertEquals("ended tasks without rounds hold none", 0, ledger.state().heldRounds());
  }

  @Test
  public void modelHash_isSha256OverDomainThenPairsInDidOrder() throws Exception {
    Map<Did, Sha256Hash> digests = new HashMap<>();
    for (Member party : List.of(C, A, B)) {
      digests.put(party.did, FeaturesLedger.model("t-10", 1, party.did));
    }
    // The encoding written out by hand: u32 length and the domain's bytes, a u32 count, then per pair in DID
    // order the DID's u32 length and bytes and the 32 digest bytes.
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    writeLengthPrefixed(expected, ModelHash.DOMAIN_NAME);
    expected.write(ByteBuffer.allocate(4).putInt(3).array());
    for (Map.Entry<Did, Sha256Hash> pair : new TreeMap<>(digests).entrySet()) {
      writeLengthPrefixed(expected, pair.getKey().value());
      expected.write(pair.getValue().toByteArray());
    }
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(expected.toByteArray());
    assertEquals(Sha256Hash.fromBytes(sha), ModelHash.of(digests));
    assertEquals("any map order gives the same hash", ModelHash.of(new TreeMap<>(digests)), ModelHash.of(digests));

    digests.put(B.did, FeaturesLedger.model("t-10", 2, B.did));
    assertNotEquals("one party's digest changes it", Sha256Hash.fromBytes(sha), ModelHash.of(digests));
  }

  @Test
  public void modelHash_ofRound_takesOnlyTheDigestsWithAModel() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-11", 1);
    Map<Did, Sha256Hash> models = new TreeMap<>();
    for (Member party : List.of(A, B, C)) {
      models.put(party.did, FeaturesLedger.model("t-11", 1, party.did));
    }
    assertEquals(ModelHash.of(models), ledger.task("t-11").round(1).orElseThrow().modelHash());
  }

  @Test
  public void taskIdOf_everyPayload_givesItsTaskId() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-12", 1);
    assertEquals("t-12", FeaturesContract.taskIdOf(
        FeaturesContract.registerTaskPayload(ledger.featureTask("t-12", 2))));
    assertEquals("t-12", FeaturesContract.taskIdOf(FeaturesContract.commitRoundPayload(
        ledger.round("t-12", 1, P.computeNodes()))));
    assertEquals("t-12", FeaturesContract.taskIdOf(FeaturesContract.registerModelPayload(ledger.model("t-12", 1, 1))));
    assertEquals("t-12", FeaturesContract.taskIdOf(FeaturesContract.endTaskPayload(
        FeaturesLedger.end("t-12", TaskOutcome.CANCELLED, null))));
  }

  @Test
  public void toString_namesTheTaskAndCountsWithoutDigests() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "t-13", 2);
    String text = ledger.task("t-13") + " " + ledger.state() + " " + ledger.round("t-13", 3, P.computeNodes());
    assertTrue(text, text.contains("t-13") && text.contains("2/10 rounds") && text.contains("6 digests"));
    assertFalse(text, text.contains(FeaturesLedger.model("t-13", 1, B.did).toHex()));
    assertFalse(text, text.contains(FeaturesLedger.sent("t-13", 3, B.did).toHex()));
  }

  private static void writeLengthPrefixed(ByteArrayOutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.write(bytes);
  }
}
