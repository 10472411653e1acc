package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The payload of {@code register-task}: a shared feature learning task whose owner (the submitter, who holds
 * the labels and {@code ownerWidth} features of its own) trains with 1 to {@link #MAX_HOLDERS} data holders and
 * 2 to {@link #MAX_COMPUTE_NODES} compute nodes. Each round every holder secret-shares Z_i = X_i·W_i to the
 * compute nodes, so at least {@code minComputeNodes} must take part for the shares to add up without any one
 * node seeing a Z_i. Holders and compute nodes are sorted by DID and distinct, and no compute node is a holder;
 * that none is the owner the contract checks, since the owner is the submitter.
 */
public record FeatureTask(String taskId, List<DataHolder> holders, int ownerWidth, List<Did> computeNodes,
    int minComputeNodes, TopModel model, HyperParameters hyperParameters) implements CanonicalEncodable {
  public static final int MAX_HOLDERS = 8;
  public static final int MIN_COMPUTE_NODES = 2;
  public static final int MAX_COMPUTE_NODES = 8;
  /** The owner may bring no features at all, only labels. */
  public static final int MAX_OWNER_WIDTH = DataHolder.MAX_FEATURE_WIDTH;

  public FeatureTask {
    holders = List.copyOf(holders);
    computeNodes = List.copyOf(computeNodes);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(hyperParameters, "hyperParameters");
    String problem = problem(taskId, holders, ownerWidth, computeNodes, minComputeNodes);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static FeatureTask read(CanonicalReader reader) throws CanonicalFormatException {
    String taskId = TaskIds.read(reader);
    List<DataHolder> holders = reader.readList(DataHolder::read, MAX_HOLDERS);
    int ownerWidth = reader.readI32();
    List<Did> computeNodes = reader.readList(Did::read, MAX_COMPUTE_NODES);
    int minComputeNodes = reader.readI32();
    TopModel model = TopModel.read(reader);
    HyperParameters hyperParameters = HyperParameters.read(reader);
    String problem = problem(taskId, holders, ownerWidth, computeNodes, minComputeNodes);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new FeatureTask(taskId, holders, ownerWidth, computeNodes, minComputeNodes, model, hyperParameters);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(taskId);
    writer.writeList(holders, (w, h) -> h.writeTo(w));
    writer.writeI32(ownerWidth);
    writer.writeList(computeNodes, (w, d) -> d.writeTo(w));
    writer.writeI32(minComputeNodes);
    model.writeTo(writer);
    hyperParameters.writeTo(writer);
  }

  /** The holders' DIDs, in DID order. */
  public List<Did> holderDids() {
    return holders.stream().map(DataHolder::did).toList();
  }

  public boolean isHolder(Did did) {
    return holders.stream().anyMatch(h -> h.did().equals(did));
  }

  public boolean isComputeNode(Did did) {
    return computeNodes.contains(did);
  }

  private static String problem(String taskId, List<DataHolder> holders, int ownerWidth, List<Did> computeNodes,
      int minComputeNodes) {
    String problem = TaskIds.problem(taskId);
    if (problem != null) {
      return problem;
    }
    if (holders.isEmpty() || holders.size() > MAX_HOLDERS) {
      return "task " + taskId + " has " + holders.size() + " data holders; a task has 1 to " + MAX_HOLDERS;
    }
    List<Did> holderDids = holders.stream().map(DataHolder::did).toList();
    problem = DidOrder.problem("the data holders of task " + taskId, holderDids);
    if (problem != null) {
      return problem;
    }
    if (ownerWidth < 0 || ownerWidth > MAX_OWNER_WIDTH) {
      return "the owner of task " + taskId + " has feature width " + ownerWidth + "; an owner brings 0 to "
          + MAX_OWNER_WIDTH + " features";
    }
    if (computeNodes.size() < MIN_COMPUTE_NODES || computeNodes.size() > MAX_COMPUTE_NODES) {
      return "task " + taskId + " has " + computeNodes.size() + " compute nodes; a task has " + MIN_COMPUTE_NODES
          + " to " + MAX_COMPUTE_NODES;
    }
    problem = DidOrder.problem("the compute nodes of task " + taskId, computeNodes);
    if (problem != null) {
      return problem;
    }
    Set<Did> holderSet = new HashSet<>(holderDids);
    for (Did node : computeNodes) {
      if (holderSet.contains(node)) {
        // A compute node that is also a holder would hold a share of its own Z_i and of the others' sums.
        return "compute node " + node + " of task " + taskId + " is also one of its data holders; a compute node"
            + " is neither a holder nor the owner";
      }
    }
    if (minComputeNodes < MIN_COMPUTE_NODES || minComputeNodes > computeNodes.size()) {
      return "task " + taskId + " needs " + minComputeNodes + " compute nodes per round; the minimum must be "
          + MIN_COMPUTE_NODES + " to its " + computeNodes.size() + " compute nodes";
    }
    return null;
  }
}
