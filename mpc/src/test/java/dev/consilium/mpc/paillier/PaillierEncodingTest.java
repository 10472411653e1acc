package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class PaillierEncodingTest {
  private final PaillierEncrypter encrypter = TestKeys.ENCRYPTER;
  private final PaillierDecrypter decrypter = TestKeys.DECRYPTER;

  @Test
  public void fixedPoint_randomReals_roundTripWithinHalfAnUlp() throws Exception {
    FixedPointEncoding encoding = FixedPointEncoding.withFractionBits(40);
    Random random = new Random(11L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
      double back = encoding.decode(SignedEncoding.decode(SignedEncoding.encode(encoding.encode(x),
          TestKeys.KEY.publicKey()), TestKeys.KEY.publicKey()));
      if (Math.abs(back - x) > encoding.maxRoundingError()) {
        failures.add(x + " came back as " + back);
      }
    }
    assertTrue(failures.toString(), failures.isEmpty());
  }

  @Test
  public void fixedPoint_encryptedSumAndScalarProduct_decodeWithTheirScales() throws Exception {
    FixedPointEncoding encoding = FixedPointEncoding.withFractionBits(32);
    PaillierCiphertext sum = encrypter.encryptSigned(encoding.encode(1.25))
        .add(encrypter.encryptSigned(encoding.encode(-3.5)));
    assertEquals(-2.25, encoding.decode(decrypter.decryptSigned(sum)), encoding.maxRoundingError());
    PaillierCiphertext product = sum.multiply(encoding.encode(-0.5));
    assertEquals(1.125, FixedPointEncoding.decode(decrypter.decryptSigned(product), 64), 1e-9);
  }

  @Test
  public void fixedPoint_nonFinite_throws() {
    FixedPointEncoding encoding = FixedPointEncoding.withFractionBits(16);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.encode(Double.NaN));
    assertTrue(e.getMessage(), e.getMessage().contains("NaN"));
    IllegalArgumentException bits = assertThrows(IllegalArgumentException.class,
        () -> FixedPointEncoding.withFractionBits(-1));
    assertTrue(bits.getMessage(), bits.getMessage().contains("fractionBits"));
  }

  @Test
  public void encryptSigned_beyondThirdOfModulus_throws() {
    BigInteger tooBig = TestKeys.KEY.publicKey().signedBound().add(BigInteger.ONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encrypter.encryptSigned(tooBig));
    assertTrue(e.getMessage(), e.getMessage().contains("outside (−n/3, n/3)"));
    assertThrows(IllegalArgumentException.class, () -> encrypter.encryptSigned(tooBig.negate()));
  }

  @Test
  public void decryptSigned_sumOverflowsThirdOfModulus_throws() {
    BigInteger bound = TestKeys.KEY.publicKey().signedBound();
    PaillierCiphertext big = encrypter.encryptSigned(bound);
    PlaintextOverflowException e = assertThrows(PlaintextOverflowException.class,
        () -> decrypter.decryptSigned(big.add(big)));
    assertTrue(e.getMessage(), e.getMessage().contains("between n/3 and 2n/3"));
  }

  @Test
  public void packing_sumAtTheHeadroomLimit_roundTrips() throws Exception {
    Random random = new Random(3L);
    int maxSummands = 16;
    int valueBits = 32;
    int slots = PackingLayout.maxSlots(PaillierParameters.DEFAULT, valueBits, maxSummands);
    assertEquals(2046 / 36, slots);
    for (boolean signed : new boolean[] {false, true}) {
      PackingLayout layout = signed ? PackingLayout.signed(valueBits, maxSummands, slots)
          : PackingLayout.unsigned(valueBits, maxSummands, slots);
      long lo = signed ? -(1L << 31) : 0;
      long hi = signed ? (1L << 31) - 1 : (1L << 32) - 1;
      long[] expected = new long[slots];
      PackedCiphertext sum = null;
      for (int s = 0; s < maxSummands; s++) {
        long[] values = new long[slots];
        for (int i = 0; i < slots; i++) {
          // The extremes in the first slots push every carry to its limit; the rest are random.
          values[i] = i == 0 ? hi : i == 1 ? lo : lo + (long) (random.nextDouble() * (hi - lo));
          expected[i] += values[i];
        }
        PackedCiphertext c = encrypter.encryptPacked(values, layout);
        sum = sum == null ? c : sum.add(c);
      }
      assertEquals(maxSummands, sum.summands());
      assertArrayEquals(layout.toString(), expected, decrypter.decryptPacked(sum));
    }
  }

  @Test
  public void packing_randomVectors_roundTrip() throws Exception {
    Random random = new Random(5L);
    PackingLayout layout = PackingLayout.signed(20, 4, 30);
    for (int trial = 0; trial < 200; trial++) {
      int count = 1 + random.nextInt(30);
      long[] a = random.longs(count, -(1 << 19), 1 << 19).toArray();
      long[] b = random.longs(count, -(1 << 19), 1 << 19).toArray();
      long[] sum = new long[count];
      Arrays.setAll(sum, i -> a[i] + b[i]);
      assertArrayEquals(sum, decrypter.decryptPacked(
          encrypter.encryptPacked(a, layout).add(encrypter.encryptPacked(b, layout))));
    }
  }

  @Test
  public void packedAdd_beyondHeadroom_throws() throws Exception {
    PackingLayout layout = PackingLayout.unsigned(16, 2, 4);
    PackedCiphertext two = encrypter.encryptPacked(new long[] {1, 2}, layout)
        .add(encrypter.encryptPacked(new long[] {3, 4}, layout));
    PackedCiphertext one = encrypter.encryptPacked(new long[] {5, 6}, layout);
    PlaintextOverflowException e = assertThrows(PlaintextOverflowException.class, () -> two.add(one));
    assertTrue(e.getMessage(), e.getMessage().contains("2 + 1 summands exceeds the headroom for 2"));
  }

  @Test
  public void pack_valueOutOfRange_throws() {
    PackingLayout layout = PackingLayout.unsigned(8, 2, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> encrypter.encryptPacked(new long[] {1, 256}, layout));
    assertTrue(e.getMessage(), e.getMessage().contains("value at index 1 is outside the unsigned 8-bit range"));
    assertFalse(e.getMessage(), e.getMessage().contains("256"));
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> encrypter.encryptPacked(new long[5], layout));
    assertTrue(tooMany.getMessage(), tooMany.getMessage().contains("5 values do not fit in 4 slots"));
  }

  @Test
  public void layout_tooWideForKey_throws() {
    PackingLayout layout = PackingLayout.unsigned(60, 8, 40);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> encrypter.encryptPacked(new long[] {1}, layout));
    assertTrue(e.getMessage(), e.getMessage().contains("40 slots of 63 bits need 2520 bits"));
  }
}
