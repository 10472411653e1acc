package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.List;

/**
 * The payload of {@code commit-round}: the owner's record of one finished round (epoch). {@code alignedRows}
 * is the size of the PSI intersection the task trains on, the same in every round. The active compute nodes
 * are those the round's shares went to: all registered ones, or after a dropout the ones that remain. There is
 * one {@link PartyDigest} per party of the round (owner, every holder, every active compute node), sorted by
 * DID; the contract checks the set. The validation AUC, in millionths, is public so that anyone can see why
 * early stopping picked the round it did.
 */
public record RoundCommitment(String taskId, int round, long alignedRows, List<Did> activeComputeNodes,
    List<PartyDigest> partyDigests, int validationAucMicros) implements CanonicalEncodable {
  public static final int MAX_PARTIES = 1 + FeatureTask.MAX_HOLDERS + FeatureTask.MAX_COMPUTE_NODES;
  public static final int MAX_MICROS = 1_000_000;

  public RoundCommitment {
    activeComputeNodes = List.copyOf(activeComputeNodes);
    partyDigests = List.copyOf(partyDigests);
    String problem = problem(taskId, round, alignedRows, activeComputeNodes, partyDigests, validationAucMicros);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static RoundCommitment read(CanonicalReader reader) throws CanonicalFormatException {
    String taskId = TaskIds.read(reader);
    int round = reader.readI32();
    long alignedRows = reader.readI64();
    List<Did> active = reader.readList(Did::read, FeatureTask.MAX_COMPUTE_NODES);
    List<PartyDigest> digests = reader.readList(PartyDigest::read, MAX_PARTIES);
    int validationAucMicros = reader.readI32();
    String problem = problem(taskId, round, alignedRows, active, digests, validationAucMicros);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new RoundCommitment(taskId, round, alignedRows, active, digests, validationAucMicros);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(taskId).writeI32(round).writeI64(alignedRows);
    writer.writeList(activeComputeNodes, (w, d) -> d.writeTo(w));
    writer.writeList(partyDigests, (w, d) -> d.writeTo(w));
    writer.writeI32(validationAucMicros);
  }

  /** Names the task and round and counts the parties; the digests make a long line and add nothing to it. */
  @Override
  public String toString() {
    return "RoundCommitment[" + taskId + ", round " + round + ", " + alignedRows + " rows, "
        + activeComputeNodes.size() + " active compute nodes, " + partyDigests.size() + " digests]";
  }

  static String micros(String what, int value) {
    if (value < 0 || value > MAX_MICROS) {
      return what + " must be 0 to " + MAX_MICROS + " millionths, not " + value;
    }
    return null;
  }

  private static String problem(String taskId, int round, long alignedRows, List<Did> active,
      List<PartyDigest> digests, int validationAucMicros) {
    String problem = TaskIds.problem(taskId);
    if (problem != null) {
      return problem;
    }
    if (round < 1 || round > HyperParameters.MAX_EPOCHS) {
      return "round " + round + " of task " + taskId + " must be 1 to " + HyperParameters.MAX_EPOCHS;
    }
    if (alignedRows < 1) {
      return "round " + round + " of task " + taskId + " aligns " + alignedRows + " rows; a round trains on at least 1";
    }
    if (active.size() < FeatureTask.MIN_COMPUTE_NODES || active.size() > FeatureTask.MAX_COMPUTE_NODES) {
      return "round " + round + " of task " + taskId + " has " + active.size() + " active compute nodes; a round has "
          + FeatureTask.MIN_COMPUTE_NODES + " to " + FeatureTask.MAX_COMPUTE_NODES;
    }
    problem = DidOrder.problem("the active compute nodes of round " + round + " of task " + taskId, active);
    if (problem != null) {
      return problem;
    }
    if (digests.isEmpty()) {
      return "round " + round + " of task " + taskId + " has no party digest";
    }
    problem = DidOrder.problem("the party digests of round " + round + " of task " + taskId,
        digests.stream().map(PartyDigest::party).toList());
    if (problem != null) {
      return problem;
    }
    return micros("the validation AUC of round " + round + " of task " + taskId, validationAucMicros);
  }
}
