package dev.consilium.roles.features.aggregation;

import dev.consilium.mpc.additive.FixedPointCodec;
import dev.consilium.mpc.additive.FixedPointOverflowException;
import dev.consilium.mpc.additive.RingMatrix;
import org.ejml.data.DMatrixRMaj;

/**
 * The fixed-point encoding of one task's Z matrices: {@code fractionBits} of precision (a task setting), a
 * range of ±2^{@link #INTEGER_BITS} per holder's value, and headroom for the sum over every holder. Every
 * party of a task builds the same codec from the task's registration.
 */
public final class ZCodec {
  /** |Z_i| per element stays below 2²⁰ (about a million): far beyond any sane pre-activation. */
  public static final int INTEGER_BITS = 20;
  public static final int MIN_FRACTION_BITS = 8;
  public static final int MAX_FRACTION_BITS = 40;
  public static final int MAX_HOLDERS = 8;
  /** Sums of up to 2³ holders; every holder's value is in range, so their sum is too. */
  private static final int HEADROOM_BITS = 3;

  private final FixedPointCodec codec;
  private final int holders;

  private ZCodec(FixedPointCodec codec, int holders) {
    this.codec = codec;
    this.holders = holders;
  }

  /** Throws {@link IllegalArgumentException} naming the setting out of range. */
  public static ZCodec of(int fractionBits, int holders) {
    if (fractionBits < MIN_FRACTION_BITS || fractionBits > MAX_FRACTION_BITS) {
      throw new IllegalArgumentException("fractionBits must be between " + MIN_FRACTION_BITS + " and "
          + MAX_FRACTION_BITS + ", was " + fractionBits);
    }
    if (holders < 1 || holders > MAX_HOLDERS) {
      throw new IllegalArgumentException("holders must be between 1 and " + MAX_HOLDERS + ", was " + holders);
    }
    return new ZCodec(FixedPointCodec.builder().fractionBits(fractionBits).integerBits(INTEGER_BITS)
        .headroomBits(HEADROOM_BITS).build(), holders);
  }

  public int fractionBits() {
    return codec.fractionBits();
  }

  /**
   * The largest difference between an element of the reconstructed Z and the exact ΣZ_i: each holder's
   * rounding to the grid. Converting the ring sum back to a double rounds once more, by at most half an ulp
   * of the result, which matters only with many fraction bits and large values.
   */
  public double errorBound() {
    return holders * Math.scalb(1.0, -(codec.fractionBits() + 1));
  }

  /**
   * One holder's Z_i in the ring. Throws {@link FixedPointOverflowException} naming the element when a value
   * is not finite or out of range (a diverging model): nothing is shared then.
   */
  public RingMatrix encode(DMatrixRMaj z) {
    return codec.encode(z);
  }

  /** ΣZ_i from its ring form. Throws {@link FixedPointOverflowException} if the sum left the headroom. */
  public DMatrixRMaj decode(RingMatrix sum) {
    return codec.decode(sum);
  }

  @Override
  public String toString() {
    return "ZCodec[" + codec.fractionBits() + " fraction bits, " + holders + " holders]";
  }
}
