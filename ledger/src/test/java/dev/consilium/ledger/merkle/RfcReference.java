package dev.consilium.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 §2.1 written out as literally as possible, with the JDK's MessageDigest and byte arrays only,
 * so that MerkleTree is checked against its definition and not against itself. Slow on purpose.
 */
final class RfcReference {
  private RfcReference() {}

  /** MTH(D[n]) over the leaf data {@code d}. */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha256(new byte[0]);
    }
    if (n == 1) {
      return sha256(new byte[] {0x00}, d.get(0));
    }
    int k = largestPowerOfTwoBelow(n);
    return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]) (RFC 6962 §2.1.1), leaf level first. */
  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> path = new ArrayList<>();
    if (n == 1) {
      return path;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path.addAll(path(m, d.subList(0, k)));
      path.add(mth(d.subList(k, n)));
    } else {
      path.addAll(path(m - k, d.subList(k, n)));
      path.add(mth(d.subList(0, k)));
    }
    return path;
  }

  /** The largest power of two strictly smaller than {@code n}, for n > 1: the RFC's k. */
  static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        md.update(part);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Distinct, variable-length leaf data for test trees. */
  static List<byte[]> leafData(int n) {
    List<byte[]> data = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] leaf = new byte[i % 5];
      for (int j = 0; j < leaf.length; j++) {
        leaf[j] = (byte) (i >>> (8 * (j % 2)));
      }
      data.add(i % 5 == 0 ? new byte[] {(byte) i, (byte) (i >>> 8), 0x55} : leaf);
    }
    return data;
  }
}
