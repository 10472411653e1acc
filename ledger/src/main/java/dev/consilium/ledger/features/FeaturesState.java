package dev.consilium.ledger.features;

import dev.consilium.ledger.contract.ContractState;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every shared feature learning task by id. Immutable. Canonical form: the tasks ordered by task id
 * ([a-z0-9-], so string order is byte order), each id followed by its {@link TrainingTask}. The
 * {@link FeaturesBounds} are checked on registration and again when a state is read. Tasks are never removed, so
 * a task id is registered once, ever; pruning ended tasks is future work.
 */
public final class FeaturesState implements ContractState {
  private static final SigningDomain HASH_DOMAIN = SigningDomain.of("consilium/features/state-hash/v1");

  private final SortedMap<String, TrainingTask> tasks;
  private final int heldRounds;
  private volatile Sha256Hash hash; // immutable state: computed at most once

  private FeaturesState(SortedMap<String, TrainingTask> tasks) {
    this.tasks = Collections.unmodifiableSortedMap(tasks);
    long rounds = 0;
    for (TrainingTask task : tasks.values()) {
      rounds += task.heldRounds();
    }
    // At most 10,000 tasks of at most 1,000 rounds each: never past int range, checked anyway.
    this.heldRounds = Math.toIntExact(rounds);
  }

  static FeaturesState empty() {
    return new FeaturesState(new TreeMap<>());
  }

  static FeaturesState read(CanonicalReader reader, FeaturesBounds bounds) throws CanonicalFormatException {
    List<Map.Entry<String, TrainingTask>> list = reader.readList(FeaturesState::readEntry, bounds.maxTasks());
    SortedMap<String, TrainingTask> tasks = new TreeMap<>();
    String previous = null;
    for (Map.Entry<String, TrainingTask> entry : list) {
      if (previous != null && previous.compareTo(entry.getKey()) >= 0) {
        throw reader.malformed("tasks must be sorted by id and distinct; " + entry.getKey() + " follows " + previous);
      }
      tasks.put(entry.getKey(), entry.getValue());
      previous = entry.getKey();
    }
    FeaturesState state = new FeaturesState(tasks);
    if (state.heldRounds > bounds.maxHeldRounds()) {
      throw reader.malformed("the features state holds " + state.heldRounds + " rounds, over its maximum of "
          + bounds.maxHeldRounds());
    }
    return state;
  }

  /**
   * The hash the block's state root takes: SHA-256 over a domain, then each task's id and its hash, in id order.
   * A step rehashes only the task it changed (a {@link TrainingTask} keeps its hash), not every task held.
   */
  @Override
  public Sha256Hash stateHash() {
    Sha256Hash h = hash;
    if (h == null) {
      CanonicalWriter writer = new CanonicalWriter().writeDomain(HASH_DOMAIN);
      writer.writeList(new ArrayList<>(tasks.entrySet()), (w, e) -> {
        w.writeString(e.getKey());
        w.writeFixedBytes(e.getValue().hash().toByteArray());
      });
      h = Sha256.digest(writer.toByteArray());
      hash = h;
    }
    return h;
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeList(new ArrayList<>(tasks.entrySet()), (w, e) -> {
      w.writeString(e.getKey());
      e.getValue().writeTo(w);
    });
  }

  public Optional<TrainingTask> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId));
  }

  /** Every task, by id. */
  public SortedMap<String, TrainingTask> tasks() {
    return tasks;
  }

  public int size() {
    return tasks.size();
  }

  /** The rounds every task holds or has reserved ({@link TrainingTask#heldRounds()}), summed. */
  public int heldRounds() {
    return heldRounds;
  }

  /** A copy with a new task; copies the map, as the other contract states do. */
  FeaturesState withNew(TrainingTask task) {
    if (tasks.containsKey(task.taskId())) {
      throw new IllegalStateException("task " + task.taskId() + " exists; validate must refuse a duplicate");
    }
    return with(task);
  }

  /** A copy with an existing task replaced. */
  FeaturesState withUpdated(TrainingTask task) {
    if (!tasks.containsKey(task.taskId())) {
      throw new IllegalStateException("task " + task.taskId() + " does not exist; validate must refuse the step");
    }
    return with(task);
  }

  @Override
  public String toString() {
    return "FeaturesState[" + tasks.size() + " tasks, " + heldRounds + " rounds held]";
  }

  private FeaturesState with(TrainingTask task) {
    SortedMap<String, TrainingTask> next = new TreeMap<>(tasks);
    next.put(task.taskId(), task);
    return new FeaturesState(next);
  }

  private static Map.Entry<String, TrainingTask> readEntry(CanonicalReader reader) throws CanonicalFormatException {
    String taskId = TaskIds.read(reader);
    TrainingTask task = TrainingTask.read(reader);
    if (!task.taskId().equals(taskId)) {
      throw reader.malformed("task " + task.taskId() + " is filed under id " + taskId);
    }
    return Map.entry(taskId, task);
  }
}
