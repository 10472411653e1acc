package dev.consilium.mpc.additive;

import org.ejml.data.DMatrixRMaj;

/**
 * Reals to ring elements and back: x ↦ round(x · 2^fractionBits) as a two's-complement {@code long}.
 *
 * <p>The 63 magnitude bits of a {@code long} are budgeted once, when the codec is built: {@code integerBits}
 * for the largest |x| accepted ({@code |x| < 2^integerBits}), {@code fractionBits} for precision (round-trip
 * error ≤ 2^-(fractionBits+1)) and {@code headroomBits} for sums: up to 2^headroomBits encoded values can be
 * added without wrapping mod 2⁶⁴. A decoded value beyond what such a sum can reach means that budget was
 * broken (too many summands, or values not made by this codec) and the ring wrapped; decoding refuses it.
 * That check catches a wrap with probability about 1 − 2^(fractionBits+integerBits+headroomBits−63) for a
 * wrapped value that is effectively random, so leave a few bits unbudgeted.
 *
 * <p>Multiplying two encoded values doubles the fraction bits; rescaling products is up to the protocol.
 */
public final class FixedPointCodec {
  /** Bits a {@code long} has besides its sign. */
  public static final int MAGNITUDE_BITS = 63;

  private final int fractionBits;
  private final int integerBits;
  private final int headroomBits;
  private final double scale;
  /** Exclusive bound on |encoded value| of one input: 2^(fraction+integer), as a double since it may be 2⁶³. */
  private final double encodedLimit;
  /** Exclusive bound on |decodable value|: 2^(fraction+integer+headroom), or none when that is 2⁶³. */
  private final long sumLimit;

  private FixedPointCodec(int fractionBits, int integerBits, int headroomBits) {
    this.fractionBits = fractionBits;
    this.integerBits = integerBits;
    this.headroomBits = headroomBits;
    this.scale = Math.scalb(1.0, fractionBits);
    this.encodedLimit = Math.scalb(1.0, fractionBits + integerBits);
    int sumBits = fractionBits + integerBits + headroomBits;
    this.sumLimit = sumBits == MAGNITUDE_BITS ? Long.MIN_VALUE : 1L << sumBits;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int fractionBits() {
    return fractionBits;
  }

  public int integerBits() {
    return integerBits;
  }

  public int headroomBits() {
    return headroomBits;
  }

  /** round(x · 2^fractionBits), half to even. Throws {@link FixedPointOverflowException} unless |x| < 2^integerBits. */
  public long encode(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw new FixedPointOverflowException("cannot encode " + x + ": not a finite number");
    }
    double scaled = Math.rint(x * scale);
    // Compared as doubles, before any cast: |scaled| may exceed the long range. Rounding may also lift a value
    // just below the bound onto it, which the same test catches.
    if (Math.abs(scaled) >= encodedLimit) {
      // The value itself stays out of the message: it may be a party's private data.
      throw new FixedPointOverflowException("cannot encode a value with |x| ≥ 2^" + integerBits
          + " = " + Math.scalb(1.0, integerBits) + " (integerBits=" + integerBits + ")");
    }
    return (long) scaled;
  }

  /**
   * The real a value (or a sum of at most 2^headroomBits values) encodes. Throws {@link
   * FixedPointOverflowException} when |v| ≥ 2^(fractionBits+integerBits+headroomBits): no such sum reaches
   * there, so the ring wrapped.
   */
  public double decode(long v) {
    if (wrapped(v)) {
      throw new FixedPointOverflowException("cannot decode a raw value beyond ±2^"
          + (fractionBits + integerBits + headroomBits) + ", which sums of up to 2^" + headroomBits
          + " encoded values cannot reach, so the ring wrapped (too many summands or values out of range)");
    }
    return v / scale;
  }

  public long[] encode(double[] xs) {
    long[] out = new long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = encodeAt(xs[i], "index " + i);
    }
    return out;
  }

  public double[] decode(long[] vs) {
    double[] out = new double[vs.length];
    for (int i = 0; i < vs.length; i++) {
      out[i] = decodeAt(vs[i], "index " + i);
    }
    return out;
  }

  /** The matrix's {@code rows · cols} elements, row-major (EJML's layout). */
  public RingMatrix encode(DMatrixRMaj m) {
    int rows = m.getNumRows();
    int cols = m.getNumCols();
    long[] out = new long[rows * cols];
    for (int i = 0; i < out.length; i++) {
      out[i] = encodeAt(m.data[i], "(" + i / cols + ", " + i % cols + ")");
    }
    return RingMatrix.wrap(rows, cols, out);
  }

  public DMatrixRMaj decode(RingMatrix m) {
    DMatrixRMaj out = new DMatrixRMaj(m.rows(), m.cols());
    long[] values = m.values();
    for (int i = 0; i < values.length; i++) {
      out.data[i] = decodeAt(values[i], "(" + i / m.cols() + ", " + i % m.cols() + ")");
    }
    return out;
  }

  @Override
  public String toString() {
    return "FixedPointCodec[fractionBits=" + fractionBits + ", integerBits=" + integerBits
        + ", headroomBits=" + headroomBits + "]";
  }

  private boolean wrapped(long v) {
    if (sumLimit == Long.MIN_VALUE) {
      // The budget uses all 63 bits: only -2^63 lies beyond it.
      return v == Long.MIN_VALUE;
    }
    return v >= sumLimit || v <= -sumLimit;
  }

  private long encodeAt(double x, String where) {
    try {
      return encode(x);
    } catch (FixedPointOverflowException e) {
      throw new FixedPointOverflowException("at " + where + ": " + e.getMessage());
    }
  }

  private double decodeAt(long v, String where) {
    try {
      return decode(v);
    } catch (FixedPointOverflowException e) {
      throw new FixedPointOverflowException("at " + where + ": " + e.getMessage());
    }
  }

  /** Settings, validated together by {@link #build()}. */
  public static final class Builder {
    private int fractionBits = 20;
    private int integerBits = 20;
    private int headroomBits = 16;

    private Builder() {}

    /** Precision: 2^-fractionBits. Default 20 (about 6 decimal digits). */
    public Builder fractionBits(int bits) {
      this.fractionBits = bits;
      return this;
    }

    /** Range: |x| < 2^integerBits. Default 20 (about ±10⁶). */
    public Builder integerBits(int bits) {
      this.integerBits = bits;
      return this;
    }

    /** Sums of up to 2^headroomBits encoded values decode correctly. Default 16 (65,536 summands). */
    public Builder headroomBits(int bits) {
      this.headroomBits = bits;
      return this;
    }

    /** Throws {@link IllegalArgumentException} naming the first bad setting. */
    public FixedPointCodec build() {
      requireNonNegative("fractionBits", fractionBits);
      requireNonNegative("integerBits", integerBits);
      requireNonNegative("headroomBits", headroomBits);
      long total = (long) fractionBits + integerBits + headroomBits;
      if (total > MAGNITUDE_BITS) {
        throw new IllegalArgumentException("fractionBits + integerBits + headroomBits must be at most "
            + MAGNITUDE_BITS + ", was " + fractionBits + " + " + integerBits + " + " + headroomBits + " = " + total);
      }
      return new FixedPointCodec(fractionBits, integerBits, headroomBits);
    }

    private static void requireNonNegative(String name, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be non-negative, was " + value);
      }
    }
  }
}
