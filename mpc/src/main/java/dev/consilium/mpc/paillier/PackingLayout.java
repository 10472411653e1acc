package dev.consilium.mpc.paillier;

import java.math.BigInteger;

/**
 * Packs up to {@code slots} values of {@code valueBits} bits into one plaintext, each slot wide enough that
 * the sum of up to {@code maxSummands} packed plaintexts cannot carry into its neighbour.
 *
 * <p>Slot width = valueBits + ⌈log₂ maxSummands⌉. Unsigned values lie in [0, 2^valueBits); signed ones in
 * [−2^(valueBits−1), 2^(valueBits−1)) and are stored with an offset of 2^(valueBits−1), which is removed
 * on unpacking once per summand. Packed plaintexts only add: a scalar product would break the headroom.
 */
public final class PackingLayout {
  private final int valueBits;
  private final int maxSummands;
  private final int slots;
  private final boolean signed;
  private final int slotBits;

  private PackingLayout(int valueBits, int maxSummands, int slots, boolean signed) {
    if (valueBits < 1 || valueBits > 62) {
      throw new IllegalArgumentException("valueBits must be in [1, 62], was " + valueBits);
    }
    if (maxSummands < 1) {
      throw new IllegalArgumentException("maxSummands must be at least 1, was " + maxSummands);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.valueBits = valueBits;
    this.maxSummands = maxSummands;
    this.slots = slots;
    this.signed = signed;
    this.slotBits = valueBits + headroomBits(maxSummands);
    if (slotBits > 63) {
      throw new IllegalArgumentException("slot of " + valueBits + " value bits with headroom for "
          + maxSummands + " summands needs " + slotBits + " bits; at most 63 fit in a long");
    }
  }

  public static PackingLayout unsigned(int valueBits, int maxSummands, int slots) {
    return new PackingLayout(valueBits, maxSummands, slots, false);
  }

  public static PackingLayout signed(int valueBits, int maxSummands, int slots) {
    return new PackingLayout(valueBits, maxSummands, slots, true);
  }

  /** The most slots of this kind that fit under a key of the given size. */
  public static int maxSlots(PaillierParameters parameters, int valueBits, int maxSummands) {
    return usableBits(parameters) / (valueBits + headroomBits(maxSummands));
  }

  public int valueBits() {
    return valueBits;
  }

  public int maxSummands() {
    return maxSummands;
  }

  public int slots() {
    return slots;
  }

  public int slotBits() {
    return slotBits;
  }

  public boolean isSigned() {
    return signed;
  }

  /** Refuses a layout whose packed sums could reach n under {@code parameters}. */
  public void requireFits(PaillierParameters parameters) {
    int needed = slots * slotBits;
    if (needed > usableBits(parameters)) {
      throw new IllegalArgumentException(slots + " slots of " + slotBits + " bits need " + needed
          + " bits; a " + parameters.modulusBits() + "-bit key holds " + usableBits(parameters));
    }
  }

  /** Packs {@code values} (at most {@link #slots()}), slot 0 in the lowest bits. */
  public BigInteger pack(long[] values) {
    if (values.length > slots) {
      throw new IllegalArgumentException(values.length + " values do not fit in " + slots + " slots");
    }
    long offset = signed ? 1L << (valueBits - 1) : 0;
    long limit = 1L << valueBits;
    BigInteger packed = BigInteger.ZERO;
    for (int i = values.length - 1; i >= 0; i--) {
      long stored = values[i] + offset;
      if (stored < 0 || stored >= limit) {
        // The value itself stays out of the message: plaintexts are secret.
        throw new IllegalArgumentException("value at index " + i + " is outside the "
            + (signed ? "signed" : "unsigned") + " " + valueBits + "-bit range");
      }
      packed = packed.shiftLeft(slotBits).or(BigInteger.valueOf(stored));
    }
    return packed;
  }

  /** Unpacks the sum of {@code summands} packed plaintexts holding {@code count} values each. */
  public long[] unpack(BigInteger plaintext, int count, int summands) {
    if (count < 0 || count > slots) {
      throw new IllegalArgumentException("count must be in [0, " + slots + "], was " + count);
    }
    if (summands < 1 || summands > maxSummands) {
      throw new PlaintextOverflowException(
          "a packed sum of " + summands + " summands exceeds the headroom for " + maxSummands);
    }
    if (plaintext.signum() < 0 || plaintext.bitLength() > count * slotBits) {
      throw new PlaintextOverflowException("packed plaintext of " + plaintext.bitLength()
          + " bits exceeds " + count + " slots of " + slotBits + " bits: overflow or wrong key");
    }
    long offset = signed ? summands * (1L << (valueBits - 1)) : 0;
    long mask = (1L << slotBits) - 1;
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = plaintext.shiftRight(i * slotBits).longValue() & mask;
      values[i] -= offset;
    }
    return values;
  }

  // A packed sum is decoded slot by slot, not as a signed whole, so it only has to stay below n: two bits
  // under the modulus length guarantee that.
  private static int usableBits(PaillierParameters parameters) {
    return parameters.modulusBits() - 2;
  }

  static int headroomBits(int maxSummands) {
    return 32 - Integer.numberOfLeadingZeros(maxSummands - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackingLayout other && valueBits == other.valueBits
        && maxSummands == other.maxSummands && slots == other.slots && signed == other.signed;
  }

  @Override
  public int hashCode() {
    return ((valueBits * 31 + maxSummands) * 31 + slots) * 2 + (signed ? 1 : 0);
  }

  @Override
  public String toString() {
    return "PackingLayout[" + slots + " × " + (signed ? "signed " : "") + valueBits + " bits, headroom for "
        + maxSummands + " summands]";
  }
}
