package dev.consilium.mpc.psi;

import dev.consilium.mpc.psi.FieldElement.SqrtRatio;
import java.math.BigInteger;

/**
 * The Elligator 2 map to curve25519 (RFC 9380 §6.7.1 with Z = 2, J = A = 486662, K = B = 1): a field element
 * to a curve point, in one exponentiation and no inversion.
 */
final class Elligator2 {
  /** The non-square RFC 9380 fixes for curve25519. */
  private static final int Z = 2;
  private static final FieldElement MINUS_A = FieldElement.fromBigInteger(BigInteger.valueOf(-ProjectivePoint.A));

  private Elligator2() {}

  static ProjectivePoint map(FieldElement u) {
    FieldElement zu2 = u.square().multiply(Z);
    // d = 1 + Z·u² is never 0: that needs u² = −1/2, and −1/2 is a non-square (−1 is a square as p ≡ 1 mod 4,
    // 2 is not as p ≡ 5 mod 8). So inv0's zero case, and the RFC's "if x1 == 0" step, cannot occur.
    FieldElement d = FieldElement.ONE.add(zu2);
    FieldElement n = MINUS_A;
    // x1 = n/d, and g(x1) = x1³ + A·x1² + x1 = n·(n² + A·n·d + d²) / d³, kept as a fraction so that its root
    // comes from sqrt_ratio without inverting d.
    FieldElement gx1Numerator = n.multiply(n.square().add(n.multiply(d).multiply(ProjectivePoint.A)).add(d.square()));
    FieldElement gx1Denominator = d.square().multiply(d);
    SqrtRatio root = FieldElement.sqrtRatio(gx1Numerator, gx1Denominator);

    // When g(x1) is not a square, x2 = −x1 − A equals Z·u²·x1 and g(x2) = Z·u²·g(x1), whose root is
    // u·sqrt(Z·g(x1)): exactly u times the root sqrt_ratio returned.
    FieldElement xNumerator = root.isSquare() ? n : zu2.multiply(n);
    FieldElement y = root.isSquare() ? root.root() : u.multiply(root.root());
    // The RFC picks the root with sgn0 = 1 for x1 and sgn0 = 0 for x2.
    int wantedSign = root.isSquare() ? 1 : 0;
    if (y.sgn0() != wantedSign) {
      y = y.negate();
    }
    return new ProjectivePoint(xNumerator, y.multiply(d), d);
  }
}
