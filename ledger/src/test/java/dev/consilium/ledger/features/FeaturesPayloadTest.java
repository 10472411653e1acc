package dev.consilium.ledger.features;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/**
 * The payloads' encodings: every one round-trips, and every bound of every field is refused twice, by the
 * constructor (the submitter's side) and by the reader (the contract's side, on bytes written field by field),
 * with the same reason.
 */
public class FeaturesPayloadTest {
  /** Sorted DIDs: 0 is the owner's in tests that need one, then holders, then compute nodes. */
  private static final List<Did> DIDS = IntStream.range(0, 20)
      .mapToObj(i -> TestConsortium.outsider(FeaturesParties.RANDOM).did).sorted().toList();
  private static final Sha256Hash H1 = FeaturesLedger.model("p", 1, DIDS.get(0));
  private static final Sha256Hash H2 = FeaturesLedger.model("p", 2, DIDS.get(0));

  // ---- round trips

  @Test
  public void featureTask_typicalAndLargest_roundTrip() throws Exception {
    RawTask typical = new RawTask();
    assertEquals(typical.build(), CanonicalReader.decode(FeaturesContract.registerTaskPayload(typical.build()),
        FeatureTask::read));
    RawTask largest = new RawTask();
    largest.id = "t".repeat(64);
    largest.holders = DIDS.subList(0, 8);
    largest.widths = List.of(1, 4_096, 7, 8, 9, 10, 11, 4_096);
    largest.ownerWidth = 4_096;
    largest.nodes = DIDS.subList(8, 16);
    largest.min = 8;
    largest.kind = ModelKind.MLP.ordinal();
    largest.outputWidth = 256;
    largest.learningRateBits = Double.doubleToLongBits(10.0);
    largest.batchSize = 65_536;
    largest.maxEpochs = 1_000;
    largest.patience = 1_000;
    largest.fractionBits = 40;
    largest.seed = Long.MIN_VALUE;
    largest.validationPermille = 500;
    largest.testPermille = 499;
    largest.roundTimeoutMs = 3_600_000;
    FeatureTask task = CanonicalReader.decode(largest.bytes(), FeatureTask::read);
    assertEquals(largest.build(), task);
    assertEquals(10.0, task.hyperParameters().learningRate(), 0.0);
    assertEquals(256, task.model().hiddenUnits());
  }

  @Test
  public void featureTask_smallestBounds_roundTrip() throws Exception {
    RawTask smallest = new RawTask();
    smallest.id = "0";
    smallest.holders = DIDS.subList(0, 1);
    smallest.widths = List.of(1);
    smallest.ownerWidth = 0;
    smallest.nodes = DIDS.subList(1, 3);
    smallest.min = 2;
    smallest.learningRateBits = Double.doubleToLongBits(Double.MIN_VALUE);
    smallest.batchSize = 1;
    smallest.maxEpochs = 1;
    smallest.patience = 1;
    smallest.fractionBits = 8;
    smallest.validationPermille = 0;
    smallest.testPermille = 0;
    smallest.roundTimeoutMs = 1_000;
    assertEquals(smallest.build(), CanonicalReader.decode(smallest.bytes(), FeatureTask::read));
  }

  @Test
  public void roundCommitment_roundTrips() throws Exception {
    RoundCommitment commitment = new RoundCommitment("t-1", 1_000, Long.MAX_VALUE, DIDS.subList(9, 17),
        digests(0, 17, 9), 1_000_000);
    assertEquals(commitment, CanonicalReader.decode(FeaturesContract.commitRoundPayload(commitment),
        RoundCommitment::read));
    RoundCommitment small = new RoundCommitment("t-1", 1, 1, DIDS.subList(1, 3), digests(0, 1, 1), 0);
    assertEquals(small, CanonicalReader.decode(FeaturesContract.commitRoundPayload(small), RoundCommitment::read));
  }

  @Test
  public void modelRegistration_roundTrips() throws Exception {
    ModelRegistration model = new ModelRegistration("t-1", 7, H1, 9, 812_345, 800_001, 456_789);
    assertEquals(model, CanonicalReader.decode(FeaturesContract.registerModelPayload(model), ModelRegistration::read));
  }

  @Test
  public void taskEnd_everyOutcome_roundTrips() throws Exception {
    for (TaskOutcome outcome : TaskOutcome.values()) {
      Optional<Did> lost = outcome == TaskOutcome.PARTICIPANT_LOST ? Optional.of(DIDS.get(3)) : Optional.empty();
      TaskEnd end = new TaskEnd("t-1", outcome, outcome == TaskOutcome.COMPLETED ? "" : "ünïcode réason", lost);
      assertEquals(end, CanonicalReader.decode(FeaturesContract.endTaskPayload(end), TaskEnd::read));
    }
    TaskEnd named = new TaskEnd("t-1", TaskOutcome.TIMED_OUT, "x".repeat(512), Optional.of(DIDS.get(4)));
    assertEquals(named, CanonicalReader.decode(FeaturesContract.endTaskPayload(named), TaskEnd::read));
  }

  @Test
  public void wireNames_parseBack() {
    for (TaskOutcome outcome : TaskOutcome.values()) {
      assertEquals(Optional.of(outcome), TaskOutcome.parse(outcome.wireName()));
    }
    for (ModelKind kind : ModelKind.values()) {
      assertEquals(Optional.of(kind), ModelKind.parse(kind.wireName()));
    }
    assertEquals(Optional.empty(), TaskOutcome.parse("COMPLETED"));
    assertEquals(Optional.empty(), ModelKind.parse("tree"));
  }

  // ---- feature task: every field's bounds

  @Test
  public void featureTask_badTaskId_refused() {
    for (String id : List.of("", "t".repeat(65), "T-1", "t_1", "t 1")) {
      RawTask task = new RawTask();
      task.id = id;
      if (id.length() > 64) {
        assertReadRefused(task.bytes(), FeatureTask::read, "length 65 exceeds the limit of 64");
        assertBuildRefused(task::build, "must have 1 to 64 characters");
      } else {
        assertBothRefused(task, id.isEmpty() ? "must have 1 to 64 characters" : "may hold only a-z, 0-9 and '-'");
      }
    }
  }

  @Test
  public void featureTask_holderCount_refused() {
    RawTask none = new RawTask();
    none.holders = List.of();
    none.widths = List.of();
    assertBothRefused(none, "task t-1 has 0 data holders; a task has 1 to 8");
    RawTask nine = new RawTask();
    nine.holders = DIDS.subList(0, 9);
    nine.widths = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1);
    nine.nodes = DIDS.subList(9, 11);
    assertReadRefused(nine.bytes(), FeatureTask::read, "count 9 exceeds the limit of 8");
    assertBuildRefused(nine::build, "task t-1 has 9 data holders; a task has 1 to 8");
  }

  @Test
  public void featureTask_holdersUnsortedOrRepeated_refused() {
    RawTask unsorted = new RawTask();
    unsorted.holders = List.of(DIDS.get(1), DIDS.get(0));
    assertBothRefused(unsorted, "the data holders of task t-1 must be sorted by DID; " + DIDS.get(0) + " follows "
        + DIDS.get(1));
    RawTask repeated = new RawTask();
    repeated.holders = List.of(DIDS.get(0), DIDS.get(0));
    assertBothRefused(repeated, "the data holders of task t-1 name " + DIDS.get(0) + " twice");
  }

  @Test
  public void featureTask_holderFeatureWidth_refused() {
    for (int width : new int[] {0, -1, 4_097}) {
      RawTask task = new RawTask();
      task.widths = List.of(3, width);
      assertBothRefused(task, "holder " + DIDS.get(1) + " has feature width " + width + "; a holder brings 1 to 4096");
    }
  }

  @Test
  public void featureTask_ownerWidth_refused() {
    for (int width : new int[] {-1, 4_097}) {
      RawTask task = new RawTask();
      task.ownerWidth = width;
      assertBothRefused(task, "the owner of task t-1 has feature width " + width + "; an owner brings 0 to 4096");
    }
  }

  @Test
  public void featureTask_computeNodeCount_refused() {
    RawTask one = new RawTask();
    one.nodes = DIDS.subList(2, 3);
    one.min = 2;
    assertBothRefused(one, "task t-1 has 1 compute nodes; a task has 2 to 8");
    RawTask nine = new RawTask();
    nine.nodes = DIDS.subList(2, 11);
    assertReadRefused(nine.bytes(), FeatureTask::read, "count 9 exceeds the limit of 8");
    assertBuildRefused(nine::build, "task t-1 has 9 compute nodes; a task has 2 to 8");
  }

  @Test
  public void featureTask_computeNodesUnsortedRepeatedOrHolders_refused() {
    RawTask unsorted = new RawTask();
    unsorted.nodes = List.of(DIDS.get(3), DIDS.get(2), DIDS.get(4));
    assertBothRefused(unsorted, "the compute nodes of task t-1 must be sorted by DID; " + DIDS.get(2) + " follows "
        + DIDS.get(3));
    RawTask repeated = new RawTask();
    repeated.nodes = List.of(DIDS.get(2), DIDS.get(3), DIDS.get(3));
    assertBothRefused(repeated, "the compute nodes of task t-1 name " + DIDS.get(3) + " twice");
    RawTask holder = new RawTask();
    holder.nodes = List.of(DIDS.get(1), DIDS.get(2), DIDS.get(3));
    assertBothRefused(holder, "compute node " + DIDS.get(1) + " of task t-1 is also one of its data holders");
  }

  @Test
  public void featureTask_minComputeNodes_refused() {
    for (int min : new int[] {1, 4}) {
      RawTask task = new RawTask();
      task.min = min;
      assertBothRefused(task, "task t-1 needs " + min + " compute nodes per round; the minimum must be 2 to its 3");
    }
  }

  @Test
  public void featureTask_model_refused() {
    RawTask logistic = new RawTask();
    logistic.outputWidth = 2;
    assertBothRefused(logistic, "a logistic model's output width is 1, not 2");
    for (int units : new int[] {0, 257}) {
      RawTask mlp = new RawTask();
      mlp.kind = ModelKind.MLP.ordinal();
      mlp.outputWidth = units;
      assertBothRefused(mlp, "an mlp has 1 to 256 hidden units (its output width), not " + units);
    }
    RawTask unknown = new RawTask();
    unknown.kind = ModelKind.values().length;
    assertReadRefused(unknown.bytes(), FeatureTask::read, "unknown model kind 2");
  }

  @Test
  public void featureTask_learningRate_refused() {
    for (double rate : new double[] {0.0, -0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY, Math.nextUp(10.0)}) {
      RawTask task = new RawTask();
      task.learningRateBits = Double.doubleToRawLongBits(rate);
      assertBothRefused(task, "learning rate " + rate + " must be finite, above 0 and at most 10.0");
    }
    RawTask otherNaN = new RawTask();
    otherNaN.learningRateBits = 0x7ff0_0000_0000_0001L;
    assertReadRefused(otherNaN.bytes(), FeatureTask::read, "learning rate NaN must be finite");
  }

  @Test
  public void featureTask_trainingBounds_refused() {
    assertField(t -> t.batchSize = 0, "batch size must be 1 to 65536, not 0");
    assertField(t -> t.batchSize = 65_537, "batch size must be 1 to 65536, not 65537");
    assertField(t -> t.maxEpochs = 0, "max epochs must be 1 to 1000, not 0");
    assertField(t -> t.maxEpochs = 1_001, "max epochs must be 1 to 1000, not 1001");
    assertField(t -> t.patience = 0, "patience must be 1 to max epochs (10), not 0");
    assertField(t -> t.patience = 11, "patience must be 1 to max epochs (10), not 11");
    assertField(t -> t.fractionBits = 7, "fraction bits must be 8 to 40, not 7");
    assertField(t -> t.fractionBits = 41, "fraction bits must be 8 to 40, not 41");
    assertField(t -> t.validationPermille = -1, "validation per mille must be 0 to 500, not -1");
    assertField(t -> t.validationPermille = 501, "validation per mille must be 0 to 500, not 501");
    assertField(t -> t.testPermille = -1, "test per mille must be 0 to 500, not -1");
    assertField(t -> t.testPermille = 501, "test per mille must be 0 to 500, not 501");
    assertField(t -> {
      t.validationPermille = 500;
      t.testPermille = 500;
    }, "validation and test per mille must leave rows to train on: 500 + 500 is not below 1000");
    assertField(t -> t.roundTimeoutMs = 999, "round timeout must be 1000 to 3600000 ms, not 999 ms");
    assertField(t -> t.roundTimeoutMs = 3_600_001, "round timeout must be 1000 to 3600000 ms, not 3600001 ms");
  }

  // ---- round commitment

  @Test
  public void roundCommitment_fieldBounds_refused() {
    List<Did> active = DIDS.subList(1, 3);
    List<PartyDigest> digests = digests(0, 1, 1);
    assertCommitmentRefused("T", 1, 1, active, digests, 1, "task id 'T' may hold only a-z, 0-9 and '-'");
    assertCommitmentRefused("t-1", 0, 1, active, digests, 1, "round 0 of task t-1 must be 1 to 1000");
    assertCommitmentRefused("t-1", 1_001, 1, active, digests, 1, "round 1001 of task t-1 must be 1 to 1000");
    assertCommitmentRefused("t-1", 1, 0, active, digests, 1, "round 1 of task t-1 aligns 0 rows; a round trains on"
        + " at least 1");
    assertCommitmentRefused("t-1", 1, -5, active, digests, 1, "aligns -5 rows");
    assertCommitmentRefused("t-1", 1, 1, DIDS.subList(1, 2), digests, 1, "round 1 of task t-1 has 1 active compute"
        + " nodes; a round has 2 to 8");
    assertCommitmentRefused("t-1", 1, 1, List.of(DIDS.get(2), DIDS.get(1)), digests, 1,
        "the active compute nodes of round 1 of task t-1 must be sorted by DID");
    assertCommitmentRefused("t-1", 1, 1, List.of(DIDS.get(2), DIDS.get(2)), digests, 1,
        "the active compute nodes of round 1 of task t-1 name " + DIDS.get(2) + " twice");
    assertCommitmentRefused("t-1", 1, 1, active, List.of(), 1, "round 1 of task t-1 has no party digest");
    List<PartyDigest> unsorted = new ArrayList<>(digests(0, 3, 1));
    java.util.Collections.reverse(unsorted);
    assertCommitmentRefused("t-1", 1, 1, active, unsorted, 1, "the party digests of round 1 of task t-1 must be"
        + " sorted by DID");
    assertCommitmentRefused("t-1", 1, 1, active, digests, -1, "the validation AUC of round 1 of task t-1 must be 0"
        + " to 1000000 millionths, not -1");
    assertCommitmentRefused("t-1", 1, 1, active, digests, 1_000_001, "not 1000001");
  }

  @Test
  public void roundCommitment_overTheCounts_refusedByTheReader() {
    assertReadRefused(FeaturesRefusalTest.rawCommitment("t-1", 1, 1, DIDS.subList(0, 9), digests(0, 1, 1), 1),
        RoundCommitment::read, "count 9 exceeds the limit of 8");
    assertReadRefused(FeaturesRefusalTest.rawCommitment("t-1", 1, 1, DIDS.subList(0, 2), digests(0, 18, 9), 1),
        RoundCommitment::read, "count 18 exceeds the limit of 17");
  }

  @Test
  public void partyDigest_malformed_refused() {
    CanonicalWriter shortModel = new CanonicalWriter();
    DIDS.get(0).writeTo(shortModel);
    shortModel.writeFixedBytes(H1.toByteArray()).writeBytes(new byte[31]);
    assertReadRefused(shortModel.toByteArray(), PartyDigest::read, "the model digest of " + DIDS.get(0)
        + " has 31 bytes; it has 32 or none");
    CanonicalWriter longModel = new CanonicalWriter();
    DIDS.get(0).writeTo(longModel);
    longModel.writeFixedBytes(H1.toByteArray()).writeBytes(new byte[33]);
    assertReadRefused(longModel.toByteArray(), PartyDigest::read, "length 33 exceeds the limit of 32");
    CanonicalWriter shortSent = new CanonicalWriter();
    DIDS.get(0).writeTo(shortSent);
    shortSent.writeFixedBytes(new byte[20]);
    assertReadRefused(shortSent.toByteArray(), PartyDigest::read, "truncated");
    CanonicalWriter notADid = new CanonicalWriter().writeString("did:other:x").writeFixedBytes(H1.toByteArray())
        .writeBytes(new byte[0]);
    assertReadRefused(notADid.toByteArray(), PartyDigest::read, "did:other:x");
  }

  // ---- model registration

  @Test
  public void modelRegistration_fieldBounds_refused() {
    assertModelRefused(0, 1, 1, 1, 1, "the model of task t-1 takes round 0; rounds are 1 to 1000");
    assertModelRefused(1_001, 1, 1, 1, 1, "takes round 1001; rounds are 1 to 1000");
    assertModelRefused(1, 0, 1, 1, 1, "the model of task t-1 was trained 0 epochs; a task trains 1 to 1000");
    assertModelRefused(1, 1_001, 1, 1, 1, "was trained 1001 epochs");
    assertModelRefused(1, 1, -1, 1, 1, "the validation AUC of the model of task t-1 must be 0 to 1000000"
        + " millionths, not -1");
    assertModelRefused(1, 1, 1_000_001, 1, 1, "the validation AUC of the model of task t-1");
    assertModelRefused(1, 1, 1, -1, 1, "the test AUC of the model of task t-1 must be 0 to 1000000 millionths");
    assertModelRefused(1, 1, 1, 1_000_001, 1, "the test AUC of the model of task t-1");
    assertModelRefused(1, 1, 1, 1, -1, "the test KS of the model of task t-1 must be 0 to 1000000 millionths");
    assertModelRefused(1, 1, 1, 1, 1_000_001, "the test KS of the model of task t-1");
  }

  @Test
  public void modelRegistration_truncatedHash_refused() {
    byte[] bytes = new CanonicalWriter().writeString("t-1").writeI32(1).writeFixedBytes(new byte[31]).toByteArray();
    assertReadRefused(bytes, ModelRegistration::read, "truncated");
  }

  // ---- task end

  @Test
  public void taskEnd_fieldBounds_refused() {
    Optional<Did> lost = Optional.of(DIDS.get(1));
    assertEndRefused("t-1", TaskOutcome.CANCELLED, "", Optional.empty(),
        "task t-1 ends cancelled and must say why: the reason is empty");
    assertEndRefused("t-1", TaskOutcome.PARTICIPANT_LOST, "gone", Optional.empty(),
        "task t-1 ends participant-lost and must name the party lost");
    assertEndRefused("t-1", TaskOutcome.REFUSED, "line\nforged", lost, "the reason must not contain control"
        + " characters");
    assertBuildRefused(() -> new TaskEnd("t-1", TaskOutcome.REFUSED, "é".repeat(257), lost),
        "the reason has at most 512 UTF-8 bytes, not 514");
    assertReadRefused(rawEnd("t-1", TaskOutcome.REFUSED.ordinal(), "é".repeat(257), lost), TaskEnd::read,
        "length 514 exceeds the limit of 512 bytes");
    assertBuildRefused(() -> new TaskEnd("t-1", TaskOutcome.REFUSED, "broken \ud800", lost),
        "the reason is not valid Unicode");
    assertEndRefused("t 1", TaskOutcome.REFUSED, "why", lost, "task id 't 1' may hold only a-z, 0-9 and '-'");
  }

  @Test
  public void taskEnd_malformedBytes_refused() {
    assertReadRefused(rawEnd("t-1", TaskOutcome.values().length, "why", Optional.empty()), TaskEnd::read,
        "unknown task outcome 5");
    byte[] badFlag = new CanonicalWriter().writeString("t-1").writeU8(TaskOutcome.REFUSED.ordinal())
        .writeString("why").writeU8(2).toByteArray();
    assertReadRefused(badFlag, TaskEnd::read, "is not a boolean");
    byte[] invalidUtf8 = new CanonicalWriter().writeString("t-1").writeU8(TaskOutcome.REFUSED.ordinal())
        .writeBytes(new byte[] {'w', (byte) 0xC3}).writeBoolean(false).toByteArray();
    assertReadRefused(invalidUtf8, TaskEnd::read, "invalid UTF-8");
  }

  @Test
  public void modelHash_emptyOrTooMany_refused() {
    assertBuildRefused(() -> ModelHash.of(java.util.Map.of()), "a model hash covers 1 to 9 model digests, not 0");
    java.util.Map<Did, Sha256Hash> ten = new java.util.HashMap<>();
    DIDS.subList(0, 10).forEach(d -> ten.put(d, H1));
    assertBuildRefused(() -> ModelHash.of(ten), "a model hash covers 1 to 9 model digests, not 10");
  }

  // ---- helpers

  /** A feature task's fields, written by hand so that any one can be out of bounds. */
  private static final class RawTask {
    String id = "t-1";
    List<Did> holders = DIDS.subList(0, 2);
    List<Integer> widths = List.of(3, 5);
    int ownerWidth = 2;
    List<Did> nodes = DIDS.subList(2, 5);
    int min = 2;
    int kind = ModelKind.LOGISTIC.ordinal();
    int outputWidth = 1;
    long learningRateBits = Double.doubleToLongBits(0.05);
    int batchSize = 256;
    int maxEpochs = 10;
    int patience = 3;
    int fractionBits = 16;
    long seed = 7;
    int validationPermille = 100;
    int testPermille = 100;
    long roundTimeoutMs = 60_000;

    byte[] bytes() {
      CanonicalWriter writer = new CanonicalWriter().writeString(id);
      writer.writeList(IntStream.range(0, holders.size()).boxed().toList(), (w, i) -> {
        holders.get(i).writeTo(w);
        w.writeI32(widths.get(i));
      });
      writer.writeI32(ownerWidth).writeList(nodes, (w, d) -> d.writeTo(w)).writeI32(min);
      writer.writeU8(kind).writeI32(outputWidth);
      writer.writeI64(learningRateBits).writeI32(batchSize).writeI32(maxEpochs).writeI32(patience)
          .writeI32(fractionBits).writeI64(seed).writeI32(validationPermille).writeI32(testPermille)
          .writeI64(roundTimeoutMs);
      return writer.toByteArray();
    }

    FeatureTask build() {
      List<DataHolder> dataHolders = IntStream.range(0, holders.size())
          .mapToObj(i -> new DataHolder(holders.get(i), widths.get(i))).toList();
      return new FeatureTask(id, dataHolders, ownerWidth, nodes, min,
          new TopModel(ModelKind.values()[kind], outputWidth),
          new HyperParameters(Double.longBitsToDouble(learningRateBits), batchSize, maxEpochs, patience, fractionBits,
              seed, validationPermille, testPermille, roundTimeoutMs));
    }
  }

  private static void assertField(java.util.function.Consumer<RawTask> change, String expected) {
    RawTask task = new RawTask();
    change.accept(task);
    assertBothRefused(task, expected);
  }

  private static void assertBothRefused(RawTask task, String expected) {
    assertReadRefused(task.bytes(), FeatureTask::read, expected);
    assertBuildRefused(task::build, expected);
  }

  private static void assertCommitmentRefused(String id, int round, long rows, List<Did> active,
      List<PartyDigest> digests, int auc, String expected) {
    assertReadRefused(FeaturesRefusalTest.rawCommitment(id, round, rows, active, digests, auc), RoundCommitment::read,
        expected);
    assertBuildRefused(() -> new RoundCommitment(id, round, rows, active, digests, auc), expected);
  }

  private static void assertModelRefused(int round, int epochs, int validation, int testAuc, int testKs,
      String expected) {
    byte[] bytes = new CanonicalWriter().writeString("t-1").writeI32(round).writeFixedBytes(H2.toByteArray())
        .writeI32(epochs).writeI32(validation).writeI32(testAuc).writeI32(testKs).toByteArray();
    assertReadRefused(bytes, ModelRegistration::read, expected);
    assertBuildRefused(() -> new ModelRegistration("t-1", round, H2, epochs, validation, testAuc, testKs), expected);
  }

  private static void assertEndRefused(String id, TaskOutcome outcome, String reason, Optional<Did> lost,
      String expected) {
    assertReadRefused(rawEnd(id, outcome.ordinal(), reason, lost), TaskEnd::read, expected);
    assertBuildRefused(() -> new TaskEnd(id, outcome, reason, lost), expected);
  }

  private static byte[] rawEnd(String id, int outcome, String reason, Optional<Did> lost) {
    CanonicalWriter writer = new CanonicalWriter().writeString(id).writeU8(outcome).writeString(reason)
        .writeBoolean(lost.isPresent());
    lost.ifPresent(d -> d.writeTo(writer));
    return writer.toByteArray();
  }

  /** Digests of DIDS[from, to): the first {@code withModel} carry a model digest, the rest not. */
  private static List<PartyDigest> digests(int from, int to, int withModel) {
    List<PartyDigest> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i - from < withModel ? PartyDigest.withModel(DIDS.get(i), H1, H2)
          : PartyDigest.withoutModel(DIDS.get(i), H1));
    }
    return out;
  }

  private static <T> void assertReadRefused(byte[] bytes, CanonicalDecoder<T> decoder, String expected) {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, decoder));
    assertTrue("'" + e.getMessage() + "' should name '" + expected + "'", e.getMessage().contains(expected));
  }

  private static void assertBuildRefused(ThrowingRunnable build, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue("'" + e.getMessage() + "' should name '" + expected + "'", e.getMessage().contains(expected));
  }
}
