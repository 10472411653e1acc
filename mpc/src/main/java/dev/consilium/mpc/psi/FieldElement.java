package dev.consilium.mpc.psi;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * An immutable element of GF(p), p = 2^255 − 19.
 *
 * <p>Limb arithmetic is BouncyCastle's {@link X25519Field} (ten 25/26-bit limbs, multiplication and squaring
 * without data-dependent branches), roughly ten times faster than {@code BigInteger} with a modular
 * reduction after every product. This class is the only place that touches that representation: every
 * result is carried, so the limbs stay inside the bounds the BouncyCastle routines expect, and is normalized
 * to the canonical value below p before it is compared, encoded or tested for sign.
 */
final class FieldElement {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  static final FieldElement ZERO = fromBigInteger(BigInteger.ZERO);
  static final FieldElement ONE = fromBigInteger(BigInteger.ONE);

  /** 2^256 mod p: the weight of the next 32-byte chunk when reducing a long big-endian integer. */
  private static final int TWO_POW_256_MOD_P = 38;
  /** 2^255 mod p: the weight of bit 255, which {@code decode255} drops. */
  private static final int TWO_POW_255_MOD_P = 19;
  /** A square root of −1: 2^((p−1)/4), since 2 is a non-square and so 2^((p−1)/2) = −1. */
  private static final FieldElement SQRT_MINUS_ONE =
      fromBigInteger(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));
  private static final FieldElement ONE_PLUS_I = ONE.add(SQRT_MINUS_ONE);
  private static final FieldElement ONE_MINUS_I = ONE.subtract(SQRT_MINUS_ONE);

  private final int[] limbs;

  private FieldElement(int[] limbs) {
    this.limbs = limbs;
  }

  static FieldElement fromBigInteger(BigInteger value) {
    byte[] bigEndian = value.mod(P).toByteArray();
    byte[] littleEndian = new byte[32];
    for (int i = 0; i < bigEndian.length && i < 32; i++) {
      littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return decodeLittleEndian(littleEndian);
  }

  /**
   * OS2IP(bytes) mod p for a big-endian string of any length (hash_to_field uses 48 bytes), by Horner's rule
   * over 32-byte chunks with 2^256 ≡ 38. Field operations instead of {@code BigInteger.mod} keep a division
   * out of the hot path.
   */
  static FieldElement fromBigEndianMod(byte[] bytes) {
    int chunks = (bytes.length + 31) / 32;
    byte[] padded = new byte[chunks * 32];
    System.arraycopy(bytes, 0, padded, padded.length - bytes.length, bytes.length);
    FieldElement acc = ZERO;
    for (int c = 0; c < chunks; c++) {
      byte[] littleEndian = new byte[32];
      for (int i = 0; i < 32; i++) {
        littleEndian[i] = padded[c * 32 + 31 - i];
      }
      int bit255 = (littleEndian[31] >>> 7) & 1;
      FieldElement chunk = decodeLittleEndian(littleEndian).add(ONE.multiply(TWO_POW_255_MOD_P * bit255));
      acc = acc.multiply(TWO_POW_256_MOD_P).add(chunk);
    }
    return acc;
  }

  /**
   * The element a 32-byte RFC 7748 encoding stands for, bit 255 ignored; the caller checks canonicity, since
   * an encoding of p + k decodes to k.
   */
  static FieldElement fromLittleEndian(byte[] littleEndian32) {
    if (littleEndian32.length != 32) {
      throw new IllegalArgumentException("a field element encodes in 32 bytes, got " + littleEndian32.length);
    }
    return decodeLittleEndian(littleEndian32);
  }

  FieldElement add(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.add(limbs, other.limbs, z);
    return carried(z);
  }

  FieldElement subtract(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.sub(limbs, other.limbs, z);
    return carried(z);
  }

  FieldElement negate() {
    int[] z = X25519Field.create();
    X25519Field.negate(limbs, z);
    return carried(z);
  }

  FieldElement multiply(FieldElement other) {
    int[] z = X25519Field.create();
    X25519Field.mul(limbs, other.limbs, z);
    return new FieldElement(z);
  }

  /** Multiplication by a small non-negative constant (below 2^20, e.g. the curve's A = 486662). */
  FieldElement multiply(int small) {
    if (small < 0 || small >= (1 << 20)) {
      throw new IllegalArgumentException("small multiplier must be in [0, 2^20), was " + small);
    }
    int[] z = X25519Field.create();
    X25519Field.mul(limbs, small, z);
    return carried(z);
  }

  FieldElement square() {
    int[] z = X25519Field.create();
    X25519Field.sqr(limbs, z);
    return new FieldElement(z);
  }

  /** x^(p−2): the inverse, and 0 for 0 (RFC 9380's inv0). One exponentiation, so callers batch them. */
  FieldElement invert() {
    int[] z = X25519Field.create();
    X25519Field.inv(limbs, z);
    return new FieldElement(z);
  }

  /**
   * RFC 9380 sqrt_ratio(u, v) with Z = 2 for p ≡ 5 (mod 8), in one exponentiation and no inversion.
   *
   * <p>r = u·v³·(u·v⁷)^((p−5)/8) satisfies v·r² = u·(u/v)^((p−1)/4), and (u/v)^((p−1)/4) is a fourth root
   * of unity: ±1 when u/v is a square, ±i when it is not. So v·r² = u gives the root r; v·r² = −u gives
   * r·i; otherwise 2·u/v is a square (2 is a non-square) and r·(1 ∓ i) is its root, because
   * (1 − i)² = −2i and (1 + i)² = 2i.
   *
   * @throws ArithmeticException if v is zero (the ratio is undefined)
   */
  static SqrtRatio sqrtRatio(FieldElement u, FieldElement v) {
    if (v.isZero()) {
      throw new ArithmeticException("sqrt_ratio is undefined for a zero denominator");
    }
    FieldElement v3 = v.square().multiply(v);
    FieldElement v7 = v3.square().multiply(v);
    FieldElement r = u.multiply(v3).multiply(u.multiply(v7).powPMinus5Over8());
    FieldElement check = v.multiply(r.square());
    if (check.equals(u)) {
      return new SqrtRatio(true, r);
    }
    if (check.equals(u.negate())) {
      return new SqrtRatio(true, r.multiply(SQRT_MINUS_ONE));
    }
    if (check.equals(u.multiply(SQRT_MINUS_ONE))) {
      return new SqrtRatio(false, r.multiply(ONE_MINUS_I));
    }
    return new SqrtRatio(false, r.multiply(ONE_PLUS_I));
  }

  /** The result of {@link #sqrtRatio}: a root of u/v when {@code isSquare}, otherwise a root of 2·u/v. */
  record SqrtRatio(boolean isSquare, FieldElement root) {}

  boolean isZero() {
    return X25519Field.isZeroVar(normalizedLimbs());
  }

  /** RFC 9380 sgn0 for a prime field: the parity of the canonical value. */
  int sgn0() {
    return normalizedLimbs()[0] & 1;
  }

  /** The canonical value, 32 bytes little-endian (RFC 7748 encoding). */
  byte[] toLittleEndian() {
    byte[] out = new byte[32];
    X25519Field.encode(normalizedLimbs(), out, 0);
    return out;
  }

  BigInteger toBigInteger() {
    byte[] littleEndian = toLittleEndian();
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = littleEndian[31 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldElement other && Arrays.equals(normalizedLimbs(), other.normalizedLimbs());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(normalizedLimbs());
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }

  /**
   * x^((p−5)/8) = x^(2^252 − 3): 250 one-bits, a zero, a one. Works in place on scratch limbs because this
   * chain is most of the cost of a hash to the curve. Writing e(k) = x^(2^k − 1), e(a+b) = e(a)^(2^b)·e(b).
   */
  private FieldElement powPMinus5Over8() {
    int[] e1 = limbs;
    int[] e2 = squareTimesThenMultiply(e1, 1, e1);
    int[] e4 = squareTimesThenMultiply(e2, 2, e2);
    int[] e5 = squareTimesThenMultiply(e4, 1, e1);
    int[] e10 = squareTimesThenMultiply(e5, 5, e5);
    int[] e20 = squareTimesThenMultiply(e10, 10, e10);
    int[] e40 = squareTimesThenMultiply(e20, 20, e20);
    int[] e50 = squareTimesThenMultiply(e40, 10, e10);
    int[] e100 = squareTimesThenMultiply(e50, 50, e50);
    int[] e200 = squareTimesThenMultiply(e100, 100, e100);
    int[] e250 = squareTimesThenMultiply(e200, 50, e50);
    return new FieldElement(squareTimesThenMultiply(e250, 2, e1));
  }

  /** base^(2^times) · factor, as fresh limbs. */
  private static int[] squareTimesThenMultiply(int[] base, int times, int[] factor) {
    int[] z = X25519Field.create();
    X25519Field.sqr(base, times, z);
    X25519Field.mul(z, factor, z);
    return z;
  }

  private static FieldElement decodeLittleEndian(byte[] littleEndian32) {
    int[] z = X25519Field.create();
    X25519Field.decode255(littleEndian32, z);
    return new FieldElement(z);
  }

  private static FieldElement carried(int[] z) {
    X25519Field.carry(z);
    return new FieldElement(z);
  }

  private int[] normalizedLimbs() {
    int[] z = limbs.clone();
    X25519Field.normalize(z);
    return z;
  }
}
