package dev.consilium.roles.features.compute;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.roles.features.aggregation.ShareSum;
import dev.consilium.roles.features.aggregation.WireArrays;
import dev.consilium.roles.features.aggregation.ZShare;
import dev.consilium.roles.features.owner.TaskOwner;
import dev.consilium.roles.features.task.RoundDigest;
import dev.consilium.roles.features.task.TaskLookup;
import dev.consilium.roles.features.task.TaskView;
import dev.consilium.roles.features.task.Traffic;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.discovery.ProtocolKey;
import dev.consilium.runtime.serialization.CborSerializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compute node's part in shared feature learning (DESIGN §6): for each step of a task it adds the shares
 * of Z_i it receives, one from every holder, and sends the sum to the task's owner. It never holds more than
 * one share of anything, so what it sees is uniformly random; it keeps a step's sum only until it is sent,
 * and forgets a task when the owner ends it or when the task stays idle past its round deadline.
 *
 * <p>Every task is checked against the committed ledger before any share counts: this node must be one of
 * its compute nodes and the sender one of its holders. The sum goes to the actor the directory finds under
 * the task owner's DID, never to an address a message names.
 */
public final class ComputeNode extends AbstractBehavior<ComputeNode.Command> {
  public static final ProtocolKey<Command> KEY = new ProtocolKey<>("features-compute", Command.class);
  /** Steps of one task summed at the same time: the owner has one in flight, more only for scoring. */
  static final int MAX_OPEN_STEPS = 64;
  /** Shares held for a task the ledger does not show yet (this replica may lag the owner's). */
  static final int MAX_WAITING_SHARES = 256;
  static final int MAX_TASKS = 16;

  public sealed interface Command {}

  /** {@code from}'s share of its Z_i for one step of a task's attempt. */
  public record Share(String taskId, int attempt, long step, Did from, int rows, int cols, boolean seeded,
      byte[] share) implements Command, CborSerializable, FromMember {
    @Override
    public String toString() {
      return "Share[" + taskId + ", attempt " + attempt + ", step " + step + ", from " + from + ", " + rows + " x "
          + cols + ", redacted]";
    }
  }

  /** The owner closes a round: the node answers with the digest of what it sent in it. */
  public record CloseRound(String taskId, int attempt, int round, Did from) implements Command, CborSerializable,
      FromMember {}

  /** The owner ended the task (or gave up an attempt): drop everything of it. */
  public record EndTask(String taskId, Did from) implements Command, CborSerializable, FromMember {}

  private record TaskFound(String taskId, Optional<TaskView> task, Optional<ActorRef<TaskOwner.Command>> owner,
      String problem) implements Command {}

  private record Idle(String taskId) implements Command {}

  private final ActorContext<Command> context;
  private final Did self;
  private final TaskLookup lookup;
  private final PrgAlgorithm prg;
  private final Traffic traffic;
  private final Map<String, TaskWork> tasks = new HashMap<>();
  private final Map<String, Deque<Command>> waiting = new HashMap<>();

  private ComputeNode(ActorContext<Command> context, Did self, TaskLookup lookup, PrgAlgorithm prg, Traffic traffic) {
    super(context);
    this.context = context;
    this.self = self;
    this.lookup = lookup;
    this.prg = prg;
    this.traffic = traffic;
  }

  public static Behavior<Command> create(Did self, TaskLookup lookup, PrgAlgorithm prg, Traffic traffic) {
    return Behaviors.setup(context -> new ComputeNode(context, self, lookup, prg, traffic));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Share.class, this::onShare)
        .onMessage(CloseRound.class, this::onCloseRound)
        .onMessage(EndTask.class, this::onEndTask)
        .onMessage(TaskFound.class, this::onTaskFound)
        .onMessage(Idle.class, this::onIdle)
        .build();
  }

  private Behavior<Command> onShare(Share share) {
    traffic.received("Share", share.share().length);
    TaskWork work = tasks.get(share.taskId());
    if (work != null) {
      add(work, share);
      return this;
    }
    await(share.taskId(), share);
    return this;
  }

  /**
   * Keeps {@code message} until the ledger shows task {@code taskId}: this replica may lag the owner's, and a
   * round may close before any share came (the unprotected baseline sends this node none).
   */
  private void await(String taskId, Command message) {
    Deque<Command> queue = waiting.get(taskId);
    if (queue == null) {
      if (waiting.size() + tasks.size() >= MAX_TASKS) {
        context.getLog().warn("Dropped a message for task {}: already {} tasks", taskId, MAX_TASKS);
        return;
      }
      queue = new ArrayDeque<>();
      waiting.put(taskId, queue);
      lookup.find(taskId, context, (task, owner, problem) -> new TaskFound(taskId, task, owner, problem));
    }
    if (queue.size() < MAX_WAITING_SHARES) {
      queue.add(message);
    }
  }

  private Behavior<Command> onTaskFound(TaskFound found) {
    Deque<Command> queue = waiting.remove(found.taskId());
    String problem = found.problem();
    if (problem == null && found.task().isEmpty()) {
      problem = "the ledger shows no task " + found.taskId();
    }
    if (problem == null && !found.task().get().computeNodes().contains(self)) {
      problem = "this node is not a compute node of task " + found.taskId();
    }
    if (problem == null && found.owner().isEmpty()) {
      problem = "the owner of task " + found.taskId() + " is not reachable";
    }
    if (problem != null) {
      context.getLog().warn("Dropped {} shares: {}", queue == null ? 0 : queue.size(), problem);
      return this;
    }
    TaskWork work = new TaskWork(found.task().get(), found.owner().get());
    tasks.put(found.taskId(), work);
    touch(work);
    if (queue != null) {
      for (Command message : queue) {
        if (message instanceof Share share) {
          add(work, share);
        } else if (message instanceof CloseRound close) {
          closeRound(work, close);
        }
      }
    }
    return this;
  }

  private void add(TaskWork work, Share share) {
    touch(work);
    if (share.attempt() < work.attempt) {
      return; // a share of an abandoned attempt
    }
    if (share.attempt() > work.attempt) {
      work.startAttempt(share.attempt());
    }
    if (share.step() <= work.lastSentStep) {
      return; // a retried share of a step whose sum already went out
    }
    ShareSum sum = work.open.get(share.step());
    if (sum == null) {
      if (work.open.size() >= MAX_OPEN_STEPS) {
        context.getLog().warn("Task {}: dropped a share of step {}: {} steps open", share.taskId(), share.step(),
            MAX_OPEN_STEPS);
        return;
      }
      sum = new ShareSum(work.task.holderSet());
      work.open.put(share.step(), sum);
    }
    String refusal;
    try {
      refusal = sum.add(share.from(), ZShare.of(share.rows(), share.cols(), share.seeded(), share.share()), prg);
    } catch (IllegalArgumentException e) {
      refusal = e.getMessage();
    }
    if (refusal != null) {
      context.getLog().warn("Task {}: refused a share of step {}: {}", share.taskId(), share.step(), refusal);
      return;
    }
    if (sum.complete()) {
      work.open.remove(share.step());
      byte[] bytes = WireArrays.longsToBytes(sum.sum());
      TaskOwner.SumReady ready = new TaskOwner.SumReady(share.taskId(), share.attempt(), share.step(), self,
          sum.rows(), sum.cols(), bytes);
      work.digest.add(share.step(), bytes);
      traffic.sent("SumReady", bytes.length);
      work.owner.tell(ready);
      if (share.step() > work.lastSentStep) {
        work.lastSentStep = share.step();
      }
    }
  }

  private Behavior<Command> onCloseRound(CloseRound close) {
    traffic.received("CloseRound", 0);
    TaskWork work = tasks.get(close.taskId());
    if (work == null) {
      await(close.taskId(), close);
    } else {
      closeRound(work, close);
    }
    return this;
  }

  private void closeRound(TaskWork work, CloseRound close) {
    if (!close.from().equals(work.task.owner())) {
      return;
    }
    if (close.attempt() > work.attempt) {
      work.startAttempt(close.attempt()); // no share of this attempt came before its round closed
    }
    if (close.attempt() != work.attempt) {
      return;
    }
    touch(work);
    byte[] sent = work.digest.finish();
    work.owner.tell(new TaskOwner.RoundClosed(close.taskId(), close.attempt(), close.round(), self, sent, new byte[0]));
    traffic.sent("RoundClosed", sent.length);
  }

  private Behavior<Command> onEndTask(EndTask end) {
    traffic.received("EndTask", 0);
    TaskWork work = tasks.get(end.taskId());
    if (work != null && end.from().equals(work.task.owner())) {
      tasks.remove(end.taskId());
      context.getLog().info("Task {} ended; dropped its sums", end.taskId());
    }
    return this;
  }

  private Behavior<Command> onIdle(Idle idle) {
    TaskWork work = tasks.get(idle.taskId());
    if (work == null) {
      return this;
    }
    if (System.nanoTime() - work.lastTouchNanos >= idleNanos(work)) {
      tasks.remove(idle.taskId());
      context.getLog().info("Task {} idle for {} ms; dropped its sums", idle.taskId(), work.task.roundTimeoutMs() * 2);
    } else {
      scheduleIdle(work);
    }
    return this;
  }

  private void touch(TaskWork work) {
    work.lastTouchNanos = System.nanoTime();
    if (!work.idleTimerSet) {
      work.idleTimerSet = true;
      scheduleIdle(work);
    }
  }

  private void scheduleIdle(TaskWork work) {
    context.scheduleOnce(Duration.ofNanos(idleNanos(work)), context.getSelf(), new Idle(work.task.taskId()));
  }

  private static long idleNanos(TaskWork work) {
    return Duration.ofMillis(work.task.roundTimeoutMs() * 2).toNanos();
  }

  /** What this node keeps of one task: open sums of the current attempt and the digest of what it sent. */
  private static final class TaskWork {
    final TaskView task;
    final ActorRef<TaskOwner.Command> owner;
    final Map<Long, ShareSum> open = new HashMap<>();
    final RoundDigest digest = new RoundDigest();
    int attempt;
    long lastSentStep = -1;
    long lastTouchNanos;
    boolean idleTimerSet;

    TaskWork(TaskView task, ActorRef<TaskOwner.Command> owner) {
      this.task = task;
      this.owner = owner;
    }

    void startAttempt(int next) {
      attempt = next;
      open.clear();
      lastSentStep = -1;
      digest.finish();
    }
  }
}
