package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the ledger keeps of one task: its registration and owner, its committed rounds (1, 2, ... in order),
 * its model once registered and its ending once ended. Immutable: each step returns a new TrainingTask.
 *
 * <p>The rules that depend only on the task (the next round number, the parties of a round, the model hash,
 * who may end it how) are the {@code ...Problem} methods here, which {@link TaskSteps} calls before each step
 * and {@link #read} calls again on every round, model and ending of a snapshot; so a rule cannot be checked
 * one way on apply and another on read. Membership and submitter checks, which depend on more than the task,
 * are {@link TaskSteps}' alone.
 *
 * <p>Hash: a task keeps a running hash over its rounds (each round's hash chained onto the previous), so
 * committing a round hashes that round, not all of them; the task's hash covers everything else plus that
 * chain, and is computed at most once per task object. Equal tasks give equal hashes, as hashing the whole
 * encoding would, at a cost per block that does not grow with the rounds held.
 */
public final class TrainingTask implements CanonicalEncodable {
  private static final SigningDomain HASH_DOMAIN = SigningDomain.of("consilium/features/task-hash/v1");
  private static final Sha256Hash NO_ROUNDS = Sha256Hash.fromBytes(new byte[Sha256Hash.LENGTH_BYTES]);

  private final FeatureTask registration;
  private final Did owner;
  private final long registeredAtMs;
  private final List<CommittedRound> rounds;
  private final Sha256Hash roundsChain;
  private final ModelRegistration model; // null until registered
  private final TaskEnding ending; // null while running
  // Immutable, so its hash never changes: the state's hash reads it at every block, computed at most once.
  private volatile Sha256Hash hash;

  private TrainingTask(FeatureTask registration, Did owner, long registeredAtMs, List<CommittedRound> rounds,
      Sha256Hash roundsChain, ModelRegistration model, TaskEnding ending) {
    this.registration = registration;
    this.owner = owner;
    this.registeredAtMs = registeredAtMs;
    this.rounds = Collections.unmodifiableList(rounds);
    this.roundsChain = roundsChain;
    this.model = model;
    this.ending = ending;
  }

  /** A fresh task from an accepted {@code register-task}. */
  static TrainingTask registered(FeatureTask registration, Did owner, long timestampMs) {
    String problem = registrationProblem(registration, owner);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    return new TrainingTask(Objects.requireNonNull(registration), owner, timestampMs, List.of(), NO_ROUNDS, null,
        null);
  }

  /** Reads a task and checks every rule of its steps again, as if replaying them. */
  static TrainingTask read(CanonicalReader reader) throws CanonicalFormatException {
    FeatureTask registration = FeatureTask.read(reader);
    Did owner = Did.read(reader);
    long registeredAtMs = reader.readI64();
    String problem = registrationProblem(registration, owner);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    TrainingTask task = new TrainingTask(registration, owner, registeredAtMs, List.of(), NO_ROUNDS, null, null);
    for (CommittedRound round : reader.readList(CommittedRound::read, HyperParameters.MAX_EPOCHS)) {
      task = task.withRound(require(reader, task.roundProblem(round.commitment()), round));
    }
    if (reader.readBoolean()) {
      ModelRegistration model = ModelRegistration.read(reader);
      task = task.withModel(require(reader, task.modelProblem(model), model));
    }
    if (reader.readBoolean()) {
      TaskEnding ending = TaskEnding.read(reader);
      task = task.ended(require(reader, task.endProblem(ending.end(), ending.endedBy()), ending));
    }
    return task;
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writeHeader(writer);
    writer.writeList(rounds, (w, r) -> r.writeTo(w));
    writeTail(writer);
  }

  /** The SHA-256 this task contributes to the features state's hash; computed once. */
  Sha256Hash hash() {
    Sha256Hash h = hash;
    if (h == null) {
      CanonicalWriter writer = new CanonicalWriter().writeDomain(HASH_DOMAIN);
      writeHeader(writer);
      writer.writeI32(rounds.size()).writeFixedBytes(roundsChain.toByteArray());
      writeTail(writer);
      h = Sha256.digest(writer.toByteArray());
      hash = h;
    }
    return h;
  }

  // ---- the rules that depend on the task alone

  /** Why {@code owner} cannot register {@code registration}, or null: the owner is neither holder nor compute node. */
  static String registrationProblem(FeatureTask registration, Did owner) {
    if (registration.isHolder(owner)) {
      return "the owner " + owner + " of task " + registration.taskId() + " cannot also be one of its data holders";
    }
    if (registration.isComputeNode(owner)) {
      return "the owner " + owner + " of task " + registration.taskId() + " cannot also be one of its compute nodes;"
          + " a compute node is neither a holder nor the owner";
    }
    return null;
  }

  /** Why {@code commitment} cannot be this task's next round, or null. */
  String roundProblem(RoundCommitment commitment) {
    String taskId = taskId();
    int round = commitment.round();
    if (!commitment.taskId().equals(taskId)) {
      return "a round of task " + commitment.taskId() + " is filed under task " + taskId;
    }
    String ended = endedProblem("round");
    if (ended != null) {
      return ended;
    }
    if (model != null) {
      return "task " + taskId + " registered its model from round " + model.round() + "; no round after the model";
    }
    if (round != rounds.size() + 1) {
      return "round " + round + " of task " + taskId + " is not the next: " + (rounds.isEmpty()
          ? "no round is committed yet, so the next is 1"
          : "the last committed is " + rounds.size() + ", so the next is " + (rounds.size() + 1));
    }
    int maxEpochs = registration.hyperParameters().maxEpochs();
    if (round > maxEpochs) {
      return "round " + round + " of task " + taskId + " is beyond its max epochs of " + maxEpochs;
    }
    if (!rounds.isEmpty() && commitment.alignedRows() != rounds.get(0).alignedRows()) {
      return "round " + round + " of task " + taskId + " aligns " + commitment.alignedRows() + " rows, but round 1"
          + " aligned " + rounds.get(0).alignedRows() + "; the intersection is the same in every round";
    }
    for (Did node : commitment.activeComputeNodes()) {
      if (!registration.isComputeNode(node)) {
        return "active compute node " + node + " of round " + round + " is not a compute node of task " + taskId;
      }
    }
    if (commitment.activeComputeNodes().size() < registration.minComputeNodes()) {
      return "round " + round + " of task " + taskId + " has " + commitment.activeComputeNodes().size()
          + " active compute nodes, below its minimum of " + registration.minComputeNodes();
    }
    return digestsProblem(commitment);
  }

  /** Why {@code registration} cannot be this task's model, or null. */
  String modelProblem(ModelRegistration registered) {
    String taskId = taskId();
    if (!registered.taskId().equals(taskId)) {
      return "a model of task " + registered.taskId() + " is filed under task " + taskId;
    }
    String ended = endedProblem("model");
    if (ended != null) {
      return ended;
    }
    if (model != null) {
      return "task " + taskId + " already registered its model, from round " + model.round()
          + "; a task registers one model";
    }
    if (rounds.isEmpty()) {
      return "task " + taskId + " has committed no round; its model takes a committed round";
    }
    int round = registered.round();
    if (round > rounds.size()) {
      return "the model of task " + taskId + " takes round " + round + ", but the last committed is " + rounds.size();
    }
    Sha256Hash expected = rounds.get(round - 1).modelHash();
    if (!expected.equals(registered.modelHash())) {
      return "model hash " + registered.modelHash() + " of task " + taskId + " does not match round " + round
          + "'s model hash " + expected + " over the owner's and holders' model digests";
    }
    if (registered.epochsTrained() < round || registered.epochsTrained() > rounds.size()) {
      return "the model of task " + taskId + " was trained " + registered.epochsTrained() + " epochs; it takes round "
          + round + " and " + rounds.size() + " rounds are committed, so it was trained " + round + " to "
          + rounds.size();
    }
    return null;
  }

  /**
   * Why {@code endedBy} cannot end this task with {@code end}, or null. The owner may end it any way; a holder or
   * compute node only as participant-lost naming the owner, so a task whose owner vanished still ends.
   */
  String endProblem(TaskEnd end, Did endedBy) {
    String taskId = taskId();
    if (!end.taskId().equals(taskId)) {
      return "an end of task " + end.taskId() + " is filed under task " + taskId;
    }
    String ended = endedProblem("end");
    if (ended != null) {
      return ended;
    }
    boolean byOwner = endedBy.equals(owner);
    if (!byOwner && !isParty(endedBy)) {
      return "only the owner or a party of task " + taskId + " may end it; " + endedBy + " is neither";
    }
    if (!byOwner && (end.outcome() != TaskOutcome.PARTICIPANT_LOST || !end.lostParty().equals(Optional.of(owner)))) {
      return "a holder or compute node may end task " + taskId + " only as participant-lost naming its owner "
          + owner + "; " + endedBy + " ends it " + end.outcome()
          + end.lostParty().map(lost -> " naming " + lost).orElse("");
    }
    if (end.outcome() == TaskOutcome.COMPLETED && model == null) {
      return "task " + taskId + " cannot end completed without a registered model; register-model first";
    }
    if (end.lostParty().isPresent()) {
      Did lost = end.lostParty().get();
      if (!isParty(lost)) {
        return "lost party " + lost + " is not a party of task " + taskId;
      }
      if (lost.equals(endedBy)) {
        return endedBy + " cannot end task " + taskId + " naming itself the lost party";
      }
    }
    return null;
  }

  // ---- steps: each returns a new task, after its problem method accepted the step

  TrainingTask withRound(CommittedRound round) {
    Sha256Hash chain = Sha256.digest(roundsChain.toByteArray(), round.toCanonicalBytes());
    List<CommittedRound> next = new ArrayList<>(rounds.size() + 1);
    next.addAll(rounds);
    next.add(round);
    return new TrainingTask(registration, owner, registeredAtMs, next, chain, model, ending);
  }

  TrainingTask withModel(ModelRegistration registered) {
    return new TrainingTask(registration, owner, registeredAtMs, rounds, roundsChain, registered, ending);
  }

  TrainingTask ended(TaskEnding end) {
    return new TrainingTask(registration, owner, registeredAtMs, rounds, roundsChain, model, end);
  }

  // ---- what the roles side reads

  public String taskId() {
    return registration.taskId();
  }

  public FeatureTask registration() {
    return registration;
  }

  public Did owner() {
    return owner;
  }

  /** The timestamp of the block that registered the task. */
  public long registeredAtMs() {
    return registeredAtMs;
  }

  public TaskStatus status() {
    return ending == null ? TaskStatus.RUNNING : TaskStatus.ENDED;
  }

  /** The number of the last committed round; 0 before the first. */
  public int lastCommittedRound() {
    return rounds.size();
  }

  /** The committed rounds in order: index i holds round i + 1. */
  public List<CommittedRound> rounds() {
    return rounds;
  }

  /** Committed round {@code round}, counting from 1. */
  public Optional<CommittedRound> round(int round) {
    return round >= 1 && round <= rounds.size() ? Optional.of(rounds.get(round - 1)) : Optional.empty();
  }

  public Optional<ModelRegistration> model() {
    return Optional.ofNullable(model);
  }

  public Optional<TaskEnding> ending() {
    return Optional.ofNullable(ending);
  }

  public Optional<TaskOutcome> outcome() {
    return ending().map(e -> e.end().outcome());
  }

  public Optional<String> reason() {
    return ending().map(e -> e.end().reason());
  }

  /** The owner, the holders and every registered compute node, in DID order. */
  public SortedSet<Did> parties() {
    SortedSet<Did> parties = new TreeSet<>(registration.holderDids());
    parties.addAll(registration.computeNodes());
    parties.add(owner);
    return Collections.unmodifiableSortedSet(parties);
  }

  public boolean isParty(Did did) {
    return owner.equals(did) || registration.isHolder(did) || registration.isComputeNode(did);
  }

  /**
   * The rounds this task may still hold: while it runs, room for every epoch it may train; once ended, the rounds
   * it committed. The features state reserves this much at registration, so a running task never meets a full
   * state mid-training.
   */
  public int heldRounds() {
    return ending == null ? registration.hyperParameters().maxEpochs() : rounds.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingTask other && hash().equals(other.hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "TrainingTask[" + taskId() + ", " + status() + outcome().map(o -> " " + o).orElse("") + ", owner="
        + owner + ", " + registration.holders().size() + " holders, " + registration.computeNodes().size()
        + " compute nodes, " + rounds.size() + "/" + registration.hyperParameters().maxEpochs() + " rounds"
        + (model == null ? "" : ", model from round " + model.round()) + "]";
  }

  private String endedProblem(String what) {
    if (ending == null) {
      return null;
    }
    return "task " + taskId() + " ended " + ending.end().outcome() + "; no " + what + " after it ends";
  }

  /** The digests name the owner, every holder and every active compute node, each once, and no one else. */
  private String digestsProblem(RoundCommitment commitment) {
    String prefix = "round " + commitment.round() + " of task " + taskId();
    SortedSet<Did> expected = new TreeSet<>(registration.holderDids());
    expected.addAll(commitment.activeComputeNodes());
    expected.add(owner);
    SortedSet<Did> present = new TreeSet<>();
    for (PartyDigest digest : commitment.partyDigests()) {
      Did party = digest.party();
      if (!expected.contains(party)) {
        return prefix + " has a digest from " + party + (registration.isComputeNode(party)
            ? ", a compute node not active in the round" : ", which is not a party of the task");
      }
      boolean holdsModel = !registration.isComputeNode(party);
      if (holdsModel && digest.modelDigest().isEmpty()) {
        return prefix + ": the digest of " + party + " lacks a model digest; the owner and every holder commit one";
      }
      if (!holdsModel && digest.modelDigest().isPresent()) {
        return prefix + ": the digest of compute node " + party + " carries a model digest; a compute node holds"
            + " no model";
      }
      present.add(party);
    }
    for (Did party : expected) {
      if (!present.contains(party)) {
        return prefix + " has no digest from " + party + "; every party of the round commits one";
      }
    }
    return null;
  }

  private void writeHeader(CanonicalWriter writer) {
    registration.writeTo(writer);
    owner.writeTo(writer);
    writer.writeI64(registeredAtMs);
  }

  private void writeTail(CanonicalWriter writer) {
    writer.writeBoolean(model != null);
    if (model != null) {
      model.writeTo(writer);
    }
    writer.writeBoolean(ending != null);
    if (ending != null) {
      ending.writeTo(writer);
    }
  }

  private static <T> T require(CanonicalReader reader, String problem, T value) throws CanonicalFormatException {
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return value;
  }
}
