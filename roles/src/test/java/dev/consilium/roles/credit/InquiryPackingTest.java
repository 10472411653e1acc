package dev.consilium.roles.credit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.mask.ZeroSumMask;
import dev.consilium.mpc.paillier.MaskedPlaintext;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.roles.institution.LoanBook;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.Test;

/** A batch inquiry's packed, masked shares must add up to every customer's total, and to nothing else. */
public class InquiryPackingTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final PaillierPrivateKey KEY = PaillierKeyGenerator.generate(PaillierParameters.DEFAULT, RANDOM);
  private static final int BANKS = 4;

  @Test
  public void ciphertexts_areOnePerFullSetOfSlots() {
    PaillierParameters parameters = KEY.publicKey().parameters();
    int slots = InquiryPacking.of(parameters, BANKS, 1_000).countIn(0);
    // 50-bit amounts (LoanBook.MAX_TOTAL_CENTS is 10^15) with 2 bits of headroom for 4 banks, under n less 2 bits.
    assertEquals((parameters.modulusBits() - 2) / 52, slots);
    assertEquals(1, InquiryPacking.of(parameters, BANKS, 1).ciphertexts());
    assertEquals(1, InquiryPacking.of(parameters, BANKS, slots).ciphertexts());
    assertEquals(2, InquiryPacking.of(parameters, BANKS, slots + 1).ciphertexts());
    assertEquals(1, InquiryPacking.of(parameters, BANKS, slots + 1).countIn(1));
    assertEquals((1_000 + slots - 1) / slots, InquiryPacking.of(parameters, BANKS, 1_000).ciphertexts());
  }

  @Test
  public void amountBits_coverTheLoanBooksBound_forTheLargestConsortium() {
    PaillierParameters parameters = KEY.publicKey().parameters();
    assertEquals((1L << 50) - 1, InquiryPacking.of(parameters, BANKS, 10).maxAmountCents());
    assertFalse(InquiryPacking.of(parameters, 64, 10).maxAmountCents() < LoanBook.MAX_TOTAL_CENTS);
    // Past 2^13 participants a 63-bit slot leaves fewer than 50 bits for the amount: it shrinks, not overflows.
    assertEquals((1L << 49) - 1, InquiryPacking.of(parameters, (1 << 13) + 1, 10).maxAmountCents());
    assertThrows(IllegalArgumentException.class, () -> InquiryPacking.of(parameters, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> InquiryPacking.of(parameters, BANKS, 0));
  }

  @Test
  public void maskedShares_ofABatch_sumToEachCustomersTotal_evenAfterADropoutAndCorrections() throws Exception {
    int customers = 100;
    InquiryPacking packing = InquiryPacking.of(KEY.publicKey().parameters(), BANKS, customers);
    PaillierEncrypter encrypter = PaillierEncrypter.create(KEY.publicKey());
    PaillierDecrypter decrypter = PaillierDecrypter.create(KEY);
    List<X25519PrivateKey> banks = new ArrayList<>();
    List<X25519PublicKey> publicKeys = new ArrayList<>();
    for (int b = 0; b < BANKS; b++) {
      banks.add(X25519PrivateKey.generate(RANDOM));
      publicKeys.add(banks.get(b).publicKey());
    }
    SplittableRandom random = new SplittableRandom(11);
    long[] expected = new long[customers];
    PaillierCiphertext[] totals = new PaillierCiphertext[packing.ciphertexts()];
    int dropped = BANKS - 1; // never contributes
    for (int b = 0; b < dropped; b++) {
      long[] amounts = new long[customers];
      for (int c = 0; c < customers; c++) {
        // Zero, ordinary, and the largest amount a slot takes: a carry between slots would show.
        int kind = random.nextInt(3);
        amounts[c] = kind == 0 ? 0 : kind == 1 ? random.nextLong(1_000_000_00L) : packing.maxAmountCents();
        expected[c] += amounts[c];
      }
      for (int index = 0; index < packing.ciphertexts(); index++) {
        BigInteger packed = packing.pack(amounts, index);
        PaillierCiphertext share = InquiryWork.maskedShare(banks.get(b), b, publicKeys, "inq-batch", index, packed,
            encrypter);
        assertNotEquals("a share alone decrypts to noise, not its amounts", packed, decrypter.decrypt(share));
        BigInteger correction = ZeroSumMask.correction(banks.get(b), b, publicKeys, Set.of(dropped),
            InquiryPacking.maskInput("inq-batch", index), KEY.publicKey().modulus());
        PaillierCiphertext corrected = share.add(MaskedPlaintext.encryptPacked(encrypter, BigInteger.ZERO,
            correction));
        totals[index] = totals[index] == null ? corrected : totals[index].add(corrected);
      }
    }
    List<BigInteger> plaintexts = new ArrayList<>();
    for (PaillierCiphertext total : totals) {
      plaintexts.add(decrypter.decrypt(total));
    }
    assertArrayEquals(expected, packing.unpack(plaintexts, dropped));
  }

  @Test
  public void maskInput_differsForEveryInquiryAndIndex() {
    assertFalse(Arrays.equals(InquiryPacking.maskInput("inq-1", 0), InquiryPacking.maskInput("inq-1", 1)));
    assertFalse(Arrays.equals(InquiryPacking.maskInput("inq-1", 0), InquiryPacking.maskInput("inq-10", 0)));
    assertFalse(Arrays.equals(InquiryPacking.maskInput("a", 256), InquiryPacking.maskInput("a\u0001", 0)));
  }

  @Test
  public void unpack_ofTheWrongNumberOfPlaintexts_isRefused() {
    InquiryPacking packing = InquiryPacking.of(KEY.publicKey().parameters(), BANKS, 100);
    assertThrows(IllegalArgumentException.class, () -> packing.unpack(List.of(BigInteger.ONE), BANKS));
  }
}
