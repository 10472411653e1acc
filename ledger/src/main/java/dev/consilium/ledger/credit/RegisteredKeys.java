package dev.consilium.ledger.credit;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Paillier public keys each institution registered for its inquiries ({@code register-key}), oldest
 * first: an inquiry may be opened only under a key its asker registered, so every member can see on the
 * ledger which keys a bank asks under and when each appeared. A bank keeps at most
 * {@link #MAX_KEYS_PER_INSTITUTION}; registering one more drops its oldest. That bounds the state however
 * often keys rotate, and costs nothing an inquiry needs: an open inquiry holds its asker's key itself.
 * Immutable; canonical form ordered by DID.
 */
public final class RegisteredKeys {
  public static final int MAX_KEYS_PER_INSTITUTION = 8;
  /** Institutions whose keys the state holds: the most a consortium admits. */
  static final int MAX_INSTITUTIONS = OpenInquiry.MAX_PARTICIPANTS;

  private static final RegisteredKeys EMPTY = new RegisteredKeys(new TreeMap<>());

  private final SortedMap<Did, List<byte[]>> keys;

  private RegisteredKeys(SortedMap<Did, List<byte[]>> keys) {
    this.keys = Collections.unmodifiableSortedMap(keys);
  }

  static RegisteredKeys empty() {
    return EMPTY;
  }

  /** Whether {@code institution} registered {@code publicKey} (the encoded key) and has not dropped it. */
  public boolean isRegistered(Did institution, byte[] publicKey) {
    return keys.getOrDefault(institution, List.of()).stream().anyMatch(k -> Arrays.equals(k, publicKey));
  }

  /** Whether any institution registered {@code publicKey}: a key belongs to one bank only. */
  boolean isRegisteredByAnyone(byte[] publicKey) {
    return keys.values().stream().flatMap(List::stream).anyMatch(k -> Arrays.equals(k, publicKey));
  }

  /** The encoded keys {@code institution} registered, oldest first. */
  public List<byte[]> of(Did institution) {
    return keys.getOrDefault(institution, List.of()).stream().map(byte[]::clone).toList();
  }

  /** Institutions with keys, in DID order. */
  public List<Did> institutions() {
    return List.copyOf(keys.keySet());
  }

  /** A copy with {@code publicKey} registered for {@code institution}, its oldest key dropped past the bound. */
  RegisteredKeys with(Did institution, byte[] publicKey) {
    SortedMap<Did, List<byte[]>> next = new TreeMap<>(keys);
    List<byte[]> mine = new ArrayList<>(keys.getOrDefault(institution, List.of()));
    mine.add(publicKey.clone());
    while (mine.size() > MAX_KEYS_PER_INSTITUTION) {
      mine.remove(0);
    }
    next.put(institution, List.copyOf(mine));
    if (next.size() > MAX_INSTITUTIONS) {
      throw new IllegalStateException("keys of " + next.size() + " institutions; validate must refuse past "
          + MAX_INSTITUTIONS);
    }
    return new RegisteredKeys(next);
  }

  int institutionCount() {
    return keys.size();
  }

  void writeTo(CanonicalWriter writer) {
    writer.writeList(new ArrayList<>(keys.entrySet()), (w, e) -> {
      e.getKey().writeTo(w);
      w.writeList(e.getValue(), CanonicalWriter::writeBytes);
    });
  }

  static RegisteredKeys read(CanonicalReader reader) throws CanonicalFormatException {
    List<Map.Entry<Did, List<byte[]>>> list = reader.readList(r -> Map.entry(Did.read(r),
        r.readList(k -> k.readBytes(OpenInquiry.MAX_PUBLIC_KEY_BYTES), MAX_KEYS_PER_INSTITUTION)),
        MAX_INSTITUTIONS);
    SortedMap<Did, List<byte[]>> keys = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    Did previous = null;
    for (Map.Entry<Did, List<byte[]>> entry : list) {
      if (previous != null && previous.compareTo(entry.getKey()) >= 0) {
        throw reader.malformed("registered keys must be sorted by DID and distinct; " + entry.getKey()
            + " follows " + previous);
      }
      if (entry.getValue().isEmpty()) {
        throw reader.malformed(entry.getKey() + " is listed with no registered key");
      }
      for (byte[] key : entry.getValue()) {
        if (!seen.add(HexFormat.of().formatHex(key))) {
          throw reader.malformed("a registered key appears twice; a key belongs to one institution, once");
        }
      }
      keys.put(entry.getKey(), List.copyOf(entry.getValue()));
      previous = entry.getKey();
    }
    return new RegisteredKeys(keys);
  }

  @Override
  public String toString() {
    return "RegisteredKeys[" + keys.size() + " institutions]";
  }
}
