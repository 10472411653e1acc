package dev.consilium.simulator.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.pattern.StatusReply;
import com.sun.management.OperatingSystemMXBean;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.sequencer.BlockBuilder;
import dev.consilium.ledger.sequencer.Receipt;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients of a ledger (a block builder in this JVM, or the replicated ledger's sequencer): one thread per bank, each submitting that bank's pre-signed entries in nonce
 * order and asking for every receipt. The entries are signed before the clock starts, as remote clients
 * would sign them on their own machines: on two cores, signing here would take CPU from the ledger.
 *
 * <p>A thread sends through {@link AskPattern}, which tells the builder (or the sequencer's proxy) on the
 * calling thread, so one bank's entries arrive in the order sent and its nonce check passes with many in
 * flight.
 */
final class LedgerClients {
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** Bounds the entries one paced thread has in flight when the ledger falls behind. */
  private static final int PACED_MAX_IN_FLIGHT = 20_000;
  private static final AtomicBoolean NEVER = new AtomicBoolean();
  /**
   * Runs a receipt's callback (a counter and a semaphore release) on the thread that completes the ask: the
   * builder's, as it replies. A stage from {@link AskPattern} runs even {@code whenComplete} asynchronously,
   * on the common pool by default; with the common pool's parallelism at 1 (two cores) the JDK starts a new
   * thread for each such task, which cost more than the ledger itself when we tried it.
   */
  private static final Executor ON_REPLYING_THREAD = Runnable::run;

  /** Where bank {@code bank}'s entries go: a block builder in this JVM, or a member's sequencer proxy. */
  @FunctionalInterface
  interface EntrySubmitter {
    CompletionStage<Receipt> submit(int bank, Entry entry);
  }

  private final EntrySubmitter submitter;

  LedgerClients(ActorSystem<?> system, ActorRef<BlockBuilder.Command> builder) {
    this((bank, entry) -> AskPattern.askWithStatus(builder,
        (ActorRef<StatusReply<Receipt>> replyTo) -> new BlockBuilder.Submit(entry, replyTo),
        BenchNode.ASK_TIMEOUT, system.scheduler()));
  }

  LedgerClients(EntrySubmitter submitter) {
    this.submitter = submitter;
  }

  /** Committed entries per second over a window after a warm-up, and whatever went wrong meanwhile. */
  record Throughput(double entriesPerSecond, long committedInWindow, double windowSeconds, long committedTotal,
      double busyCores, List<String> failures) {}

  /** Submit-to-receipt latencies in nanoseconds, sorted, and whatever went wrong. */
  record Latencies(long[] sortedNanos, double offeredPerSecond, List<String> failures) {
    double percentileMs(double fraction) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(fraction * sortedNanos.length);
      return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
  }

  /**
   * Closed loop: every thread keeps {@code window} entries in flight. Counts receipts over {@code measure}
   * after {@code warmup}; the window ends early if a thread runs out of entries, and says so by its length.
   */
  Throughput saturate(List<List<Entry>> entriesByBank, int window, Duration warmup, Duration measure) {
    LongAdder committed = new LongAdder();
    Failures failures = new Failures();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger exhausted = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < entriesByBank.size(); i++) {
      List<Entry> entries = entriesByBank.get(i);
      int bank = i;
      threads.add(start("bench-client-" + i, () -> {
        closedLoop(bank, entries, window, stop, committed, failures);
        exhausted.incrementAndGet();
      }));
    }
    sleepNanos(warmup.toNanos());
    long startCount = committed.sum();
    long startCpu = processCpuNanos();
    long start = System.nanoTime();
    long end = start + measure.toNanos();
    while (System.nanoTime() < end && exhausted.get() == 0) {
      sleepNanos(Math.min(POLL_NANOS, end - System.nanoTime()));
    }
    long endCount = committed.sum();
    double seconds = (System.nanoTime() - start) / 1e9;
    double busyCores = (processCpuNanos() - startCpu) / 1e9 / seconds;
    stop.set(true);
    joinAll(threads);
    return new Throughput((endCount - startCount) / seconds, endCount - startCount, seconds, committed.sum(),
        busyCores, failures.summary());
  }

  /** Closed loop until every entry has its receipt; returns the failures. */
  List<String> submitAll(List<List<Entry>> entriesByBank, int window) {
    LongAdder committed = new LongAdder();
    Failures failures = new Failures();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < entriesByBank.size(); i++) {
      List<Entry> entries = entriesByBank.get(i);
      int bank = i;
      threads.add(start("bench-client-" + i, () -> closedLoop(bank, entries, window, NEVER, committed, failures)));
    }
    joinAll(threads);
    return failures.summary();
  }

  /**
   * Open loop: together the threads offer {@code ratePerSecond} entries at even intervals, whatever the
   * answers. Latency runs from the moment an entry was due, so a client that fell behind still counts
   * the wait (no coordinated omission).
   */
  Latencies paced(List<List<Entry>> entriesByBank, double ratePerSecond) {
    int threadCount = entriesByBank.size();
    long intervalNanos = (long) (1e9 * threadCount / ratePerSecond);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    Failures failures = new Failures();
    long[][] latencies = new long[threadCount][];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      List<Entry> entries = entriesByBank.get(i);
      long[] mine = new long[entries.size()];
      Arrays.fill(mine, -1);
      latencies[i] = mine;
      // Threads are staggered so that the offered load is even, not in bursts of one entry per thread.
      long first = start + i * intervalNanos / threadCount;
      int bank = i;
      threads.add(start("bench-paced-" + i, () -> pacedLoop(bank, entries, first, intervalNanos, mine, failures)));
    }
    joinAll(threads);
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(n -> n >= 0).sorted().toArray();
    return new Latencies(all, ratePerSecond, failures.summary());
  }

  private void closedLoop(int bank, List<Entry> entries, int window, AtomicBoolean stop, LongAdder committed,
      Failures failures) {
    Semaphore inFlight = new Semaphore(window);
    for (Entry entry : entries) {
      if (!acquire(inFlight, stop)) {
        break;
      }
      submitter.submit(bank, entry).whenCompleteAsync((receipt, failure) -> {
        if (failure == null) {
          committed.increment();
        } else {
          failures.add(entry + ": " + failure.getMessage());
        }
        inFlight.release();
      }, ON_REPLYING_THREAD);
    }
    drain(inFlight, window, failures);
  }

  private void pacedLoop(int bank, List<Entry> entries, long first, long intervalNanos, long[] latencies,
      Failures failures) {
    Semaphore inFlight = new Semaphore(PACED_MAX_IN_FLIGHT);
    for (int k = 0; k < entries.size(); k++) {
      long due = first + k * intervalNanos;
      sleepNanos(due - System.nanoTime());
      if (!acquire(inFlight, NEVER)) {
        break;
      }
      int index = k;
      Entry entry = entries.get(k);
      submitter.submit(bank, entry).whenCompleteAsync((receipt, failure) -> {
        if (failure == null) {
          latencies[index] = System.nanoTime() - due;
        } else {
          failures.add(entry + ": " + failure.getMessage());
        }
        inFlight.release();
      }, ON_REPLYING_THREAD);
    }
    // Semaphore release happens-before the acquire below, so the latencies written so far are visible.
    drain(inFlight, PACED_MAX_IN_FLIGHT, failures);
  }

  private static boolean acquire(Semaphore inFlight, AtomicBoolean stop) {
    try {
      while (!stop.get()) {
        if (inFlight.tryAcquire(POLL_NANOS, TimeUnit.NANOSECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void drain(Semaphore inFlight, int permits, Failures failures) {
    try {
      if (!inFlight.tryAcquire(permits, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        failures.add("receipts still outstanding after " + DRAIN_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts failures and keeps the first few messages: a broken run must not fill the heap with them. */
  private static final class Failures {
    private static final int KEPT = 5;
    private final LongAdder count = new LongAdder();
    private final ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();

    void add(String message) {
      count.increment();
      if (first.size() < KEPT) {
        first.add(message);
      }
    }

    List<String> summary() {
      List<String> out = new ArrayList<>(first);
      long more = count.sum() - out.size();
      if (more > 0) {
        out.add("... and " + more + " more");
      }
      return List.copyOf(out);
    }
  }

  /** CPU time of the whole JVM (every thread, the collector's included), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void joinAll(List<Thread> threads) {
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the benchmark clients", e);
      }
    }
  }

  private static void sleepNanos(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
