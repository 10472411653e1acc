package dev.consilium.roles.psi;

import dev.consilium.mpc.hash.Sha256;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The receiver's side of one chunked transfer: chunks are taken in order, each once, at most
 * {@code maxInFlight} being worked on at a time. What arrives is judged by {@link #admit}:
 *
 * <ul>
 *   <li>the next chunk: new work;
 *   <li>one taken before, with the same bytes: a repeat of a chunk whose answer was lost, answered again
 *       (or ignored while its work still runs); with different bytes: refused;
 *   <li>one ahead of the next, within the window: an earlier chunk was lost on the way, so it is ignored and
 *       the sender's retry brings the gap in order;
 *   <li>one beyond the window or the list, or new work past the window: refused, since no honest sender
 *       sends it.
 * </ul>
 *
 * Digests of the last {@code maxInFlight} chunks taken are kept to recognise repeats, so memory stays
 * bounded however long the list. Confined to its actor.
 */
final class IncomingChunks {
  /** What to do with an arriving chunk. */
  enum Kind {
    /** Start its work. */
    NEW,
    /** Answer it again: taken before, work done. */
    REPEAT,
    /** Drop it without an answer. */
    IGNORE,
    /** Refuse it: the transfer ends. */
    REFUSE
  }

  /** The judgement, with the reason for a refusal. */
  record Verdict(Kind kind, String reason) {
    static final Verdict NEW = new Verdict(Kind.NEW, null);
    static final Verdict REPEAT = new Verdict(Kind.REPEAT, null);
    static final Verdict IGNORE = new Verdict(Kind.IGNORE, null);

    static Verdict refuse(String reason) {
      return new Verdict(Kind.REFUSE, reason);
    }
  }

  private final int count;
  private final int maxInFlight;
  private final BitSet running = new BitSet();
  /** Running again for a repeat; not counted against the window (see {@link #admit}). */
  private final BitSet rerunning = new BitSet();
  private final Map<Integer, byte[]> recentDigests = new HashMap<>();
  private int next;

  IncomingChunks(int count, int maxInFlight) {
    if (count < 0 || maxInFlight < 1) {
      throw new IllegalArgumentException("need count >= 0 and maxInFlight >= 1, got " + count + " and " + maxInFlight);
    }
    this.count = count;
    this.maxInFlight = maxInFlight;
  }

  int count() {
    return count;
  }

  /** Judges chunk {@code index} with {@code content}; a NEW or REPEAT chunk counts as running until {@link #done}. */
  Verdict admit(int index, byte[] content) {
    if (index < 0 || index >= count) {
      return Verdict.refuse("chunk " + index + " is not in a list of " + count + " chunks");
    }
    if (index < next) {
      return repeat(index, content);
    }
    if (index > next) {
      return index < next + maxInFlight ? Verdict.IGNORE
          : Verdict.refuse("chunk " + index + " arrived while chunk " + next + " was expected, with at most "
              + maxInFlight + " in flight");
    }
    // Only first runs count: a sender sends chunk i + maxInFlight only after it has this side's answer to
    // chunk i, so at most maxInFlight first runs are honest. A repeat can still be running then (the sender
    // sent chunk i again just before the answer reached it); repeats are at most maxInFlight more, since
    // only chunks within the window behind the next one are taken again.
    if (running.cardinality() - rerunning.cardinality() >= maxInFlight) {
      return Verdict.refuse("chunk " + index + " would be more than " + maxInFlight + " chunks in flight");
    }
    recentDigests.put(index, digest(content));
    recentDigests.remove(index - maxInFlight);
    running.set(index);
    next++;
    return Verdict.NEW;
  }

  /** The work for chunk {@code index} is done and answered. */
  void done(int index) {
    running.clear(index);
    rerunning.clear(index);
  }

  /** Every chunk taken and its work done. */
  boolean complete() {
    return next == count && running.isEmpty();
  }

  private Verdict repeat(int index, byte[] content) {
    byte[] earlier = recentDigests.get(index);
    if (earlier == null) {
      return Verdict.IGNORE; // older than the window: a stale copy, already answered long ago
    }
    if (!Arrays.equals(earlier, digest(content))) {
      return Verdict.refuse("chunk " + index + " arrived again with different content");
    }
    if (running.get(index)) {
      return Verdict.IGNORE; // its answer is on the way
    }
    running.set(index);
    rerunning.set(index);
    return Verdict.REPEAT;
  }

  private static byte[] digest(byte[] content) {
    return Sha256.digest(content == null ? new byte[0] : content).toByteArray();
  }
}
