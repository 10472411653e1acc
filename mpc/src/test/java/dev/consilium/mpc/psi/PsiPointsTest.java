package dev.consilium.mpc.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

public class PsiPointsTest {
  private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger A = BigInteger.valueOf(486662);
  private static final Curve25519HashToCurve SUITE =
      Curve25519HashToCurve.randomOracle("consilium-psi-points-test".getBytes(StandardCharsets.US_ASCII));

  /** u-coordinates of points of order 1, 2, 4 and 8 on the curve or its twist (as in PsiBlindingKeyTest). */
  private static final List<String> LOW_ORDER_POINTS = List.of(
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

  @Test
  public void check_hashedAndBlindedPoints_pass() throws GeneralSecurityException {
    PsiBlindingKey key = PsiBlindingKey.generate(new SecureRandom());
    List<byte[]> points = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      points.add(SUITE.hashToCurve(("id-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    PsiPoints.checkAll(points);
    PsiPoints.checkAll(key.blindAll(points));
  }

  @Test
  public void check_basePoint_passes() throws GeneralSecurityException {
    PsiPoints.check(littleEndian(BigInteger.valueOf(9)));
  }

  @Test
  public void check_lowOrderPoints_throw() {
    List<String> failures = new ArrayList<>();
    for (String hex : LOW_ORDER_POINTS) {
      try {
        PsiPoints.check(Hex.decode(hex));
        failures.add(hex + ": accepted");
      } catch (GeneralSecurityException e) {
        // On the curve it has low order; on the twist it is refused for that first.
        if (!e.getMessage().contains("low order") && !e.getMessage().contains("twist")) {
          failures.add(hex + ": " + e.getMessage());
        }
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void check_onCurveLowOrderPoints_throwNamingLowOrder() {
    List<String> failures = new ArrayList<>();
    int onCurve = 0;
    for (String hex : LOW_ORDER_POINTS) {
      BigInteger u = fromLittleEndian(Hex.decode(hex));
      if (!isSquare(rhs(u))) {
        continue;
      }
      onCurve++;
      GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.check(Hex.decode(hex)));
      if (!e.getMessage().equals("point has low order (a divisor of 8)")) {
        failures.add(hex + ": " + e.getMessage());
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
    // u = 0, one of ±1, and both points of order 8.
    assertEquals(4, onCurve);
  }

  @Test
  public void check_twistPoint_throwsButX25519WouldBlindIt() throws GeneralSecurityException {
    byte[] twist = littleEndian(firstTwistU());
    // X25519 itself happily multiplies a twist point: this check is what keeps one out of the protocol.
    PsiBlindingKey.generate(new SecureRandom()).blind(twist);
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.check(twist));
    assertEquals("point is not on curve25519 (it lies on the twist)", e.getMessage());
  }

  @Test
  public void check_nonCanonicalEncodings_throw() {
    byte[] basePlusP = littleEndian(P.add(BigInteger.valueOf(9)));
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.check(basePlusP));
    assertTrue(e.getMessage(), e.getMessage().contains("not canonically encoded"));

    byte[] topBitSet = SUITE.hashToCurve("x".getBytes(StandardCharsets.UTF_8));
    topBitSet[31] |= (byte) 0x80;
    GeneralSecurityException top = assertThrows(GeneralSecurityException.class, () -> PsiPoints.check(topBitSet));
    assertTrue(top.getMessage(), top.getMessage().contains("not canonically encoded"));
  }

  @Test
  public void check_wrongLength_throws() {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.check(new byte[31]));
    assertEquals("a point is a 32-byte u-coordinate, got 31 bytes", e.getMessage());
  }

  @Test
  public void checkAll_namesTheBadIndex() {
    List<byte[]> points = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(SUITE.hashToCurve(("id-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    points.set(33, littleEndian(firstTwistU()));
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.checkAll(points));
    assertTrue(e.getMessage(), e.getMessage().startsWith("batch item 33: point is not on curve25519"));
  }

  @Test
  public void checkAndBlindAll_matchesBlindAllAndRefusesBadPoints() throws GeneralSecurityException {
    PsiBlindingKey key = PsiBlindingKey.generate(new SecureRandom());
    List<byte[]> points = List.of(SUITE.hashToCurve(new byte[] {1}), SUITE.hashToCurve(new byte[] {2}));
    List<byte[]> checked = PsiPoints.checkAndBlindAll(points, key);
    List<byte[]> plain = key.blindAll(points);
    assertArrayEquals(plain.get(0), checked.get(0));
    assertArrayEquals(plain.get(1), checked.get(1));
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
        () -> PsiPoints.checkAndBlindAll(List.of(points.get(0), Hex.decode(LOW_ORDER_POINTS.get(2))), key));
    assertTrue(e.getMessage(), e.getMessage().startsWith("batch item 1: point has low order"));
  }

  @Test
  public void splitAndJoin_roundTrip() throws GeneralSecurityException {
    List<byte[]> points = List.of(SUITE.hashToCurve(new byte[] {1}), SUITE.hashToCurve(new byte[] {2}),
        SUITE.hashToCurve(new byte[] {3}));
    byte[] chunk = PsiPoints.join(points);
    assertEquals(96, chunk.length);
    List<byte[]> back = PsiPoints.split(chunk, 3);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(points.get(i), back.get(i));
    }
    assertEquals(0, PsiPoints.split(new byte[0], 0).size());
  }

  @Test
  public void split_partialPoint_throws() {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.split(new byte[70], 2));
    assertEquals("a chunk of 70 bytes is not a whole number of 32-byte points", e.getMessage());
  }

  @Test
  public void split_wrongCount_throws() {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PsiPoints.split(new byte[64], 3));
    assertEquals("chunk holds 2 points, expected 3", e.getMessage());
  }

  @Test
  public void join_wrongLengthPoint_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiPoints.join(List.of(new byte[32], new byte[31])));
    assertEquals("point 1 has 31 bytes, not 32", e.getMessage());
  }

  /** The smallest u whose u³ + A·u² + u is a non-square mod p, by Euler's criterion in BigInteger. */
  private static BigInteger firstTwistU() {
    for (BigInteger u = BigInteger.TWO; ; u = u.add(BigInteger.ONE)) {
      if (!isSquare(rhs(u))) {
        return u;
      }
    }
  }

  private static BigInteger rhs(BigInteger u) {
    return u.pow(3).add(A.multiply(u.pow(2))).add(u).mod(P);
  }

  private static boolean isSquare(BigInteger value) {
    return value.signum() == 0 || value.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < bigEndian.length && i < 32; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }

  private static BigInteger fromLittleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }
}
