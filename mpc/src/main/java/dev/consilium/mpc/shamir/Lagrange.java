package dev.consilium.mpc.shamir;

import java.math.BigInteger;
import java.util.List;

/** Lagrange interpolation through distinct points, evaluated at one position. */
final class Lagrange {
  private Lagrange() {}

  /** f(at) for the unique polynomial of degree < points.size() through the points; x must be distinct. */
  static BigInteger interpolate(PrimeField field, List<ShamirShare> points, BigInteger at) {
    BigInteger sum = BigInteger.ZERO;
    for (int j = 0; j < points.size(); j++) {
      BigInteger xj = BigInteger.valueOf(points.get(j).x());
      BigInteger numerator = BigInteger.ONE;
      BigInteger denominator = BigInteger.ONE;
      for (int m = 0; m < points.size(); m++) {
        if (m != j) {
          BigInteger xm = BigInteger.valueOf(points.get(m).x());
          numerator = field.multiply(numerator, field.subtract(at, xm));
          denominator = field.multiply(denominator, field.subtract(xj, xm));
        }
      }
      // One inverse per basis polynomial; the denominator is non-zero because the x are distinct mod p.
      BigInteger basis = field.multiply(numerator, field.inverse(denominator));
      sum = field.add(sum, field.multiply(points.get(j).y(), basis));
    }
    return sum;
  }
}
