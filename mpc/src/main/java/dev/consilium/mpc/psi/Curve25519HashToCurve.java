package dev.consilium.mpc.psi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RFC 9380 hashing to curve25519 with expand_message_xmd(SHA-512) and Elligator 2, for a domain separation
 * tag fixed at creation.
 *
 * <p>{@link #randomOracle} is the suite {@code curve25519_XMD:SHA-512_ELL2_RO_} (hash_to_curve): its output
 * is indistinguishable from a uniformly random point of the prime-order subgroup, which ECDH-PSI needs.
 * {@link #nonUniform} is {@code curve25519_XMD:SHA-512_ELL2_NU_} (encode_to_curve): half the cost, but its
 * output is not uniform, so it is not for PSI.
 *
 * <p>A hash costs one expand_message_xmd (five SHA-512 compressions for a short message), one exponentiation
 * per Elligator map and a single inversion: the maps return projective points, and the sum and the cofactor
 * clearing stay projective until the final conversion to affine coordinates.
 */
public final class Curve25519HashToCurve implements HashToCurve {
  public static final String RANDOM_ORACLE_SUITE = "curve25519_XMD:SHA-512_ELL2_RO_";
  public static final String NON_UNIFORM_SUITE = "curve25519_XMD:SHA-512_ELL2_NU_";

  private final byte[] dst;
  private final boolean randomOracle;

  private Curve25519HashToCurve(byte[] dst, boolean randomOracle) {
    ExpandMessageXmd.requireValidDst(dst);
    this.dst = dst.clone();
    this.randomOracle = randomOracle;
  }

  /**
   * The random-oracle suite, for PSI.
   *
   * @param domainSeparationTag 1 to 255 bytes naming the protocol and its version, so that hashes made for one
   *     purpose never collide with another's
   * @throws IllegalArgumentException naming the length if the tag is empty or longer than 255 bytes
   */
  public static Curve25519HashToCurve randomOracle(byte[] domainSeparationTag) {
    return new Curve25519HashToCurve(domainSeparationTag, true);
  }

  /**
   * The non-uniform suite; not for PSI.
   *
   * @throws IllegalArgumentException naming the length if the tag is empty or longer than 255 bytes
   */
  public static Curve25519HashToCurve nonUniform(byte[] domainSeparationTag) {
    return new Curve25519HashToCurve(domainSeparationTag, false);
  }

  @Override
  public byte[] hashToCurve(byte[] message) {
    return hashToPoint(message).toUCoordinate();
  }

  /** The same point in affine coordinates: a point of the prime-order subgroup, or (with negligible odds) infinity. */
  public Curve25519Point hashToPoint(byte[] message) {
    Objects.requireNonNull(message, "message");
    if (randomOracle) {
      FieldElement[] u = HashToField.hash(message, dst, 2);
      return Elligator2.map(u[0]).add(Elligator2.map(u[1])).clearCofactor().toAffine();
    }
    FieldElement[] u = HashToField.hash(message, dst, 1);
    return Elligator2.map(u[0]).clearCofactor().toAffine();
  }

  public String suiteId() {
    return randomOracle ? RANDOM_ORACLE_SUITE : NON_UNIFORM_SUITE;
  }

  @Override
  public String toString() {
    return "Curve25519HashToCurve[" + suiteId() + ", dst=\"" + new String(dst, StandardCharsets.ISO_8859_1) + "\"]";
  }
}
