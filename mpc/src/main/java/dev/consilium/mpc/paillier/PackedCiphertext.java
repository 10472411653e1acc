package dev.consilium.mpc.paillier;

/**
 * A ciphertext of packed values that remembers how many packed plaintexts it sums, so that an addition
 * past the layout's headroom is refused before it can corrupt a neighbouring slot.
 */
public final class PackedCiphertext {
  private final PaillierCiphertext ciphertext;
  private final PackingLayout layout;
  private final int count;
  private final int summands;

  PackedCiphertext(PaillierCiphertext ciphertext, PackingLayout layout, int count, int summands) {
    this.ciphertext = ciphertext;
    this.layout = layout;
    this.count = count;
    this.summands = summands;
  }

  /** Wraps a ciphertext received from outside, stating what it packs. */
  public static PackedCiphertext of(PaillierCiphertext ciphertext, PackingLayout layout, int count,
      int summands) {
    layout.requireFits(ciphertext.publicKey().parameters());
    if (count < 1 || count > layout.slots()) {
      throw new IllegalArgumentException("count must be in [1, " + layout.slots() + "], was " + count);
    }
    if (summands < 1 || summands > layout.maxSummands()) {
      throw new IllegalArgumentException(
          "summands must be in [1, " + layout.maxSummands() + "], was " + summands);
    }
    return new PackedCiphertext(ciphertext, layout, count, summands);
  }

  public PaillierCiphertext ciphertext() {
    return ciphertext;
  }

  public PackingLayout layout() {
    return layout;
  }

  /** Values packed. */
  public int count() {
    return count;
  }

  /** Packed plaintexts summed into this ciphertext. */
  public int summands() {
    return summands;
  }

  /** Slot-wise sum; refused if the result would sum more plaintexts than the layout has headroom for. */
  public PackedCiphertext add(PackedCiphertext other) throws WrongKeyException {
    if (!layout.equals(other.layout) || count != other.count) {
      throw new IllegalArgumentException("cannot add packed ciphertexts of different shapes: " + layout
          + " with " + count + " values and " + other.layout + " with " + other.count + " values");
    }
    int total = summands + other.summands;
    if (total > layout.maxSummands()) {
      throw new PlaintextOverflowException("packed sum of " + summands + " + " + other.summands
          + " summands exceeds the headroom for " + layout.maxSummands());
    }
    return new PackedCiphertext(ciphertext.add(other.ciphertext), layout, count, total);
  }

  @Override
  public String toString() {
    return "PackedCiphertext[" + count + " values, " + summands + " summands, " + layout + "]";
  }
}
