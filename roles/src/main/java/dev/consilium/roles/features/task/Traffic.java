package dev.consilium.roles.features.task;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one member's feature-learning actors sent and received, by message kind: how many messages and how
 * many payload bytes (the matrices, seeds and digests they carry; envelopes, ids and the transport's framing
 * are not counted). It serves the simulation's "bytes moved per member" and the privacy audit of which
 * kinds of message reach which member. Thread-safe: a member's actors share one.
 */
public final class Traffic {
  private final Map<String, Counter> sent = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Counter> received = new java.util.concurrent.ConcurrentHashMap<>();

  public void sent(String kind, long payloadBytes) {
    sent.computeIfAbsent(kind, k -> new Counter()).add(payloadBytes);
  }

  public void received(String kind, long payloadBytes) {
    received.computeIfAbsent(kind, k -> new Counter()).add(payloadBytes);
  }

  public Snapshot snapshot() {
    return new Snapshot(copy(sent), copy(received));
  }

  private static Map<String, Tally> copy(Map<String, Counter> counters) {
    Map<String, Tally> out = new TreeMap<>();
    counters.forEach((kind, counter) -> out.put(kind, new Tally(counter.messages.sum(), counter.bytes.sum())));
    return Map.copyOf(out);
  }

  /** Messages and payload bytes of one kind. */
  public record Tally(long messages, long bytes) {}

  /** Counts at one moment, by message kind. */
  public record Snapshot(Map<String, Tally> sent, Map<String, Tally> received) {
    public long sentBytes() {
      return sent.values().stream().mapToLong(Tally::bytes).sum();
    }

    public long receivedBytes() {
      return received.values().stream().mapToLong(Tally::bytes).sum();
    }
  }

  private static final class Counter {
    final LongAdder messages = new LongAdder();
    final LongAdder bytes = new LongAdder();

    void add(long payloadBytes) {
      messages.increment();
      bytes.add(payloadBytes);
    }
  }
}
