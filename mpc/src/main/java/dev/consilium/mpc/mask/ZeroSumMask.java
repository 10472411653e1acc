package dev.consilium.mpc.mask;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zero-sum masks for one inquiry. Banks are numbered by their position in the inquiry's participant list
 * (DID order). For a pair j &lt; k, mask(s_jk, q) = PRF(s_jk, q) mod n; bank j adds it and bank k subtracts
 * it, so the masks of all banks sum to 0 mod n.
 *
 * <p>PRF: HMAC-SHA256 keyed by s_jk over {@code domain ‖ u32 counter ‖ u16 |q| ‖ q ‖ u16 |n| ‖ n}, counter
 * 0, 1, …, concatenated to bitLength(n) + 128 bits and reduced mod n; the distance from uniform is below
 * 2^−128.
 */
public final class ZeroSumMask {
  public static final String DOMAIN = "consilium/zero-sum-mask/prf/v1";
  static final int EXTRA_BITS = 128;

  private ZeroSumMask() {}

  /** PRF(s_jk, q) reduced uniformly mod n: what the lower-positioned bank of the pair adds. */
  public static BigInteger pairMask(SecretBytes pairSecret, byte[] inquiryId, BigInteger n) {
    requireModulus(n);
    if (inquiryId.length == 0 || inquiryId.length > 0xffff) {
      throw new IllegalArgumentException("inquiry id must be 1..65535 bytes, was " + inquiryId.length);
    }
    byte[] key = pairSecret.toByteArray(SecretAccess.get());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] domain = DOMAIN.getBytes(StandardCharsets.US_ASCII);
      byte[] modulus = n.toByteArray();
      int outBytes = (n.bitLength() + EXTRA_BITS + 7) / 8;
      byte[] out = new byte[outBytes];
      int blocks = (outBytes + 31) / 32;
      for (int counter = 0; counter < blocks; counter++) {
        mac.update(domain);
        mac.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
            (byte) counter});
        mac.update(new byte[] {(byte) (inquiryId.length >>> 8), (byte) inquiryId.length});
        mac.update(inquiryId);
        mac.update(new byte[] {(byte) (modulus.length >>> 8), (byte) modulus.length});
        byte[] block = mac.doFinal(modulus);
        int offset = counter * 32;
        System.arraycopy(block, 0, out, offset, Math.min(32, outBytes - offset));
      }
      BigInteger mask = new BigInteger(1, out).mod(n);
      SecretBytes.wipe(out);
      return mask;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    } finally {
      SecretBytes.wipe(key);
    }
  }

  /**
   * My total mask for inquiry q mod n: Σ_{k&gt;j} mask(s_jk, q) − Σ_{k&lt;j} mask(s_kj, q), where j is
   * {@code myPosition} in {@code participants} (every bank's public key in DID order, mine included).
   */
  public static BigInteger totalMask(X25519PrivateKey mine, int myPosition, List<X25519PublicKey> participants,
      byte[] inquiryId, BigInteger n) throws InvalidKeyException {
    return signedSum(mine, myPosition, participants, null, inquiryId, n);
  }

  /**
   * What I add at the deadline to remove my masks with the {@code missingPositions} that never contributed:
   * the negation of my masks with those banks. My contribution plus this correction, summed over all present
   * banks, equals the sum of their unmasked amounts mod n.
   */
  public static BigInteger correction(X25519PrivateKey mine, int myPosition, List<X25519PublicKey> participants,
      Set<Integer> missingPositions, byte[] inquiryId, BigInteger n) throws InvalidKeyException {
    if (missingPositions.contains(myPosition)) {
      throw new IllegalArgumentException("position " + myPosition + " cannot correct for itself as missing");
    }
    for (int missing : missingPositions) {
      if (missing < 0 || missing >= participants.size()) {
        throw new IllegalArgumentException("missing position " + missing + " is outside 0.."
            + (participants.size() - 1));
      }
    }
    return signedSum(mine, myPosition, participants, missingPositions, inquiryId, n).negate().mod(n);
  }

  private static BigInteger signedSum(X25519PrivateKey mine, int myPosition, List<X25519PublicKey> participants,
      Set<Integer> only, byte[] inquiryId, BigInteger n) throws InvalidKeyException {
    requireModulus(n);
    if (myPosition < 0 || myPosition >= participants.size()) {
      throw new IllegalArgumentException("position " + myPosition + " is outside 0.." + (participants.size() - 1));
    }
    if (!participants.get(myPosition).equals(mine.publicKey())) {
      throw new InvalidKeyException("participant " + myPosition + " is " + participants.get(myPosition)
          + ", not this key's " + mine.publicKey());
    }
    BigInteger total = BigInteger.ZERO;
    for (int k = 0; k < participants.size(); k++) {
      if (k == myPosition || (only != null && !only.contains(k))) {
        continue;
      }
      BigInteger mask = pairMask(PairwiseMaskSecret.derive(mine, participants.get(k)), inquiryId, n);
      total = k > myPosition ? total.add(mask) : total.subtract(mask);
    }
    return total.mod(n);
  }

  private static void requireModulus(BigInteger n) {
    if (n.signum() <= 0 || n.bitLength() < 2) {
      throw new IllegalArgumentException("mask modulus must be at least 2, was " + n.bitLength() + " bits");
    }
  }
}
