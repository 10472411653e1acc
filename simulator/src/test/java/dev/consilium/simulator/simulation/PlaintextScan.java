package dev.consilium.simulator.simulation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Searches every byte of a ledger copy for what must never be on the ledger: a raw customer id, or a
 * plaintext amount in a form our stack could write it in. Each finding names the form and the offset, with
 * the bytes around it.
 *
 * <p>Customer ids and amounts as decimal text are specific enough that any match is a finding. An amount's
 * binary forms are not: an amount of a few million cents is 3 significant bytes, and a small fixed-width field
 * (a height, a count) followed by 2 random bytes forms the same 8 bytes by chance, about once per 30,000
 * amounts in half a megabyte of ledger (measured). So the binary forms are judged against decoys: amounts of
 * the same size that nobody owes, searched in the same bytes. A leak puts the amounts of many inquiries on the
 * ledger and stands far above what the decoys find; chance does not.
 */
final class PlaintextScan {
  /**
   * Amounts this large are searched for as decimal text too: shorter digit runs occur by chance in any file.
   * As text an amount is a number of its own, so a match inside a longer run of hex digits does not count, nor
   * one right after a bare key and ':', which is how H2's MVStore writes its own chunk headers ({@code
   * time:hex}): that is the database's bookkeeping, and once coincided with an amount. A quoted key, as JSON
   * writes it ({@code "owed":123}), still counts.
   */
  static final long MIN_ASCII_AMOUNT = 1_000_000L;
  /** Decoys per real amount: enough that their hit rate estimates chance well. */
  private static final int DECOYS_PER_AMOUNT = 20;
  /** Decoys differ from a real amount by at most this, so they have the same number of significant bytes. */
  private static final int DECOY_SPREAD = 100_000;

  private final String file;

  PlaintextScan(byte[] bytes) {
    // One char per byte, so String.indexOf (which the JIT makes fast) is a byte search.
    this.file = new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** What was found, each named; empty when the copy holds none of {@code ids} and {@code amounts}. */
  List<String> find(Set<String> ids, Set<Long> amounts, long decoySeed) {
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      search("customer id " + id + " (UTF-8)", id.getBytes(StandardCharsets.UTF_8)).ifPresent(found::add);
    }
    for (long amount : amounts) {
      if (amount >= MIN_ASCII_AMOUNT) {
        searchNumber(amount).ifPresent(found::add);
      }
    }
    List<String> binaryHits = new ArrayList<>();
    for (long amount : amounts) {
      binaryHits.addAll(binaryForms(amount));
    }
    int decoyHits = 0;
    int decoys = 0;
    Random random = new Random(decoySeed);
    for (long amount : amounts) {
      for (int i = 0; i < DECOYS_PER_AMOUNT; i++) {
        long decoy = Math.max(1, amount + random.nextInt(2 * DECOY_SPREAD + 1) - DECOY_SPREAD);
        if (!amounts.contains(decoy)) {
          decoys++;
          decoyHits += binaryForms(decoy).size();
        }
      }
    }
    double expected = decoys == 0 ? 0 : decoyHits * (double) amounts.size() / decoys;
    // Poisson: more than expected + 3 standard deviations + 2 happens by chance less than once in 10,000.
    double allowed = expected + 3 * Math.sqrt(expected) + 2;
    if (binaryHits.size() > allowed) {
      found.add(String.format("%d amounts in binary form, where chance explains %.2f (%d hits among %d decoys): %s",
          binaryHits.size(), expected, decoyHits, decoys, binaryHits));
    }
    return found;
  }

  /** The binary forms of {@code amount} found: 8 bytes either order, and a length-prefixed big-endian integer. */
  private List<String> binaryForms(long amount) {
    List<String> hits = new ArrayList<>();
    search("amount " + amount + " (8 bytes big-endian)", ByteBuffer.allocate(8).putLong(amount).array())
        .ifPresent(hits::add);
    search("amount " + amount + " (8 bytes little-endian)",
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(amount).array()).ifPresent(hits::add);
    // How the canonical format writes a byte string (u32 length, then the bytes), where a ciphertext belongs.
    byte[] magnitude = BigInteger.valueOf(amount).toByteArray();
    search("amount " + amount + " (length-prefixed bytes)",
        ByteBuffer.allocate(4 + magnitude.length).putInt(magnitude.length).put(magnitude).array())
        .ifPresent(hits::add);
    return hits;
  }

  private Optional<String> search(String what, byte[] needle) {
    int at = file.indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    return at < 0 ? Optional.empty()
        : Optional.of(what + " at offset " + at + ": " + around(at, needle.length));
  }

  private Optional<String> searchNumber(long amount) {
    String number = Long.toString(amount);
    for (int at = file.indexOf(number); at >= 0; at = file.indexOf(number, at + 1)) {
      int before = at - 1;
      int after = at + number.length();
      boolean alone = (before < 0 || (!isHexDigit(file.charAt(before)) && !afterBareKey(before)))
          && (after >= file.length() || !isHexDigit(file.charAt(after)));
      if (alone) {
        return Optional.of(
            "amount " + amount + " (decimal text) at offset " + at + ": " + around(at, number.length()));
      }
    }
    return Optional.empty();
  }

  private String around(int at, int length) {
    int from = Math.max(0, at - 16);
    int to = Math.min(file.length(), at + length + 16);
    return HexFormat.of().formatHex(file.substring(from, to).getBytes(StandardCharsets.ISO_8859_1))
        + " (match at byte " + (at - from) + ")";
  }

  /** Whether the ':' at {@code colon} ends a bare key, as in an MVStore header's {@code time:...}. */
  private boolean afterBareKey(int colon) {
    return file.charAt(colon) == ':' && colon > 0 && Character.isLetter(file.charAt(colon - 1));
  }

  private static boolean isHexDigit(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
