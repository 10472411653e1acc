package dev.consilium.runtime.replication;

import dev.consilium.mpc.hash.Sha256Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the most recently committed entries are (height and index by entry hash), so that a sequencer can
 * answer an entry submitted again (after a timeout or a hand-over) with its receipt instead of refusing its
 * nonce. Bounded: the oldest entries are forgotten first.
 */
final class CommittedEntries {
  record Location(long height, int index) {}

  private final int capacity;
  private final Map<Sha256Hash, Location> byHash;

  CommittedEntries(int capacity) {
    this.capacity = capacity;
    this.byHash = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Sha256Hash, Location> eldest) {
        return size() > CommittedEntries.this.capacity;
      }
    };
  }

  void add(Sha256Hash entry, long height, int index) {
    byHash.put(entry, new Location(height, index));
  }

  Optional<Location> find(Sha256Hash entry) {
    return Optional.ofNullable(byHash.get(entry));
  }

  int capacity() {
    return capacity;
  }
}
