package dev.consilium.roles.credit;

import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.paillier.PackingLayout;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.roles.institution.LoanBook;
import java.math.BigInteger;
import java.util.List;

/**
 * How an inquiry's per-customer amounts are packed into Paillier plaintexts: customer i sits in slot
 * i mod S of ciphertext i / S, S slots to a ciphertext. Every bank derives it alike from committed state
 * alone (the asker's key size, the number of participants, the number of customers), so the asker's
 * {@code ciphertextsPerShare} can be checked against it and every share lines up slot for slot.
 *
 * <p>Each slot holds one bank's amount for one customer with headroom for every participant's, so the sum
 * of all shares cannot carry into a neighbour: 50 bits cover {@link LoanBook#MAX_TOTAL_CENTS} (10^15), plus
 * ⌈log₂ participants⌉ bits, so 52-bit slots for 4 banks and 39 of them under a 2048-bit key. A slot is at
 * most 63 bits (it unpacks into a long), which leaves the amount all 50 bits up to 2^13 participants; past
 * that the amount gets fewer bits, and a bank owed more than fits refuses the step rather than corrupt the
 * total.
 */
public final class InquiryPacking {
  private static final int SLOT_BITS_MAX = 63;
  private static final int AMOUNT_BITS = 64 - Long.numberOfLeadingZeros(LoanBook.MAX_TOTAL_CENTS);

  private final PackingLayout layout;
  private final int customers;

  private InquiryPacking(PackingLayout layout, int customers) {
    this.layout = layout;
    this.customers = customers;
  }

  static InquiryPacking of(PaillierParameters parameters, int participants, int customers) {
    if (participants < 1 || customers < 1) {
      throw new IllegalArgumentException("an inquiry has at least one participant and one customer, not "
          + participants + " and " + customers);
    }
    int headroomBits = 32 - Integer.numberOfLeadingZeros(participants - 1);
    int valueBits = Math.min(AMOUNT_BITS, SLOT_BITS_MAX - headroomBits);
    int slots = PackingLayout.maxSlots(parameters, valueBits, participants);
    if (slots < 1) {
      throw new IllegalArgumentException("a " + parameters.modulusBits() + "-bit key holds no slot of "
          + (valueBits + headroomBits) + " bits");
    }
    return new InquiryPacking(PackingLayout.unsigned(valueBits, participants, slots), customers);
  }

  /** Ciphertexts in each share of an inquiry about {@code customers} among {@code participants} banks. */
  public static int ciphertextsPerShare(PaillierParameters parameters, int participants, int customers) {
    return of(parameters, participants, customers).ciphertexts();
  }

  /** Ciphertexts in each share. */
  int ciphertexts() {
    return (customers + layout.slots() - 1) / layout.slots();
  }

  /** Customers packed in ciphertext {@code index}: all slots but perhaps in the last. */
  int countIn(int index) {
    return Math.min(layout.slots(), customers - index * layout.slots());
  }

  /** The largest amount one bank can contribute for one customer. */
  long maxAmountCents() {
    return (1L << layout.valueBits()) - 1;
  }

  /** Ciphertext {@code index}'s plaintext: the amounts of its customers, from {@code amounts} (one per customer). */
  BigInteger pack(long[] amounts, int index) {
    long[] values = new long[countIn(index)];
    System.arraycopy(amounts, index * layout.slots(), values, 0, values.length);
    return layout.pack(values);
  }

  /** The per-customer sums of {@code summands} shares, from the decrypted totals (one per ciphertext). */
  long[] unpack(List<BigInteger> plaintexts, int summands) {
    if (plaintexts.size() != ciphertexts()) {
      throw new IllegalArgumentException(plaintexts.size() + " plaintexts for " + ciphertexts() + " ciphertexts");
    }
    long[] sums = new long[customers];
    for (int index = 0; index < plaintexts.size(); index++) {
      long[] values = layout.unpack(plaintexts.get(index), countIn(index), summands);
      System.arraycopy(values, 0, sums, index * layout.slots(), values.length);
    }
    return sums;
  }

  /**
   * The zero-sum masks' per-ciphertext input: the inquiry id and the ciphertext's index, unambiguously, so
   * that no two ciphertexts of any inquiries share a mask.
   */
  static byte[] maskInput(String inquiryId, int index) {
    return new CanonicalWriter().writeString(inquiryId).writeI32(index).toByteArray();
  }
}
