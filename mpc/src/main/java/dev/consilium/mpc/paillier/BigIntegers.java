package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/** Fixed-length big-endian encoding of non-negative integers, as the serialized forms need. */
final class BigIntegers {
  private BigIntegers() {}

  /** Writes {@code value} big-endian, left-padded with zeros, into exactly {@code length} bytes. */
  static void writeFixed(BigInteger value, byte[] out, int offset, int length) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("cannot encode a negative integer in fixed length");
    }
    byte[] raw = value.toByteArray();
    // toByteArray may carry one leading zero byte for the sign.
    int start = raw.length > length ? raw.length - length : 0;
    for (int i = 0; i < start; i++) {
      if (raw[i] != 0) {
        throw new IllegalArgumentException(
            "integer of " + value.bitLength() + " bits does not fit in " + length + " bytes");
      }
    }
    int copied = raw.length - start;
    System.arraycopy(raw, start, out, offset + length - copied, copied);
  }
}
