package dev.consilium.mpc.shamir;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;

/** Shareholder x's point (x, f(x)). The value leaves only through {@link #y(SecretAccess)}. */
public final class ShamirShare {
  private final int x;
  private final BigInteger y;

  private ShamirShare(int x, BigInteger y) {
    this.x = x;
    this.y = y;
  }

  /**
   * A share received from elsewhere. x must be positive (x = 0 would be the secret itself) and y
   * non-negative; whether y lies in a field is checked when the share is used with one.
   */
  public static ShamirShare of(int x, BigInteger y, SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
    if (x <= 0) {
      throw new IllegalArgumentException("share x must be positive, was " + x);
    }
    if (y.signum() < 0) {
      throw new IllegalArgumentException("share y must be non-negative (share x=" + x + ")");
    }
    return new ShamirShare(x, y);
  }

  /** Made by {@link ShamirSharing} from a point it computed. */
  static ShamirShare point(int x, BigInteger y) {
    return new ShamirShare(x, y);
  }

  public int x() {
    return x;
  }

  public BigInteger y(SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
    return y;
  }

  BigInteger y() {
    return y;
  }

  @Override
  public String toString() {
    return "ShamirShare[x=" + x + ", y redacted]";
  }
}
