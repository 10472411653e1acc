package dev.consilium.mpc.psi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * expand_message_xmd with SHA-512 (RFC 9380 §5.3.1): stretches a message into {@code lengthInBytes}
 * uniform bytes bound to a domain separation tag.
 */
final class ExpandMessageXmd {
  /** SHA-512's output size (b_in_bytes). */
  static final int HASH_BYTES = 64;
  /** SHA-512's input block size (s_in_bytes): the length of the zero prefix Z_pad. */
  static final int BLOCK_BYTES = 128;
  static final int MAX_DST_BYTES = 255;
  static final int MAX_OUTPUT_BYTES = 255 * HASH_BYTES;

  /**
   * SHA-512 that has already absorbed Z_pad. Every b_0 starts with the same 128 zero bytes, so cloning this
   * state skips one compression per call and the provider lookup of {@code MessageDigest.getInstance}. It is
   * never updated after class initialization, so concurrent clones are safe.
   */
  private static final MessageDigest AFTER_ZERO_PAD = sha512AfterZeroPad();

  private ExpandMessageXmd() {}

  static byte[] expand(byte[] message, byte[] dst, int lengthInBytes) {
    requireValidDst(dst);
    if (lengthInBytes < 1 || lengthInBytes > MAX_OUTPUT_BYTES) {
      throw new IllegalArgumentException(
          "expand_message_xmd output length must be 1 to " + MAX_OUTPUT_BYTES + " bytes, was " + lengthInBytes);
    }
    int blocks = (lengthInBytes + HASH_BYTES - 1) / HASH_BYTES;

    MessageDigest b0Digest = cloneAfterZeroPad();
    b0Digest.update(message);
    // I2OSP(len_in_bytes, 2) || I2OSP(0, 1)
    b0Digest.update(new byte[] {(byte) (lengthInBytes >>> 8), (byte) lengthInBytes, 0});
    updateDstPrime(b0Digest, dst);
    byte[] b0 = b0Digest.digest();

    byte[] out = new byte[lengthInBytes];
    MessageDigest digest = newSha512();
    byte[] previous = new byte[HASH_BYTES]; // b_1 hashes b_0 itself, i.e. b_0 XOR zeros
    byte[] chained = new byte[HASH_BYTES];
    for (int i = 1; i <= blocks; i++) {
      for (int j = 0; j < HASH_BYTES; j++) {
        chained[j] = (byte) (b0[j] ^ previous[j]);
      }
      digest.update(chained);
      digest.update((byte) i);
      updateDstPrime(digest, dst);
      previous = digest.digest();
      int offset = (i - 1) * HASH_BYTES;
      System.arraycopy(previous, 0, out, offset, Math.min(HASH_BYTES, lengthInBytes - offset));
    }
    return out;
  }

  /** RFC 9380 demands a non-empty tag; longer than 255 bytes it would have to be hashed first, which we refuse. */
  static void requireValidDst(byte[] dst) {
    if (dst == null) {
      throw new NullPointerException("domain separation tag is required");
    }
    if (dst.length < 1 || dst.length > MAX_DST_BYTES) {
      throw new IllegalArgumentException(
          "domain separation tag must be 1 to " + MAX_DST_BYTES + " bytes, was " + dst.length + " bytes");
    }
  }

  /** DST_prime = DST || I2OSP(len(DST), 1). */
  private static void updateDstPrime(MessageDigest digest, byte[] dst) {
    digest.update(dst);
    digest.update((byte) dst.length);
  }

  private static MessageDigest cloneAfterZeroPad() {
    try {
      return (MessageDigest) AFTER_ZERO_PAD.clone();
    } catch (CloneNotSupportedException e) {
      MessageDigest fresh = newSha512();
      fresh.update(new byte[BLOCK_BYTES]);
      return fresh;
    }
  }

  private static MessageDigest sha512AfterZeroPad() {
    MessageDigest digest = newSha512();
    digest.update(new byte[BLOCK_BYTES]);
    return digest;
  }

  private static MessageDigest newSha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-512", e);
    }
  }
}
