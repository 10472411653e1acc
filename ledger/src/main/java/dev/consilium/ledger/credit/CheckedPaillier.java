package dev.consilium.ledger.credit;

import dev.consilium.mpc.paillier.InvalidCiphertextException;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.mpc.paillier.WrongKeyException;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credit contract's Paillier keys and ciphertexts, parsed and checked once per process rather than at
 * every step. Every replica validates an entry and then applies it, both through the same rules, and each
 * step of an inquiry reads its asker's key and its running totals again: the key's modulus check and each
 * ciphertext's gcd(c, n) took most of the ledger's CPU time in a profile of the credit simulation. Both
 * checks are pure functions of the bytes, so a bounded memo of what passed changes no outcome: a value is
 * remembered only after it passed the full check, and found again only by equal bytes under an equal key.
 * Thread-safe: the replicas of one JVM (a simulation) share it.
 */
final class CheckedPaillier {
  private static final int MAX_KEYS = 256;
  /** About 2.5 MB of 2048-bit ciphertexts: the shares and totals of the inquiries in flight. */
  private static final int MAX_CIPHERTEXTS = 4_096;

  private static final Map<ByteBuffer, PaillierPublicKey> KEYS = lru(MAX_KEYS);
  private static final Map<Stored, PaillierCiphertext> CIPHERTEXTS = lru(MAX_CIPHERTEXTS);

  private CheckedPaillier() {}

  /** {@code PaillierPublicKey.fromBytes}, each distinct key checked once. */
  static PaillierPublicKey key(byte[] encoded) throws InvalidKeyException {
    ByteBuffer id = ByteBuffer.wrap(encoded.clone());
    PaillierPublicKey known = KEYS.get(id);
    if (known != null) {
      return known;
    }
    PaillierPublicKey key = PaillierPublicKey.fromBytes(encoded);
    KEYS.put(id, key);
    return key;
  }

  /** {@code PaillierCiphertext.fromBytes}: in Z*_{n²} of {@code key}, each distinct ciphertext checked once. */
  static PaillierCiphertext ciphertext(byte[] bytes, PaillierPublicKey key)
      throws InvalidCiphertextException, WrongKeyException {
    Stored id = new Stored(key, ByteBuffer.wrap(bytes.clone()));
    PaillierCiphertext known = CIPHERTEXTS.get(id);
    if (known != null) {
      return known;
    }
    PaillierCiphertext ciphertext = PaillierCiphertext.fromBytes(bytes, key);
    CIPHERTEXTS.put(id, ciphertext);
    return ciphertext;
  }

  /**
   * Remembers a product the contract computed from checked ciphertexts (a running total): it lies in
   * Z*_{n²} by construction, and the next step reads it back from the state.
   */
  static void remember(PaillierCiphertext product, byte[] bytes) {
    CIPHERTEXTS.put(new Stored(product.publicKey(), ByteBuffer.wrap(bytes.clone())), product);
  }

  private record Stored(PaillierPublicKey key, ByteBuffer bytes) {}

  private static <K, V> Map<K, V> lru(int capacity) {
    return Collections.synchronizedMap(new LinkedHashMap<K, V>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    });
  }
}
