package dev.consilium.roles.features.task;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.AskPattern;
import dev.consilium.ledger.features.FeaturesContract;
import dev.consilium.ledger.features.FeaturesState;
import dev.consilium.ledger.features.TaskOutcome;
import dev.consilium.ledger.features.TaskStatus;
import dev.consilium.ledger.features.TrainingTask;
import dev.consilium.ledger.identity.Did;
import dev.consilium.roles.features.compute.ComputeNode;
import dev.consilium.roles.features.holder.FeatureHolder;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.runtime.discovery.Directory;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.replication.LedgerFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Where a feature-learning actor finds a task and its parties: the task in the committed ledger state its
 * follower has checked, and the parties' actors through the directory, under their DIDs. This member's
 * replica may lag the owner's, and the receptionist may not have spread a registration yet, so both are
 * asked again a few times before the answer says what is missing.
 */
public final class TaskLookup {
  /** Tries before a missing task or actor counts as missing. */
  static final int ATTEMPTS = 20;

  private final ActorRef<LedgerFollower.Command> follower;
  private final ActorRef<Directory.Command> directory;
  private final Duration askTimeout;
  private final long retryDelayMs;

  public TaskLookup(ActorRef<LedgerFollower.Command> follower, ActorRef<Directory.Command> directory,
      Duration askTimeout, long retryDelayMs) {
    this.follower = follower;
    this.directory = directory;
    this.askTimeout = askTimeout;
    this.retryDelayMs = retryDelayMs;
  }

  /** What {@link #find} tells: the running task (if the ledger shows it), its owner's actor, or a problem. */
  @FunctionalInterface
  public interface TaskFound<T> {
    T apply(Optional<TaskView> task, Optional<ActorRef<TaskOwner.Command>> owner, String problem);
  }

  /** What {@link #findAll} tells: the actors found by DID, and which were not, if any. */
  @FunctionalInterface
  public interface ActorsFound<T, A> {
    T apply(Map<Did, ActorRef<A>> actors, String problem);
  }

  /** What {@link #findPeers} tells the owner: every holder's and compute node's actor, or what is missing. */
  @FunctionalInterface
  public interface PeersFound<T> {
    T apply(Map<Did, ActorRef<FeatureHolder.Command>> holders, Map<Did, ActorRef<ComputeNode.Command>> computes,
        String problem);
  }

  /**
   * Finds task {@code taskId}, running or completed with a model, and its owner's actor; the answer arrives at
   * {@code context}'s actor.
   */
  public <T> void find(String taskId, ActorContext<T> context, TaskFound<T> adapt) {
    ActorSystem<?> system = context.getSystem();
    CompletionStage<Optional<TaskView>> task = task(system, taskId, TaskLookup::serving, ATTEMPTS);
    CompletionStage<T> answer = task.thenCompose(found -> {
      if (found.isEmpty()) {
        return CompletableFuture.completedFuture(adapt.apply(found, Optional.empty(),
            "the ledger shows no task " + taskId + " running or completed with a model"));
      }
      return actors(system, TaskOwner.KEY, List.of(found.get().owner()), ATTEMPTS).thenApply(owners -> {
        Optional<ActorRef<TaskOwner.Command>> owner = Optional.ofNullable(owners.get(found.get().owner()));
        return adapt.apply(found, owner, owner.isEmpty() ? "no actor found for the owner of task " + taskId : null);
      });
    });
    context.pipeToSelf(answer, (result, failure) -> result != null ? result
        : adapt.apply(Optional.empty(), Optional.empty(), "looking up task " + taskId + " failed: " + failure));
  }

  /** Finds the actors of {@code key} of every DID in {@code dids}. */
  public <T, A> void findAll(ProtocolKey<A> key, Collection<Did> dids, ActorContext<T> context,
      ActorsFound<T, A> adapt) {
    context.pipeToSelf(actors(context.getSystem(), key, List.copyOf(dids), ATTEMPTS), (found, failure) -> {
      Map<Did, ActorRef<A>> actors = found != null ? found : Map.of();
      List<Did> missing = new ArrayList<>(dids);
      missing.removeAll(actors.keySet());
      return adapt.apply(actors, missing.isEmpty() ? null : "no " + key.protocol() + " actor found for " + missing);
    });
  }

  /** Finds every holder's and compute node's actor of {@code task}, for its owner. */
  public <T> void findPeers(TaskView task, ActorContext<T> context, PeersFound<T> adapt) {
    ActorSystem<?> system = context.getSystem();
    CompletionStage<Map<Did, ActorRef<FeatureHolder.Command>>> holders = actors(system, FeatureHolder.KEY,
        task.holders(), ATTEMPTS);
    CompletionStage<Map<Did, ActorRef<ComputeNode.Command>>> computes = actors(system, ComputeNode.KEY,
        task.computeNodes(), ATTEMPTS);
    context.pipeToSelf(holders.thenCombine(computes, (h, c) -> {
      List<Did> missing = new ArrayList<>(task.holders());
      missing.removeAll(h.keySet());
      List<Did> missingNodes = new ArrayList<>(task.computeNodes());
      missingNodes.removeAll(c.keySet());
      String problem = missing.isEmpty() && missingNodes.isEmpty() ? null
          : "not found: holders " + missing + ", compute nodes " + missingNodes;
      return adapt.apply(h, c, problem);
    }), (result, failure) -> result != null ? result
        : adapt.apply(Map.of(), Map.of(), "looking up the parties failed: " + failure));
  }

  /** The running task {@code taskId} as the committed ledger shows it, asked again while this replica lags. */
  public CompletionStage<Optional<TaskView>> runningTask(ActorSystem<?> system, String taskId) {
    return task(system, taskId, TaskLookup::running, ATTEMPTS);
  }

  /** Task {@code taskId} if the committed ledger shows it completed with a registered model (to score with). */
  public CompletionStage<Optional<TaskView>> completedTask(ActorSystem<?> system, String taskId) {
    return task(system, taskId, TaskLookup::completed, ATTEMPTS);
  }

  private static boolean running(TrainingTask task) {
    return task.status() == TaskStatus.RUNNING;
  }

  private static boolean completed(TrainingTask task) {
    return task.status() == TaskStatus.ENDED && task.outcome().orElse(null) == TaskOutcome.COMPLETED
        && task.model().isPresent();
  }

  /** A task shares may flow for: one training, or a completed one whose model scores new rows. */
  private static boolean serving(TrainingTask task) {
    return running(task) || completed(task);
  }

  private CompletionStage<Optional<TaskView>> task(ActorSystem<?> system, String taskId,
      Predicate<TrainingTask> wanted, int attemptsLeft) {
    CompletionStage<LedgerFollower.Followed> latest = AskPattern.ask(follower, LedgerFollower.GetLatest::new,
        askTimeout, system.scheduler());
    return latest.handle((followed, failure) -> {
      if (followed == null || !followed.hasHead()) {
        return Optional.<TaskView>empty();
      }
      FeaturesState state = (FeaturesState) followed.state().contractState(FeaturesContract.NAME);
      Optional<TrainingTask> task = state.task(taskId);
      if (task.isEmpty() || !wanted.test(task.get())) {
        return Optional.<TaskView>empty();
      }
      return Optional.of(TaskView.of(task.get().owner(), task.get().registration()));
    }).thenCompose(found -> found.isPresent() || attemptsLeft <= 1 ? CompletableFuture.completedFuture(found)
        : later().thenCompose(ignored -> task(system, taskId, wanted, attemptsLeft - 1)));
  }

  private <A> CompletionStage<Map<Did, ActorRef<A>>> actors(ActorSystem<?> system, ProtocolKey<A> key, List<Did> dids,
      int attemptsLeft) {
    List<CompletableFuture<Map.Entry<Did, Optional<ActorRef<A>>>>> lookups = new ArrayList<>();
    for (Did did : dids) {
      CompletionStage<Directory.Found<A>> found = AskPattern.ask(directory,
          replyTo -> new Directory.Lookup<>(key, did, replyTo), askTimeout, system.scheduler());
      lookups.add(found.handle((answer, failure) -> Map.entry(did,
          answer == null ? Optional.<ActorRef<A>>empty() : answer.anyOf(did))).toCompletableFuture());
    }
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
      Map<Did, ActorRef<A>> out = new TreeMap<>();
      for (CompletableFuture<Map.Entry<Did, Optional<ActorRef<A>>>> lookup : lookups) {
        Map.Entry<Did, Optional<ActorRef<A>>> entry = lookup.join();
        entry.getValue().ifPresent(actor -> out.put(entry.getKey(), actor));
      }
      if (out.size() == dids.size() || attemptsLeft <= 1) {
        return CompletableFuture.completedFuture(out);
      }
      return later().thenCompose(again -> actors(system, key, dids, attemptsLeft - 1));
    });
  }

  private CompletableFuture<Void> later() {
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(retryDelayMs, TimeUnit.MILLISECONDS));
  }
}
