package dev.consilium.mpc.paillier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Real numbers as signed integers scaled by 2^fractionBits (round to nearest, ties to even), for
 * encryption with {@link SignedEncoding}. Adding two encodings keeps the scale; multiplying a ciphertext by
 * an encoded scalar doubles it, so {@link #decode(BigInteger, int)} takes the scale explicitly.
 */
public final class FixedPointEncoding {
  /** Far beyond double precision; larger scales would only waste plaintext space. */
  public static final int MAX_FRACTION_BITS = 1_074;

  private final int fractionBits;

  private FixedPointEncoding(int fractionBits) {
    this.fractionBits = fractionBits;
  }

  public static FixedPointEncoding withFractionBits(int fractionBits) {
    if (fractionBits < 0 || fractionBits > MAX_FRACTION_BITS) {
      throw new IllegalArgumentException(
          "fractionBits must be in [0, " + MAX_FRACTION_BITS + "], was " + fractionBits);
    }
    return new FixedPointEncoding(fractionBits);
  }

  public int fractionBits() {
    return fractionBits;
  }

  /** The largest rounding error of {@link #encode}: half a unit of the last place, 2^-(fractionBits+1). */
  public double maxRoundingError() {
    return Math.scalb(1.0, -(fractionBits + 1));
  }

  public BigInteger encode(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot encode " + x + " as fixed point: not a finite number");
    }
    return new BigDecimal(x).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fractionBits)))
        .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
  }

  public double decode(BigInteger value) {
    return decode(value, fractionBits);
  }

  /** {@code value / 2^scaleBits}, for results whose scale differs from this encoding's (products). */
  public static double decode(BigInteger value, int scaleBits) {
    if (scaleBits < 0) {
      throw new IllegalArgumentException("scaleBits must be non-negative, was " + scaleBits);
    }
    return new BigDecimal(value).divide(new BigDecimal(BigInteger.ONE.shiftLeft(scaleBits))).doubleValue();
  }

  @Override
  public String toString() {
    return "FixedPointEncoding[" + fractionBits + " fraction bits]";
  }
}
