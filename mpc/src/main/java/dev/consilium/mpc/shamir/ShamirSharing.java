package dev.consilium.mpc.shamir;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * t-of-n Shamir sharing over a {@link PrimeField}: shareholders are x = 1..n, the polynomial has degree t − 1
 * and uniformly random coefficients from a {@link SecureRandom}, and its constant term is the secret.
 * Settings are validated once, here; the instance is immutable and thread-safe if its random is.
 */
public final class ShamirSharing {
  private final PrimeField field;
  private final int threshold;
  private final int shareholders;
  private final SecureRandom random;

  private ShamirSharing(PrimeField field, int threshold, int shareholders, SecureRandom random) {
    this.field = field;
    this.threshold = threshold;
    this.shareholders = shareholders;
    this.random = random;
  }

  /**
   * Throws {@link IllegalArgumentException} unless {@code 1 ≤ threshold ≤ shareholders < p}. A threshold of
   * 1 gives every shareholder the secret itself; it is allowed for degenerate configurations only.
   */
  public static ShamirSharing create(PrimeField field, int threshold, int shareholders, SecureRandom random) {
    if (field == null) {
      throw new NullPointerException("field");
    }
    if (random == null) {
      throw new NullPointerException("random");
    }
    if (shareholders < 1) {
      throw new IllegalArgumentException("shareholders must be at least 1, was " + shareholders);
    }
    if (threshold < 1 || threshold > shareholders) {
      throw new IllegalArgumentException(
          "threshold must lie in [1, shareholders=" + shareholders + "], was " + threshold);
    }
    if (BigInteger.valueOf(shareholders).compareTo(field.modulus()) >= 0) {
      throw new IllegalArgumentException(
          "shareholders must be below the field modulus to get distinct non-zero x, was " + shareholders);
    }
    return new ShamirSharing(field, threshold, shareholders, random);
  }

  public PrimeField field() {
    return field;
  }

  public int threshold() {
    return threshold;
  }

  public int shareholders() {
    return shareholders;
  }

  /** One share per shareholder, in order x = 1..n. Throws {@link IllegalArgumentException} unless 0 ≤ secret < p. */
  public List<ShamirShare> split(BigInteger secret) {
    if (secret.signum() < 0) {
      throw new IllegalArgumentException("secret must lie in [0, p) of " + field + ": it is negative");
    }
    if (secret.compareTo(field.modulus()) >= 0) {
      throw new IllegalArgumentException("secret must lie in [0, p) of " + field + ": it is at least p ("
          + secret.bitLength() + " bits)");
    }
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = secret;
    for (int i = 1; i < threshold; i++) {
      coefficients[i] = field.randomElement(random);
    }
    List<ShamirShare> shares = new ArrayList<>(shareholders);
    for (int x = 1; x <= shareholders; x++) {
      shares.add(ShamirShare.point(x, evaluate(coefficients, BigInteger.valueOf(x))));
    }
    return List.copyOf(shares);
  }

  /**
   * Shares a byte string read as an unsigned big-endian integer, e.g. a 32-byte seed. Throws {@link
   * IllegalArgumentException} when it is longer than {@link PrimeField#maxSecretBytes()}.
   */
  public List<ShamirShare> splitBytes(byte[] secret) {
    if (secret.length > field.maxSecretBytes()) {
      throw new IllegalArgumentException("a " + secret.length + "-byte secret does not fit " + field
          + ", which holds at most " + field.maxSecretBytes() + " bytes");
    }
    return split(new BigInteger(1, secret));
  }

  /**
   * The secret, from at least {@link #threshold()} shares with distinct x in 1..n. Shares beyond the first t
   * are checked against the polynomial the first t define.
   *
   * @throws IllegalArgumentException fewer than t shares, a duplicate or out-of-range x, or a y outside the field
   * @throws InconsistentSharesException an extra share is off that polynomial; it names the share's x
   */
  public BigInteger reconstruct(Collection<ShamirShare> shares) throws InconsistentSharesException {
    List<ShamirShare> points = validated(shares);
    List<ShamirShare> basis = points.subList(0, threshold);
    BigInteger secret = Lagrange.interpolate(field, basis, BigInteger.ZERO);
    for (ShamirShare extra : points.subList(threshold, points.size())) {
      BigInteger expected = Lagrange.interpolate(field, basis, BigInteger.valueOf(extra.x()));
      if (!expected.equals(extra.y())) {
        throw new InconsistentSharesException(extra.x(), "share x=" + extra.x()
            + " is not on the degree-" + (threshold - 1) + " polynomial through shares x=" + xs(basis)
            + ": one of these shares is corrupted or forged");
      }
    }
    return secret;
  }

  /**
   * The byte string {@link #splitBytes(byte[])} shared, left-padded to {@code secretLength} bytes. Throws
   * {@link IllegalArgumentException} when the reconstructed value does not fit that length (wrong length, or
   * shares of a different secret).
   */
  public byte[] reconstructBytes(Collection<ShamirShare> shares, int secretLength)
      throws InconsistentSharesException {
    if (secretLength < 0 || secretLength > field.maxSecretBytes()) {
      throw new IllegalArgumentException("secretLength must lie in [0, " + field.maxSecretBytes() + "] for "
          + field + ", was " + secretLength);
    }
    BigInteger value = reconstruct(shares);
    if (value.bitLength() > 8 * secretLength) {
      throw new IllegalArgumentException("the reconstructed secret does not fit in " + secretLength
          + " bytes: wrong length, or shares of a different secret");
    }
    byte[] magnitude = value.toByteArray();
    byte[] out = new byte[secretLength];
    // toByteArray may carry a leading sign byte of zero; copy only the low secretLength bytes.
    int copy = Math.min(magnitude.length, secretLength);
    System.arraycopy(magnitude, magnitude.length - copy, out, secretLength - copy, copy);
    Arrays.fill(magnitude, (byte) 0);
    return out;
  }

  @Override
  public String toString() {
    return "ShamirSharing[" + threshold + " of " + shareholders + ", " + field + "]";
  }

  private List<ShamirShare> validated(Collection<ShamirShare> shares) {
    if (shares.size() < threshold) {
      throw new IllegalArgumentException(
          shares.size() + " shares given, " + threshold + " needed (threshold " + threshold + ")");
    }
    Set<Integer> seen = new HashSet<>();
    for (ShamirShare share : shares) {
      if (share.x() < 1 || share.x() > shareholders) {
        throw new IllegalArgumentException(
            "share x=" + share.x() + " outside the shareholders 1.." + shareholders);
      }
      if (!seen.add(share.x())) {
        throw new IllegalArgumentException("duplicate share for x=" + share.x());
      }
      if (!field.contains(share.y())) {
        throw new IllegalArgumentException("share x=" + share.x() + " holds a value outside " + field);
      }
    }
    return List.copyOf(shares);
  }

  private BigInteger evaluate(BigInteger[] coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = field.add(field.multiply(acc, x), coefficients[i]);
    }
    return acc;
  }

  private static String xs(List<ShamirShare> shares) {
    StringBuilder b = new StringBuilder();
    for (ShamirShare s : shares) {
      b.append(b.length() == 0 ? "" : ",").append(s.x());
    }
    return b.toString();
  }
}
