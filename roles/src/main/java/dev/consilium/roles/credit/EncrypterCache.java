package dev.consilium.roles.credit;

import dev.consilium.mpc.paillier.DjnObfuscators;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.mpc.paillier.TextbookObfuscators;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypters for the askers' keys this bank contributes under, least recently used dropped beyond
 * {@code capacity}. A bank encrypts only a few times under another's key (one contribution and perhaps a
 * correction per inquiry), so its encrypters draw DJN obfuscators without the fixed-base table, which would
 * cost more to build (about a second per key) than it saves. Thread-safe.
 */
final class EncrypterCache {
  private final Map<PaillierPublicKey, PaillierEncrypter> encrypters;
  private final boolean textbook;

  /** With {@code textbook}, the encrypters use r^n obfuscators: the naive baseline's, for the benchmark. */
  EncrypterCache(int capacity, boolean textbook) {
    this.textbook = textbook;
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
    PaillierEncrypter built = PaillierEncrypter.create(textbook ? new TextbookObfuscators(key, new SecureRandom())
        : DjnObfuscators.createWithoutTable(key, new SecureRandom()));
    synchronized (encrypters) {
      encrypters.putIfAbsent(key, built);
      return encrypters.get(key);
    }
  }
}
