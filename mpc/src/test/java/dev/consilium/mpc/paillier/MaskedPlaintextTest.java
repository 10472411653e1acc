package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.mpc.testing.DeterministicRandom;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.Test;

public class MaskedPlaintextTest {
  private final PaillierPublicKey key = TestKeys.KEY.publicKey();
  private final BigInteger n = key.modulus();

  @Test
  public void encrypt_zeroSumMasks_totalDecryptsToSumOfAmounts() throws Exception {
    SecureRandom random = DeterministicRandom.secureRandom(5);
    long[] amounts = {5_000L, -1_200L, 0L, 987_654L};
    BigInteger[] masks = new BigInteger[amounts.length];
    BigInteger last = BigInteger.ZERO;
    for (int i = 0; i < amounts.length - 1; i++) {
      masks[i] = new BigInteger(n.bitLength() + 64, random).mod(n);
      last = last.subtract(masks[i]);
    }
    masks[amounts.length - 1] = last.mod(n);
    PaillierCiphertext total = null;
    long expected = 0;
    for (int i = 0; i < amounts.length; i++) {
      PaillierCiphertext c = MaskedPlaintext.encrypt(TestKeys.ENCRYPTER, amounts[i], masks[i]);
      assertNotEquals(SignedEncoding.encode(BigInteger.valueOf(amounts[i]), key), TestKeys.DECRYPTER.decrypt(c));
      total = total == null ? c : total.add(c);
      expected += amounts[i];
    }
    assertEquals(expected, TestKeys.DECRYPTER.decryptLong(total));
  }

  @Test
  public void encryptCorrection_removesMissingMask() throws Exception {
    BigInteger mask = BigInteger.valueOf(123_456_789L);
    PaillierCiphertext contribution = MaskedPlaintext.encrypt(TestKeys.ENCRYPTER, 700L, mask);
    PaillierCiphertext correction = MaskedPlaintext.encryptCorrection(TestKeys.ENCRYPTER, n.subtract(mask));
    assertEquals(700L, TestKeys.DECRYPTER.decryptLong(contribution.add(correction)));
  }

  @Test
  public void encryptPacked_zeroSumMasks_totalUnpacksToSlotwiseSums() throws Exception {
    SecureRandom random = DeterministicRandom.secureRandom(6);
    int banks = 4;
    PackingLayout layout = PackingLayout.unsigned(60, banks,
        PackingLayout.maxSlots(key.parameters(), 60, banks));
    long[][] amounts = new long[banks][layout.slots()];
    long[] expected = new long[layout.slots()];
    BigInteger sumOfMasks = BigInteger.ZERO;
    PaillierCiphertext total = null;
    for (int bank = 0; bank < banks; bank++) {
      for (int slot = 0; slot < layout.slots(); slot++) {
        amounts[bank][slot] = (random.nextLong() >>> 4) % (1L << 60); // up to the full 60 bits
        expected[slot] += amounts[bank][slot];
      }
      BigInteger mask = bank < banks - 1 ? new BigInteger(n.bitLength() + 64, random).mod(n)
          : sumOfMasks.negate().mod(n);
      sumOfMasks = sumOfMasks.add(mask);
      PaillierCiphertext c = MaskedPlaintext.encryptPacked(TestKeys.ENCRYPTER, layout.pack(amounts[bank]), mask);
      assertNotEquals("a single share decrypts to the mask, not the packed amounts", layout.pack(amounts[bank]),
          TestKeys.DECRYPTER.decrypt(c));
      total = total == null ? c : total.add(c);
    }
    assertArrayEquals(expected, layout.unpack(TestKeys.DECRYPTER.decrypt(total), layout.slots(), banks));
  }

  @Test
  public void ofPacked_outOfRange_throws() {
    assertThrows(IllegalArgumentException.class, () -> MaskedPlaintext.ofPacked(n, BigInteger.ONE, key));
    assertThrows(IllegalArgumentException.class,
        () -> MaskedPlaintext.ofPacked(BigInteger.ONE.negate(), BigInteger.ONE, key));
    assertThrows(IllegalArgumentException.class, () -> MaskedPlaintext.ofPacked(BigInteger.ONE, n, key));
  }

  @Test
  public void of_maskNotReduced_throws() {
    assertThrows(IllegalArgumentException.class, () -> MaskedPlaintext.of(1L, n, key));
    assertThrows(IllegalArgumentException.class, () -> MaskedPlaintext.of(1L, BigInteger.ONE.negate(), key));
  }
}
