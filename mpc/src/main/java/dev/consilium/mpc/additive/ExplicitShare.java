package dev.consilium.mpc.additive;

import dev.consilium.mpc.secret.SecretAccess;
import java.util.Arrays;

/**
 * A share held as its values: the last share of a split, or any sum of shares.
 *
 * <p>The values may be stored as consecutive segments: a parallel split lets each core allocate and fill its
 * own segment, because zeroing one large array on one thread would otherwise be the split's sequential part.
 */
public final class ExplicitShare implements VectorShare {
  private final long[][] segments;
  private final int length;

  private ExplicitShare(long[][] segments, int length) {
    this.segments = segments;
    this.length = length;
  }

  /** Copies {@code values}; the caller keeps its array. */
  public static ExplicitShare copyFrom(long[] values, SecretAccess access) {
    requireAccess(access);
    return wrap(values.clone());
  }

  /** Takes ownership of an array this package has just filled; nobody else holds a reference to it. */
  static ExplicitShare wrap(long[] values) {
    return new ExplicitShare(new long[][] {values}, values.length);
  }

  /** Takes ownership of consecutive segments this package has just filled. */
  static ExplicitShare wrapSegments(long[][] segments) {
    long total = 0;
    for (long[] segment : segments) {
      total += segment.length;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("segments hold " + total + " values, more than an array can");
    }
    return new ExplicitShare(segments, (int) total);
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public long[] toLongArray(SecretAccess access) {
    requireAccess(access);
    if (segments.length == 0) {
      return new long[0];
    }
    long[] out = Arrays.copyOf(segments[0], length);
    int offset = segments[0].length;
    for (int s = 1; s < segments.length; s++) {
      System.arraycopy(segments[s], 0, out, offset, segments[s].length);
      offset += segments[s].length;
    }
    return out;
  }

  /** total[i] += this[i], mod 2⁶⁴; the caller has checked the lengths. */
  void addTo(long[] total) {
    int offset = 0;
    for (long[] segment : segments) {
      for (int i = 0; i < segment.length; i++) {
        total[offset + i] += segment[i];
      }
      offset += segment.length;
    }
  }

  @Override
  public String toString() {
    return "ExplicitShare[" + length + " elements, redacted]";
  }

  private static void requireAccess(SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
  }
}
