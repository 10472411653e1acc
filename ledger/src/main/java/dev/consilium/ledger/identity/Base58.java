package dev.consilium.ledger.identity;

import java.util.Arrays;

/**
 * Base58 with Bitcoin's alphabet ("base58btc", draft-msporny-base58), without multibase prefix or checksum.
 *
 * <p>The bytes are read as one big-endian number written in base 58, and each leading zero byte becomes
 * a leading '1'. That makes encoding a bijection: every byte array has exactly one text, and every text
 * over the alphabet decodes to exactly one byte array, so a DID string is canonical.
 *
 * <p>Both directions take time quadratic in the length: meant for keys and hashes, not bulk data. Callers
 * decoding untrusted text bound its length first.
 */
public final class Base58 {
  /** Digits 0 to 57. Leaves out 0, O, I and l, which are easily mistaken for one another. */
  public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private static final int BASE = 58;
  private static final char ZERO_DIGIT = ALPHABET.charAt(0);
  private static final int[] DIGIT_OF = digitTable();

  private Base58() {}

  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // Base-58 digits, most significant first; log(256) / log(58) < 1.38 digits per byte.
    int capacity = (data.length - zeros) * 138 / 100 + 1;
    byte[] digits = new byte[capacity];
    int used = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      int j = 0;
      for (int k = capacity - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
        carry += 256 * digits[k];
        digits[k] = (byte) (carry % BASE);
        carry /= BASE;
      }
      used = j;
    }
    StringBuilder text = new StringBuilder(zeros + used);
    text.append(String.valueOf(ZERO_DIGIT).repeat(zeros));
    int start = capacity - used;
    while (start < capacity && digits[start] == 0) {
      start++;
    }
    for (int k = start; k < capacity; k++) {
      text.append(ALPHABET.charAt(digits[k]));
    }
    return text.toString();
  }

  /**
   * The bytes {@code text} encodes.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet and its index
   */
  public static byte[] decode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == ZERO_DIGIT) {
      zeros++;
    }
    // Bytes, most significant first; log(58) / log(256) < 0.733 bytes per digit.
    int capacity = (text.length() - zeros) * 733 / 1000 + 1;
    byte[] bytes = new byte[capacity];
    int used = 0;
    for (int i = zeros; i < text.length(); i++) {
      int carry = digitAt(text, i);
      int j = 0;
      for (int k = capacity - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
        carry += BASE * (bytes[k] & 0xFF);
        bytes[k] = (byte) carry;
        carry >>>= 8;
      }
      used = j;
    }
    int start = capacity - used;
    while (start < capacity && bytes[start] == 0) {
      start++;
    }
    byte[] result = new byte[zeros + capacity - start];
    System.arraycopy(bytes, start, result, zeros, capacity - start);
    return result;
  }

  private static int digitAt(String text, int index) {
    char c = text.charAt(index);
    int digit = c < DIGIT_OF.length ? DIGIT_OF[c] : -1;
    if (digit < 0) {
      throw new IllegalArgumentException("character " + describe(c) + " at index " + index
          + " is not in the base58 alphabet (which has no 0, O, I or l)");
    }
    return digit;
  }

  private static String describe(char c) {
    return c > ' ' && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private static int[] digitTable() {
    int[] table = new int[128];
    Arrays.fill(table, -1);
    for (int digit = 0; digit < ALPHABET.length(); digit++) {
      table[ALPHABET.charAt(digit)] = digit;
    }
    return table;
  }
}
