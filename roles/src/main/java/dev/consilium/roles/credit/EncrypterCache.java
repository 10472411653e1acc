package dev.consilium.roles.credit;

import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypters for the askers' keys this bank contributes under, least recently used dropped beyond
 * {@code capacity}: building one costs a fixed-base table, an asker's key serves many inquiries until it
 * rotates. Thread-safe; two threads may build the same encrypter once each, which is harmless.
 */
final class EncrypterCache {
  private final Map<PaillierPublicKey, PaillierEncrypter> encrypters;

  EncrypterCache(int capacity) {
    this.encrypters = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PaillierPublicKey, PaillierEncrypter> eldest) {
        return size() > capacity;
      }
    };
  }

  PaillierEncrypter forKey(PaillierPublicKey key) {
    synchronized (encrypters) {
      PaillierEncrypter known = encrypters.get(key);
      if (known != null) {
        return known;
      }
    }
    PaillierEncrypter built = PaillierEncrypter.create(key);
    synchronized (encrypters) {
      encrypters.putIfAbsent(key, built);
      return encrypters.get(key);
    }
  }
}
