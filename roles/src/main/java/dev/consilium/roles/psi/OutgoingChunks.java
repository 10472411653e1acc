package dev.consilium.roles.psi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sender's side of one chunked transfer: which chunks to send now, which are answered, which are late.
 * At most {@code maxInFlight} chunks are sent and not yet settled at any time, so a receiver never has more
 * than that many of ours to hold or work on. A chunk is answered when its reply arrives and settled when
 * the sender is done with the reply (checked it, for a blinded chunk): the window frees only then.
 *
 * <p>Messages are at most once, so an unanswered chunk is sent again every {@code retryMs}; the receiver
 * answers a repeat without doing its work twice. Confined to its actor; times are the caller's clock in ms.
 */
final class OutgoingChunks {
  /** What an answer to chunk {@code index} means. */
  enum Answer {
    /** The first answer to a chunk that was sent. */
    NEW,
    /** A chunk already answered: a repeat, to ignore. */
    REPEAT,
    /** A chunk never sent: the peer answers what it was not asked. */
    NOT_SENT
  }

  private record Sent(long firstMs, long lastMs) {}

  private final int count;
  private final int maxInFlight;
  private final BitSet answered = new BitSet();
  private final BitSet settled = new BitSet();
  /** Sent and not settled, in the order first sent. */
  private final Map<Integer, Sent> inFlight = new LinkedHashMap<>();
  private int nextNew;

  OutgoingChunks(int count, int maxInFlight) {
    if (count < 0 || maxInFlight < 1) {
      throw new IllegalArgumentException("need count >= 0 and maxInFlight >= 1, got " + count + " and " + maxInFlight);
    }
    this.count = count;
    this.maxInFlight = maxInFlight;
  }

  int count() {
    return count;
  }

  /**
   * The chunks to send at {@code nowMs}: unanswered ones last sent {@code retryMs} or more ago, then new ones
   * while the window has room. Each is marked sent at {@code nowMs}.
   */
  List<Integer> due(long nowMs, long retryMs) {
    List<Integer> due = new ArrayList<>();
    for (Map.Entry<Integer, Sent> entry : inFlight.entrySet()) {
      Sent sent = entry.getValue();
      if (!answered.get(entry.getKey()) && nowMs - sent.lastMs() >= retryMs) {
        entry.setValue(new Sent(sent.firstMs(), nowMs));
        due.add(entry.getKey());
      }
    }
    while (inFlight.size() < maxInFlight && nextNew < count) {
      inFlight.put(nextNew, new Sent(nowMs, nowMs));
      due.add(nextNew);
      nextNew++;
    }
    return due;
  }

  /** Records an answer to chunk {@code index}. */
  Answer answer(int index) {
    if (index < 0 || index >= nextNew) {
      return Answer.NOT_SENT;
    }
    if (answered.get(index)) {
      return Answer.REPEAT;
    }
    answered.set(index);
    return Answer.NEW;
  }

  /** The sender is done with chunk {@code index}'s answer: its place in the window is free. */
  void settle(int index) {
    if (!answered.get(index)) {
      throw new IllegalStateException("chunk " + index + " settled before it was answered");
    }
    settled.set(index);
    inFlight.remove(index);
  }

  /** The first chunk, in send order, unanswered {@code timeoutMs} after it was first sent; -1 if none. */
  int overdue(long nowMs, long timeoutMs) {
    for (Map.Entry<Integer, Sent> entry : inFlight.entrySet()) {
      if (!answered.get(entry.getKey()) && nowMs - entry.getValue().firstMs() >= timeoutMs) {
        return entry.getKey();
      }
    }
    return -1;
  }

  /** Every chunk settled. */
  boolean complete() {
    return settled.cardinality() == count;
  }
}
