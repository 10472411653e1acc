package dev.consilium.mpc.psi;

/**
 * A point of curve25519, v² = u³ + A·u² + u, in projective coordinates (X : Y : Z) with u = X/Z and v = Y/Z;
 * the point at infinity is any (X : Y : 0).
 *
 * <p>Projective so that adding the two Elligator outputs and clearing the cofactor cost no inversion: one
 * inversion costs about sixty multiplications, and affine arithmetic would need one per Elligator output,
 * per addition and per doubling, six per hash. {@link #toAffine} pays the only one. The formulas are the affine chord-and-tangent rules with the
 * denominators carried in Z.
 */
final class ProjectivePoint {
  /** The Montgomery coefficient A of curve25519 (B = 1). */
  static final int A = 486662;
  static final ProjectivePoint INFINITY =
      new ProjectivePoint(FieldElement.ZERO, FieldElement.ONE, FieldElement.ZERO);

  private final FieldElement x;
  private final FieldElement y;
  private final FieldElement z;

  ProjectivePoint(FieldElement x, FieldElement y, FieldElement z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  boolean isInfinity() {
    return z.isZero();
  }

  /** −P = (u, −v). */
  ProjectivePoint negate() {
    return new ProjectivePoint(x, y.negate(), z);
  }

  /**
   * P + Q. With λ = L/M, L = Y2·Z1 − Y1·Z2, M = X2·Z1 − X1·Z2: u3 = λ² − A − u1 − u2 = U/D and
   * v3 = λ·(u1 − u3) − v1 over the common denominator M·Z1·D.
   */
  ProjectivePoint add(ProjectivePoint q) {
    if (isInfinity()) {
      return q;
    }
    if (q.isInfinity()) {
      return this;
    }
    FieldElement x1z2 = x.multiply(q.z);
    FieldElement x2z1 = q.x.multiply(z);
    FieldElement m = x2z1.subtract(x1z2);
    FieldElement l = q.y.multiply(z).subtract(y.multiply(q.z));
    if (m.isZero()) {
      // Same u: either the same point (the chord is a tangent) or opposite points.
      return l.isZero() ? dbl() : INFINITY;
    }
    FieldElement z1z2 = z.multiply(q.z);
    FieldElement m2 = m.square();
    FieldElement d = m2.multiply(z1z2);
    FieldElement u = l.square().multiply(z1z2).subtract(z1z2.multiply(A).add(x1z2).add(x2z1).multiply(m2));
    return fromFraction(u, d, l, m, x, y, z);
  }

  /** 2P, by the tangent: λ = L/M with L = 3·X² + 2·A·X·Z + Z² and M = 2·Y·Z; u3 = λ² − A − 2·u1. */
  ProjectivePoint dbl() {
    if (isInfinity()) {
      return this;
    }
    if (y.isZero()) {
      return INFINITY; // a point of order 2: its tangent is vertical
    }
    FieldElement xz = x.multiply(z);
    FieldElement l = x.square().multiply(3).add(xz.multiply(2 * A)).add(z.square());
    FieldElement m = y.multiply(z).multiply(2);
    FieldElement m2 = m.square();
    FieldElement d = m2.multiply(z);
    FieldElement u = l.square().multiply(z).subtract(d.multiply(A)).subtract(x.multiply(m2).multiply(2));
    return fromFraction(u, d, l, m, x, y, z);
  }

  /** [8]P: RFC 9380's clear_cofactor for curve25519 (h_eff = 8), by three doublings. */
  ProjectivePoint clearCofactor() {
    return dbl().dbl().dbl();
  }

  /**
   * The affine point, checked to lie on the curve: the formulas above are ours, and the check costs five
   * multiplications, under one percent of a hash.
   */
  Curve25519Point toAffine() {
    if (isInfinity()) {
      return Curve25519Point.INFINITY;
    }
    FieldElement zInverse = z.invert();
    FieldElement u = x.multiply(zInverse);
    FieldElement v = y.multiply(zInverse);
    FieldElement rhs = u.square().add(u.multiply(A)).add(FieldElement.ONE).multiply(u);
    if (!v.square().equals(rhs)) {
      throw new IllegalStateException("hash-to-curve produced a point that is not on curve25519");
    }
    return new Curve25519Point(u, v);
  }

  /**
   * The sum point from u3 = U/D and λ = L/M, where (x1 : y1 : z1) is the first summand:
   * v3 = λ·(x1/z1 − U/D) − y1/z1 = (L·(x1·D − U·z1) − y1·M·D) / (M·z1·D).
   */
  private static ProjectivePoint fromFraction(
      FieldElement u, FieldElement d, FieldElement l, FieldElement m,
      FieldElement x1, FieldElement y1, FieldElement z1) {
    FieldElement mz1 = m.multiply(z1);
    FieldElement x3 = u.multiply(mz1);
    FieldElement y3 = l.multiply(x1.multiply(d).subtract(u.multiply(z1))).subtract(y1.multiply(m).multiply(d));
    FieldElement z3 = mz1.multiply(d);
    return new ProjectivePoint(x3, y3, z3);
  }
}
