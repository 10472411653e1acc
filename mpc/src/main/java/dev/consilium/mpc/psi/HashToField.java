package dev.consilium.mpc.psi;

import java.util.Arrays;

/** hash_to_field (RFC 9380 §5.2) over GF(2^255 − 19) with expand_message_xmd(SHA-512). */
final class HashToField {
  /**
   * Bytes per field element: ceil((255 + k) / 8) with security parameter k = 128. The 128 extra bits make
   * the reduction mod p statistically indistinguishable from uniform.
   */
  static final int BYTES_PER_ELEMENT = 48;

  private HashToField() {}

  static FieldElement[] hash(byte[] message, byte[] dst, int count) {
    byte[] uniform = ExpandMessageXmd.expand(message, dst, count * BYTES_PER_ELEMENT);
    FieldElement[] elements = new FieldElement[count];
    for (int i = 0; i < count; i++) {
      int offset = i * BYTES_PER_ELEMENT;
      elements[i] = FieldElement.fromBigEndianMod(Arrays.copyOfRange(uniform, offset, offset + BYTES_PER_ELEMENT));
    }
    return elements;
  }
}
