package dev.consilium.ledger.features;

import static dev.consilium.ledger.features.FeaturesLedger.T0_MS;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

/** The features state: its hash, its snapshot form, and the checks a snapshot's reader makes again. */
public class FeaturesStateTest {
  private static final FeaturesParties P = new FeaturesParties();
  private static final Member A = P.owner;
  /** A snapshot carries each contract's state as one byte string of at most this ({@code LedgerState}). */
  private static final long MAX_STATE_BYTES = 256L * 1024 * 1024;

  @Test
  public void stateHash_changesWithEveryStep_andAStateReadBackKeepsIt() throws Exception {
    FeaturesLedger ledger = new FeaturesLedger(P);
    Set<Sha256Hash> seen = new HashSet<>();
    assertStep(ledger, seen, "the empty state");
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-1", 2)), T0_MS);
    assertStep(ledger, seen, "a registration");
    ledger.accept(ledger.commitEntry(ledger.round("s-1", 1, P.computeNodes())), T0_MS + 1);
    assertStep(ledger, seen, "round 1");
    ledger.accept(ledger.commitEntry(ledger.round("s-1", 2, FeaturesParties.sorted(P.computeX, P.computeY))),
        T0_MS + 2);
    assertStep(ledger, seen, "round 2");
    ledger.accept(ledger.modelEntry(ledger.model("s-1", 1, 2)), T0_MS + 3);
    assertStep(ledger, seen, "the model");
    ledger.accept(FeaturesLedger.endEntry(A, FeaturesLedger.end("s-1", TaskOutcome.COMPLETED, null)), T0_MS + 4);
    assertStep(ledger, seen, "the end");
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-0", 3)), T0_MS + 5);
    assertStep(ledger, seen, "a second task");
  }

  @Test
  public void stateHash_sameStepsOnTwoReplicas_equal() throws Exception {
    FeaturesLedger one = FeaturesLedger.withRounds(P, "s-2", 3);
    FeaturesLedger two = FeaturesLedger.withRounds(P, "s-2", 3);
    assertEquals(one.state().stateHash(), two.state().stateHash());
    assertEquals(one.task("s-2"), two.task("s-2"));
  }

  @Test
  public void stateHash_sameRoundsAtAnotherTime_differs() throws Exception {
    FeaturesLedger one = FeaturesLedger.withRounds(P, "s-3", 1);
    FeaturesLedger two = FeaturesLedger.registered(P, "s-3");
    two.accept(two.commitEntry(two.round("s-3", 1, P.computeNodes())), T0_MS + 2);
    assertTrue(!one.state().stateHash().equals(two.state().stateHash()));
  }

  @Test
  public void state_everyStage_roundTripsToTheSameBytesHashAndTasks() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.withRounds(P, "s-4", 3);
    ledger.accept(ledger.modelEntry(ledger.model("s-4", 2, 3)), T0_MS + 10);
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-5", 2)), T0_MS + 11);
    ledger.accept(ledger.commitEntry(ledger.round("s-5", 1, P.computeNodes())), T0_MS + 12);
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-6", 3)), T0_MS + 13);
    ledger.accept(FeaturesLedger.endEntry(P.computeX, FeaturesLedger.end("s-6", TaskOutcome.PARTICIPANT_LOST, A.did)),
        T0_MS + 14);
    byte[] bytes = ledger.state().toCanonicalBytes();
    FeaturesState read = CanonicalReader.decode(bytes, ledger.contract::readState);
    assertArrayEquals(bytes, read.toCanonicalBytes());
    assertEquals(ledger.state().stateHash(), read.stateHash());
    assertEquals(3, read.size());
    for (String id : List.of("s-4", "s-5", "s-6")) {
      assertEquals(id, ledger.task(id), read.task(id).orElseThrow());
    }
    assertEquals(ledger.task("s-4").model(), read.task("s-4").orElseThrow().model());
    assertEquals(ledger.task("s-4").rounds(), read.task("s-4").orElseThrow().rounds());
    assertEquals(ledger.task("s-6").ending(), read.task("s-6").orElseThrow().ending());
    assertEquals(ledger.state().heldRounds(), read.heldRounds());
  }

  @Test
  public void readState_moreTasksThanTheBound_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-7");
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-8", 2)), T0_MS);
    byte[] bytes = ledger.state().toCanonicalBytes();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, new FeaturesContract(new FeaturesBounds(1, 1_000))::readState));
    assertTrue(e.getMessage(), e.getMessage().contains("count 2 exceeds the limit of 1"));
  }

  @Test
  public void readState_moreRoundsThanTheBound_refused() throws Exception {
    byte[] bytes = FeaturesLedger.registered(P, "s-9").state().toCanonicalBytes();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, new FeaturesContract(new FeaturesBounds(10, 9))::readState));
    assertTrue(e.getMessage(), e.getMessage().contains("the features state holds 10 rounds, over its maximum of 9"));
  }

  @Test
  public void readState_unsortedTasks_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-b");
    ledger.accept(ledger.registerEntry(ledger.featureTask("s-a", 2)), T0_MS);
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeList(List.of("s-b", "s-a"), (w, id) -> w.writeString(id).writeObject(ledger.task(id)));
    assertReadRefused(ledger, writer, "tasks must be sorted by id and distinct; s-a follows s-b");
  }

  @Test
  public void readState_taskUnderAnotherId_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-10");
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeList(List.of("s-11"), (w, id) -> w.writeString(id).writeObject(ledger.task("s-10")));
    assertReadRefused(ledger, writer, "task s-10 is filed under id s-11");
  }

  @Test
  public void readState_roundSkipped_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-12");
    List<CommittedRound> rounds = List.of(committed(ledger, "s-12", 1), committed(ledger, "s-12", 3));
    assertReadRefused(ledger, rawState(ledger, "s-12", rounds, null, null),
        "round 3 of task s-12 is not the next: the last committed is 1, so the next is 2");
  }

  @Test
  public void readState_roundMissingADigest_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-13");
    List<PartyDigest> digests = new ArrayList<>(ledger.digests("s-13", 1, P.computeNodes()));
    digests.removeIf(d -> d.party().equals(P.holderC.did));
    RoundCommitment partial = new RoundCommitment("s-13", 1, 30_000, P.computeNodes(), digests, 1);
    assertReadRefused(ledger, rawState(ledger, "s-13", List.of(new CommittedRound(partial, T0_MS)), null, null),
        "round 1 of task s-13 has no digest from " + P.holderC.did);
  }

  @Test
  public void readState_modelHashNotTheRound_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-14");
    ModelRegistration wrong = ledger.model("s-14", 2, 1);
    ModelRegistration claimed = new ModelRegistration("s-14", 1, wrong.modelHash(), 1, 1, 1, 1);
    assertReadRefused(ledger, rawState(ledger, "s-14", List.of(committed(ledger, "s-14", 1)), claimed, null),
        "does not match round 1's model hash");
  }

  @Test
  public void readState_completedWithoutModel_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-15");
    TaskEnding ending = new TaskEnding(FeaturesLedger.end("s-15", TaskOutcome.COMPLETED, null), A.did, T0_MS);
    assertReadRefused(ledger, rawState(ledger, "s-15", List.of(), null, ending),
        "task s-15 cannot end completed without a registered model");
  }

  @Test
  public void readState_endedByAnOutsider_refused() throws Exception {
    FeaturesLedger ledger = FeaturesLedger.registered(P, "s-16");
    TaskEnding ending = new TaskEnding(FeaturesLedger.end("s-16", TaskOutcome.CANCELLED, null), P.outsider.did,
        T0_MS);
    assertReadRefused(ledger, rawState(ledger, "s-16", List.of(), null, ending),
        "only the owner or a party of task s-16 may end it; " + P.outsider.did + " is neither");
  }

  /**
   * The largest task (8 holders, 8 compute nodes, every DID and text at its longest, a model and an ending) and
   * the largest round (17 digests, 8 active compute nodes), at the standard bounds, fit one snapshot's state.
   */
  @Test
  public void standardBounds_worstCaseState_fitsTheSnapshotLimit() {
    List<Did> dids = longestDids(17);
    List<DataHolder> holders = dids.subList(1, 9).stream().map(d -> new DataHolder(d, 4_096)).toList();
    List<Did> nodes = dids.subList(9, 17);
    String id = "t".repeat(TaskIds.MAX_CHARS);
    FeatureTask registration = new FeatureTask(id, holders, 4_096, nodes, 8, TopModel.mlp(256),
        new HyperParameters(10.0, 65_536, 1_000, 1_000, 40, -1L, 500, 499, 3_600_000));
    Sha256Hash digest = FeaturesLedger.model(id, 1, dids.get(0));
    ModelRegistration model = new ModelRegistration(id, 1_000, digest, 1_000, 1_000_000, 1_000_000, 1_000_000);
    TaskEnding ending = new TaskEnding(new TaskEnd(id, TaskOutcome.PARTICIPANT_LOST, "é".repeat(256),
        Optional.of(dids.get(16))), dids.get(1), Long.MAX_VALUE);
    List<PartyDigest> digests = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      digests.add(i < 9 ? PartyDigest.withModel(dids.get(i), digest, digest) : PartyDigest.withoutModel(dids.get(i),
          digest));
    }
    CommittedRound round = new CommittedRound(new RoundCommitment(id, 1_000, Long.MAX_VALUE, nodes, digests,
        1_000_000), Long.MAX_VALUE);

    CanonicalWriter task = new CanonicalWriter().writeString(id).writeObject(registration).writeObject(dids.get(0))
        .writeI64(0).writeI32(0).writeBoolean(true).writeObject(model).writeBoolean(true).writeObject(ending);
    long taskBytes = task.size();
    long roundBytes = round.toCanonicalBytes().length;
    long worst = 4 + FeaturesBounds.STANDARD.maxTasks() * taskBytes
        + FeaturesBounds.STANDARD.maxHeldRounds() * roundBytes;
    assertTrue(worst + " bytes: " + taskBytes + " per task, " + roundBytes + " per round", worst <= MAX_STATE_BYTES);
  }

  private static void assertStep(FeaturesLedger ledger, Set<Sha256Hash> seen, String step) throws Exception {
    assertTrue(step + " changes the hash", seen.add(ledger.state().stateHash()));
    FeaturesState read = CanonicalReader.decode(ledger.state().toCanonicalBytes(), ledger.contract::readState);
    assertEquals(step + ": an equal state, read back, has the same hash", ledger.state().stateHash(), read.stateHash());
  }

  private static CommittedRound committed(FeaturesLedger ledger, String id, int round) {
    return new CommittedRound(ledger.round(id, round, P.computeNodes()), T0_MS + round);
  }

  /** A state of one task written field by field as TrainingTask writes it, bypassing the contract's checks. */
  private static CanonicalWriter rawState(FeaturesLedger ledger, String id, List<CommittedRound> rounds,
      ModelRegistration model, TaskEnding ending) {
    TrainingTask registered = ledger.task(id);
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeList(List.of(id), (w, taskId) -> {
      w.writeString(taskId).writeObject(registered.registration()).writeObject(registered.owner())
          .writeI64(registered.registeredAtMs());
      w.writeList(rounds, (rw, r) -> r.writeTo(rw));
      w.writeBoolean(model != null);
      if (model != null) {
        model.writeTo(w);
      }
      w.writeBoolean(ending != null);
      if (ending != null) {
        ending.writeTo(w);
      }
    });
    return writer;
  }

  private static void assertReadRefused(FeaturesLedger ledger, CanonicalWriter writer, String expected) {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(writer.toByteArray(), ledger.contract::readState));
    assertTrue(e.getMessage(), e.getMessage().contains(expected));
  }

  /** {@code count} DIDs of the longest form (a 44-character base58 suffix), sorted. */
  private static List<Did> longestDids(int count) {
    List<Did> dids = new ArrayList<>();
    while (dids.size() < count) {
      Did did = TestConsortium.outsider(FeaturesParties.RANDOM).did;
      if (did.value().length() == Did.MAX_LENGTH_CHARS) {
        dids.add(did);
      }
    }
    dids.sort(null);
    return dids;
  }
}
