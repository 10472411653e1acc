package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

/** The field against BigInteger arithmetic mod p, on edge values and seeded random ones. */
public class FieldElementTest {
  private static final BigInteger P = FieldElement.P;
  private static final BigInteger TWO = BigInteger.TWO;

  @Test
  public void arithmetic_matchesBigInteger() {
    List<BigInteger> values = sampleValues(new Random(7L), 200);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      BigInteger a = values.get(i);
      BigInteger b = values.get((i * 31 + 7) % values.size());
      FieldElement fa = FieldElement.fromBigInteger(a);
      FieldElement fb = FieldElement.fromBigInteger(b);
      expect(failures, "add " + a + " " + b, a.add(b), fa.add(fb));
      expect(failures, "subtract " + a + " " + b, a.subtract(b), fa.subtract(fb));
      expect(failures, "multiply " + a + " " + b, a.multiply(b), fa.multiply(fb));
      expect(failures, "multiply by A " + a, a.multiply(BigInteger.valueOf(486662)), fa.multiply(486662));
      expect(failures, "square " + a, a.multiply(a), fa.square());
      expect(failures, "negate " + a, a.negate(), fa.negate());
      BigInteger inverse = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
      expect(failures, "invert " + a, inverse, fa.invert());
      if (fa.sgn0() != (a.testBit(0) ? 1 : 0)) {
        failures.add("sgn0 " + a);
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void fromBigEndianMod_anyLength_matchesBigInteger() {
    Random random = new Random(11L);
    List<String> failures = new ArrayList<>();
    for (int length = 0; length <= 96; length++) {
      for (int trial = 0; trial < 4; trial++) {
        byte[] bytes = new byte[length];
        if (trial == 0) {
          Arrays.fill(bytes, (byte) 0xff);
        } else {
          random.nextBytes(bytes);
        }
        BigInteger expected = new BigInteger(1, bytes).mod(P);
        BigInteger actual = FieldElement.fromBigEndianMod(bytes).toBigInteger();
        if (!expected.equals(actual)) {
          failures.add(Hex.toHexString(bytes) + ": expected " + expected + " but was " + actual);
        }
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void toLittleEndian_isCanonical() {
    // p − 1 + 1 + 18 = p + 18 reduces to 18, not to an encoding of p + 18.
    FieldElement sum = FieldElement.fromBigInteger(P.subtract(BigInteger.ONE)).add(FieldElement.fromBigInteger(
        BigInteger.valueOf(19)));
    byte[] expected = new byte[32];
    expected[0] = 18;
    assertEquals(Hex.toHexString(expected), Hex.toHexString(sum.toLittleEndian()));
    assertEquals(FieldElement.fromBigInteger(BigInteger.valueOf(18)), sum);
    assertEquals(FieldElement.fromBigInteger(BigInteger.valueOf(18)).hashCode(), sum.hashCode());
  }

  @Test
  public void sqrtRatio_matchesEulersCriterion() {
    List<BigInteger> values = sampleValues(new Random(13L), 120);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      BigInteger u = values.get(i);
      BigInteger v = values.get((i * 17 + 3) % values.size());
      if (v.signum() == 0) {
        continue;
      }
      BigInteger ratio = u.multiply(v.modInverse(P)).mod(P);
      boolean square = ratio.signum() == 0 || ratio.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
      FieldElement.SqrtRatio result = FieldElement.sqrtRatio(FieldElement.fromBigInteger(u), FieldElement.fromBigInteger(v));
      BigInteger root = result.root().toBigInteger();
      BigInteger target = square ? ratio : ratio.multiply(TWO).mod(P);
      if (result.isSquare() != square) {
        failures.add("u=" + u + " v=" + v + ": isSquare " + result.isSquare() + ", expected " + square);
      } else if (!root.multiply(root).mod(P).equals(target)) {
        failures.add("u=" + u + " v=" + v + ": root squared is not " + (square ? "u/v" : "2u/v"));
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void sqrtRatio_minusOneHalf_isNotSquare() {
    // Why Elligator 2 needs no inv0 special case: 1 + 2u² = 0 has no solution.
    assertFalse(FieldElement.sqrtRatio(FieldElement.ONE.negate(), FieldElement.fromBigInteger(TWO)).isSquare());
  }

  @Test
  public void sqrtRatio_zeroNumerator_isSquareWithRootZero() {
    FieldElement.SqrtRatio result = FieldElement.sqrtRatio(FieldElement.ZERO, FieldElement.ONE);
    assertTrue(result.isSquare());
    assertTrue(result.root().isZero());
  }

  @Test
  public void sqrtRatio_zeroDenominator_throws() {
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> FieldElement.sqrtRatio(FieldElement.ONE, FieldElement.ZERO));
    assertTrue(e.getMessage(), e.getMessage().contains("zero denominator"));
  }

  @Test
  public void multiplySmall_outOfRange_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FieldElement.ONE.multiply(1 << 20));
    assertTrue(e.getMessage(), e.getMessage().contains("was 1048576"));
  }

  private static void expect(List<String> failures, String what, BigInteger expected, FieldElement actual) {
    BigInteger reduced = expected.mod(P);
    if (!reduced.equals(actual.toBigInteger())) {
      failures.add(what + ": expected " + reduced + " but was " + actual.toBigInteger());
    }
  }

  /** Edge values around 0, p and 2^255 first, then seeded random ones below p. */
  private static List<BigInteger> sampleValues(Random random, int count) {
    List<BigInteger> values = new ArrayList<>(List.of(
        BigInteger.ZERO, BigInteger.ONE, TWO, P.subtract(BigInteger.ONE), P.subtract(TWO),
        P.shiftRight(1), BigInteger.ONE.shiftLeft(254), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(20)),
        BigInteger.valueOf(486662), BigInteger.valueOf(19)));
    while (values.size() < count) {
      values.add(new BigInteger(255, random).mod(P));
    }
    return values;
  }
}
