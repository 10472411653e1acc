package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The projective formulas against textbook affine arithmetic in BigInteger, and their exceptional cases. */
public class ProjectivePointTest {
  private static final BigInteger P = FieldElement.P;
  private static final BigInteger A = BigInteger.valueOf(ProjectivePoint.A);

  @Test
  public void addAndDouble_matchAffineReference() {
    List<ProjectivePoint> points = randomPoints(new Random(3L), 30);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      ProjectivePoint p = points.get(i);
      ProjectivePoint q = points.get((i + 1) % points.size());
      Curve25519Point ap = p.toAffine();
      Curve25519Point aq = q.toAffine();
      BigInteger[] sum = affineAdd(ap.x(), ap.y(), aq.x(), aq.y());
      BigInteger[] twice = affineDouble(ap.x(), ap.y());
      compare(failures, "P" + i + " + P" + (i + 1), sum, p.add(q).toAffine());
      compare(failures, "2·P" + i, twice, p.dbl().toAffine());
      compare(failures, "P" + i + " + P" + i, twice, p.add(p).toAffine());
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void add_scaledRepresentatives_giveTheSameAffinePoint() {
    List<ProjectivePoint> points = randomPoints(new Random(5L), 2);
    ProjectivePoint p = points.get(0);
    Curve25519Point affine = p.toAffine();
    FieldElement lambda = FieldElement.fromBigInteger(BigInteger.valueOf(123456789));
    ProjectivePoint scaled = new ProjectivePoint(
        FieldElement.fromBigInteger(affine.x()).multiply(lambda),
        FieldElement.fromBigInteger(affine.y()).multiply(lambda), lambda);
    assertEquals(p.add(points.get(1)).toAffine(), scaled.add(points.get(1)).toAffine());
    assertEquals(p.dbl().toAffine(), scaled.dbl().toAffine());
    assertEquals(p.add(scaled).toAffine(), p.dbl().toAffine());
  }

  @Test
  public void add_oppositePoints_isInfinity() {
    ProjectivePoint p = randomPoints(new Random(9L), 1).get(0);
    assertTrue(p.add(p.negate()).isInfinity());
    assertTrue(p.add(p.negate()).toAffine().isInfinity());
  }

  @Test
  public void add_infinity_isNeutral() {
    ProjectivePoint p = randomPoints(new Random(10L), 1).get(0);
    assertEquals(p.toAffine(), p.add(ProjectivePoint.INFINITY).toAffine());
    assertEquals(p.toAffine(), ProjectivePoint.INFINITY.add(p).toAffine());
    assertTrue(ProjectivePoint.INFINITY.add(ProjectivePoint.INFINITY).isInfinity());
    assertTrue(ProjectivePoint.INFINITY.dbl().isInfinity());
  }

  @Test
  public void dbl_pointOfOrderTwo_isInfinity() {
    ProjectivePoint origin = new ProjectivePoint(FieldElement.ZERO, FieldElement.ZERO, FieldElement.ONE);
    assertTrue(origin.dbl().isInfinity());
    assertTrue(origin.add(origin).isInfinity());
    assertTrue(origin.clearCofactor().isInfinity());
  }

  @Test
  public void add_threePoints_isAssociativeAndStaysOnCurve() {
    List<ProjectivePoint> points = randomPoints(new Random(12L), 12);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i + 2 < points.size(); i++) {
      ProjectivePoint a = points.get(i);
      ProjectivePoint b = points.get(i + 1);
      ProjectivePoint c = points.get(i + 2);
      Curve25519Point left = a.add(b).add(c).toAffine();
      Curve25519Point right = a.add(b.add(c)).toAffine();
      if (!left.equals(right)) {
        failures.add("(P" + i + " + P" + (i + 1) + ") + P" + (i + 2) + " != P" + i + " + (...)");
      }
      Curve25519Point eight = a.clearCofactor().toAffine();
      if (!Curve25519HashToCurveTest.onCurve(eight.x(), eight.y())) {
        failures.add("[8]P" + i + " is off the curve");
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  /** Elligator images of random field elements: points of the whole curve, not only the subgroup. */
  private static List<ProjectivePoint> randomPoints(Random random, int count) {
    List<ProjectivePoint> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(Elligator2.map(FieldElement.fromBigInteger(new BigInteger(255, random))));
    }
    return points;
  }

  private static BigInteger[] affineAdd(BigInteger x1, BigInteger y1, BigInteger x2, BigInteger y2) {
    BigInteger lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(P)).mod(P);
    return chord(lambda, x1, y1, x2);
  }

  private static BigInteger[] affineDouble(BigInteger x, BigInteger y) {
    BigInteger numerator = x.pow(2).multiply(BigInteger.valueOf(3)).add(A.multiply(x).shiftLeft(1)).add(BigInteger.ONE);
    BigInteger lambda = numerator.multiply(y.shiftLeft(1).modInverse(P)).mod(P);
    return chord(lambda, x, y, x);
  }

  private static BigInteger[] chord(BigInteger lambda, BigInteger x1, BigInteger y1, BigInteger x2) {
    BigInteger x3 = lambda.pow(2).subtract(A).subtract(x1).subtract(x2).mod(P);
    BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(P);
    return new BigInteger[] {x3, y3};
  }

  private static void compare(List<String> failures, String what, BigInteger[] expected, Curve25519Point actual) {
    if (!expected[0].equals(actual.x()) || !expected[1].equals(actual.y())) {
      failures.add(what + ": expected (" + expected[0] + ", " + expected[1] + ") but was " + actual);
    }
  }
}
