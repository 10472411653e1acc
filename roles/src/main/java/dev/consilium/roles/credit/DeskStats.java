package dev.consilium.roles.credit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a credit desk has done: entries committed by action, entries the ledger refused, inquiries it asked
 * that were decided, ended insufficient or failed, those still running, and the CPU time its threads spent
 * in cryptography (Paillier, masks, sealing).
 */
public record DeskStats(Map<String, Long> committedByAction, long refused, long decided, long insufficient,
    long failed, int asking, int watching, long cryptoNanos) {

  /** The desk's running counts; used by its actor only. */
  static final class Counters {
    private final Map<String, Long> committed = new TreeMap<>();
    private long refused;
    private long decided;
    private long insufficient;
    private long failed;

    void committed(String action) {
      committed.merge(action, 1L, Long::sum);
    }

    void refused() {
      refused++;
    }

    void failed() {
      failed++;
    }

    void finished(InquiryResult.Ending ending) {
      if (ending == InquiryResult.Ending.DECIDED) {
        decided++;
      } else {
        insufficient++;
      }
    }

    DeskStats snapshot(long cryptoNanos, int asking, int watching) {
      return new DeskStats(Map.copyOf(committed), refused, decided, insufficient, failed, asking, watching,
          cryptoNanos);
    }
  }
}
