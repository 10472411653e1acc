package dev.consilium.mpc.mask;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class ZeroSumMaskTest {
  private static final int BANKS = 5;
  private final SecureRandom random = DeterministicRandom.secureRandom(20261122L);
  private final List<X25519PrivateKey> keys = generateKeys(BANKS);
  private final List<X25519PublicKey> publicKeys = keys.stream().map(X25519PrivateKey::publicKey).toList();
  private final BigInteger n = new BigInteger(2048, random).setBit(2047).setBit(0);

  @Test
  public void totalMask_allBanks_sumToZero() throws Exception {
    for (int inquiry = 0; inquiry < 10; inquiry++) {
      BigInteger sum = BigInteger.ZERO;
      for (int j = 0; j < BANKS; j++) {
        BigInteger mask = ZeroSumMask.totalMask(keys.get(j), j, publicKeys, inquiryId(inquiry), n);
        assertTrue(mask.signum() >= 0 && mask.compareTo(n) < 0);
        assertNotEquals(BigInteger.ZERO, mask);
        sum = sum.add(mask);
      }
      assertEquals(BigInteger.ZERO, sum.mod(n));
    }
  }

  @Test
  public void correction_missingBanks_recoversUnmaskedTotal() throws Exception {
    long[] amounts = {1_000L, 0L, 250_000L, 42L, 7_777L};
    for (Set<Integer> missing : List.of(Set.of(0), Set.of(4), Set.of(1, 3), Set.of(0, 2, 4))) {
      BigInteger sum = BigInteger.ZERO;
      BigInteger expected = BigInteger.ZERO;
      for (int j = 0; j < BANKS; j++) {
        if (missing.contains(j)) {
          continue;
        }
        byte[] q = inquiryId(99);
        sum = sum.add(BigInteger.valueOf(amounts[j])).add(ZeroSumMask.totalMask(keys.get(j), j, publicKeys, q, n))
            .add(ZeroSumMask.correction(keys.get(j), j, publicKeys, missing, q, n));
        expected = expected.add(BigInteger.valueOf(amounts[j]));
      }
      assertEquals("missing " + missing, expected, sum.mod(n));
    }
  }

  @Test
  public void pairMask_bothSidesDeriveSameSecret() throws Exception {
    assertTrue(PairwiseMaskSecret.derive(keys.get(0), publicKeys.get(3))
        .equalsSecretBytes(PairwiseMaskSecret.derive(keys.get(3), publicKeys.get(0))));
  }

  @Test
  public void totalMask_singleMaskedValue_isUniformOverBuckets() throws Exception {
    // 16 equal buckets of [0, n); chi-square with 15 degrees of freedom, 37.70 is its 0.999 quantile.
    int buckets = 16;
    int inquiries = 1_600;
    int[] counts = new int[buckets];
    BigInteger amount = BigInteger.valueOf(123_456L);
    for (int inquiry = 0; inquiry < inquiries; inquiry++) {
      BigInteger masked = amount.add(ZeroSumMask.totalMask(keys.get(1), 1, publicKeys, inquiryId(inquiry), n)).mod(n);
      assertNotEquals(amount, masked);
      counts[masked.multiply(BigInteger.valueOf(buckets)).divide(n).intValueExact()]++;
    }
    double expected = (double) inquiries / buckets;
    double chiSquare = 0;
    for (int count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    assertTrue("chi-square " + chiSquare + " over buckets " + java.util.Arrays.toString(counts), chiSquare < 37.70);
  }

  @Test
  public void pairMask_differentInquiries_differ() throws Exception {
    var secret = PairwiseMaskSecret.derive(keys.get(0), publicKeys.get(1));
    assertNotEquals(ZeroSumMask.pairMask(secret, inquiryId(1), n), ZeroSumMask.pairMask(secret, inquiryId(2), n));
  }

  @Test
  public void totalMask_wrongKey_givesDifferentMask() throws Exception {
    X25519PrivateKey intruder = X25519PrivateKey.generate(random);
    List<X25519PublicKey> withIntruder = new ArrayList<>(publicKeys);
    withIntruder.set(2, intruder.publicKey());
    BigInteger real = ZeroSumMask.totalMask(keys.get(2), 2, publicKeys, inquiryId(5), n);
    BigInteger forged = ZeroSumMask.totalMask(intruder, 2, withIntruder, inquiryId(5), n);
    assertNotEquals(real, forged);
  }

  @Test
  public void totalMask_keyNotAtPosition_throws() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> ZeroSumMask.totalMask(keys.get(2), 3, publicKeys, inquiryId(5), n));
    assertTrue(e.getMessage(), e.getMessage().contains("participant 3"));
  }

  @Test
  public void correction_selfMissing_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> ZeroSumMask.correction(keys.get(2), 2, publicKeys, Set.of(2), inquiryId(5), n));
  }

  @Test
  public void pairwiseSecret_samePartyTwice_throws() {
    assertThrows(InvalidKeyException.class, () -> PairwiseMaskSecret.derive(keys.get(0), publicKeys.get(0)));
  }

  private static byte[] inquiryId(int i) {
    return ("inquiry-" + i).getBytes(StandardCharsets.US_ASCII);
  }

  private List<X25519PrivateKey> generateKeys(int count) {
    List<X25519PrivateKey> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(X25519PrivateKey.generate(random));
    }
    return out;
  }
}
