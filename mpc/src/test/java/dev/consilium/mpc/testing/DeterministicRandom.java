package dev.consilium.mpc.testing;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible randomness for property tests: a failure found with a seed is found again with it. */
public final class DeterministicRandom {
  private DeterministicRandom() {}

  /** SHA1PRNG seeded before its first use is deterministic; never use it outside tests. */
  public static SecureRandom secureRandom(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("this JDK has no SHA1PRNG", e);
    }
  }
}
