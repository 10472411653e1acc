package dev.consilium.mpc.additive;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public final class FixedPointCodecTest {
  private final Random random = new Random(42L);

  @Test
  public void encodeDecode_randomValues_roundTripWithinHalfUlp() {
    int[][] settings = {{16, 20, 16}, {20, 20, 16}, {30, 10, 8}, {0, 40, 10}, {40, 23, 0}, {8, 8, 47}};
    for (int[] s : settings) {
      FixedPointCodec codec = codec(s[0], s[1], s[2]);
      double bound = Math.scalb(1.0, s[1]);
      double tolerance = Math.scalb(1.0, -(s[0] + 1));
      for (int trial = 0; trial < 5000; trial++) {
        double x = (random.nextDouble() * 2 - 1) * bound * 0.999;
        double back = codec.decode(codec.encode(x));
        assertTrue(codec + " x=" + x + " back=" + back, Math.abs(back - x) <= tolerance);
      }
    }
  }

  @Test
  public void decode_sumOfSharedEncodings_isSumOfValues() {
    // 200 holders each share a vector of 1000 encoded reals among 3 parties; each party adds the shares it
    // holds, and the sums of the parties' totals decode to the sums of the reals.
    FixedPointCodec codec = codec(20, 20, 8);
    int holders = 200;
    int length = 1000;
    int parties = 3;
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, parties,
        DeterministicRandom.secureRandom(3L));
    double[] expected = new double[length];
    List<List<VectorShare>> held = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int h = 0; h < holders; h++) {
      double[] xs = new double[length];
      for (int i = 0; i < length; i++) {
        xs[i] = (random.nextDouble() * 2 - 1) * 1_000_000;
        expected[i] += xs[i];
      }
      List<VectorShare> shares = sharing.split(codec.encode(xs));
      for (int p = 0; p < parties; p++) {
        held.get(p).add(shares.get(p));
      }
    }
    List<VectorShare> partyTotals = new ArrayList<>();
    for (List<VectorShare> shares : held) {
      partyTotals.add(AdditiveSharing.add(shares));
    }
    double[] decoded = codec.decode(AdditiveSharing.reconstruct(partyTotals));
    double tolerance = holders * Math.scalb(1.0, -21) + 1e-6;
    for (int i = 0; i < length; i++) {
      assertEquals("element " + i, expected[i], decoded[i], tolerance);
    }
  }

  @Test
  public void encode_largestAllowedMagnitudes_succeed() {
    FixedPointCodec codec = codec(16, 20, 27);
    double justBelow = Math.scalb(1.0, 20) - Math.scalb(1.0, -16);
    assertEquals(justBelow, codec.decode(codec.encode(justBelow)), 0.0);
    assertEquals(-justBelow, codec.decode(codec.encode(-justBelow)), 0.0);
  }

  @Test
  public void encodeMatrix_randomValues_roundTripsThroughRingMatrix() {
    FixedPointCodec codec = codec(24, 16, 8);
    DMatrixRMaj m = new DMatrixRMaj(7, 5);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = random.nextGaussian() * 1000;
    }
    RingMatrix encoded = codec.encode(m);
    assertEquals(7, encoded.rows());
    assertEquals(5, encoded.cols());
    DMatrixRMaj back = codec.decode(encoded);
    for (int i = 0; i < m.data.length; i++) {
      assertEquals(m.data[i], back.data[i], Math.scalb(1.0, -25));
    }
  }

  @Test
  public void encodeArray_values_roundTrip() {
    FixedPointCodec codec = codec(16, 16, 16);
    double[] xs = {0, 1.5, -1.5, 32767.99, -32767.99, 1e-5};
    double[] back = codec.decode(codec.encode(xs));
    for (int i = 0; i < xs.length; i++) {
      assertEquals(xs[i], back[i], Math.scalb(1.0, -17));
    }
  }

  @Test
  public void encode_overflow_throws() {
    FixedPointCodec codec = codec(16, 20, 16);
    for (double x : new double[] {1048576.0, -1048576.0, 3.5e9, -1e300}) {
      FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> codec.encode(x));
      assertTrue(e.getMessage(), e.getMessage().contains("2^20"));
      // The value may be a party's private data: it must not travel in the exception (±2^20 is the limit
      // itself, which the message names).
      if (Math.abs(x) != 1048576.0) {
        assertFalse(e.getMessage(), e.getMessage().contains(Double.toString(x)));
      }
    }
  }

  @Test
  public void encode_valueRoundingUpToLimit_throws() {
    FixedPointCodec codec = codec(16, 20, 16);
    double x = Math.scalb(1.0, 20) - Math.scalb(1.0, -20);
    FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> codec.encode(x));
    assertTrue(e.getMessage(), e.getMessage().contains("2^20"));
  }

  @Test
  public void encode_notFinite_throws() {
    FixedPointCodec codec = codec(16, 20, 16);
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> codec.encode(x));
      assertTrue(e.getMessage(), e.getMessage().contains(Double.toString(x)));
    }
  }

  @Test
  public void encodeArray_overflow_namesIndex() {
    FixedPointCodec codec = codec(16, 8, 8);
    FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
        () -> codec.encode(new double[] {1, 2, 300, 4}));
    assertTrue(e.getMessage(), e.getMessage().contains("index 2") && e.getMessage().contains("2^8"));
    assertFalse(e.getMessage(), e.getMessage().contains("300"));
  }

  @Test
  public void encodeMatrix_overflow_namesCell() {
    FixedPointCodec codec = codec(16, 8, 8);
    DMatrixRMaj m = new DMatrixRMaj(2, 3);
    m.set(1, 2, Double.NaN);
    FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> codec.encode(m));
    assertTrue(e.getMessage(), e.getMessage().contains("(1, 2)"));
  }

  @Test
  public void decode_wrappedSum_throws() {
    // 2^4 summands allowed; adding 2^6 values near the limit wraps past what the headroom covers.
    FixedPointCodec codec = codec(16, 20, 4);
    long near = codec.encode(1_000_000.0);
    long sum = 0;
    for (int i = 0; i < 64; i++) {
      sum += near;
    }
    long wrapped = sum;
    FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> codec.decode(wrapped));
    assertTrue(e.getMessage(), e.getMessage().contains("wrapped") && e.getMessage().contains("2^40"));
    assertFalse(e.getMessage(), e.getMessage().contains(Long.toString(wrapped)));
  }

  @Test
  public void decode_ringWrappedPastLongRange_throws() {
    FixedPointCodec codec = codec(20, 20, 16);
    long wrapped = Long.MAX_VALUE - 5; // far beyond ±2^56, as a wrapped sum usually lands
    assertThrows(FixedPointOverflowException.class, () -> codec.decode(wrapped));
    assertThrows(FixedPointOverflowException.class, () -> codec.decode(Long.MIN_VALUE));
  }

  @Test
  public void decode_fullBudget_onlyMinValueIsWrapped() {
    FixedPointCodec codec = codec(20, 20, 23);
    assertEquals(Long.MAX_VALUE / Math.scalb(1.0, 20), codec.decode(Long.MAX_VALUE), 1.0);
    assertThrows(FixedPointOverflowException.class, () -> codec.decode(Long.MIN_VALUE));
  }

  @Test
  public void build_badSettings_throwNamingTheSetting() {
    List<Object[]> cases = List.of(
        new Object[] {-1, 20, 16, "fractionBits"},
        new Object[] {16, -2, 16, "integerBits"},
        new Object[] {16, 20, -3, "headroomBits"},
        new Object[] {30, 30, 4, "fractionBits + integerBits + headroomBits"});
    for (Object[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> codec((int) c[0], (int) c[1], (int) c[2]));
      assertTrue(e.getMessage(), e.getMessage().startsWith((String) c[3]));
    }
  }

  @Test
  public void build_exactly63Bits_isAccepted() {
    FixedPointCodec codec = codec(30, 30, 3);
    assertEquals(1.25, codec.decode(codec.encode(1.25)), 0.0);
  }

  private static FixedPointCodec codec(int fractionBits, int integerBits, int headroomBits) {
    return FixedPointCodec.builder()
        .fractionBits(fractionBits)
        .integerBits(integerBits)
        .headroomBits(headroomBits)
        .build();
  }
}
