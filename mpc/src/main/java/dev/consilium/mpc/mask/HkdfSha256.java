package dev.consilium.mpc.mask;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF with SHA-256 (RFC 5869), extract then expand, through BouncyCastle. */
final class HkdfSha256 {
  static final int MAX_OUTPUT_BYTES = 255 * 32;

  private HkdfSha256() {}

  static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int lengthBytes) {
    if (lengthBytes <= 0 || lengthBytes > MAX_OUTPUT_BYTES) {
      throw new IllegalArgumentException("HKDF-SHA256 output must be 1.." + MAX_OUTPUT_BYTES + " bytes, was "
          + lengthBytes);
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[lengthBytes];
    hkdf.generateBytes(out, 0, lengthBytes);
    return out;
  }
}
