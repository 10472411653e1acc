package dev.consilium.simulator.bench;

import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import dev.consilium.mpc.signature.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * The ledger benchmark's bound: Ed25519 verifications per second with our {@link Ed25519Verify} on one
 * thread, over 256-byte messages (about one entry), in the same JVM as the ledger. One thread, because the
 * block builder checks the entries of a block one after the other.
 *
 * <p>The rate is the median of one-second slices: on this machine a verification loop needs about five
 * seconds to reach its speed, and a slice now and then runs a third slower for no reason of ours.
 */
final class VerifyBaseline {
  static final int MESSAGE_BYTES = 256;
  private static final long SLICE_NANOS = 1_000_000_000L;
  /** Iterations between clock reads: a read costs nothing next to 64 verifications. */
  private static final int BATCH = 64;

  private final Ed25519Verify verifier;
  private final byte[] message;
  private final byte[] signature;

  private VerifyBaseline(Ed25519Verify verifier, byte[] message, byte[] signature) {
    this.verifier = verifier;
    this.message = message;
    this.signature = signature;
  }

  static VerifyBaseline create(SecureRandom random) {
    byte[] message = new byte[MESSAGE_BYTES];
    random.nextBytes(message);
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    return new VerifyBaseline(Ed25519Verify.create(key.publicKey()), message,
        Ed25519Sign.create(key).sign(message));
  }

  /** Verifies for {@code warmup}, then returns the median rate of {@code slices} one-second slices. */
  double opsPerSecond(Duration warmup, int slices) {
    run(warmup.toNanos());
    double[] rates = new double[slices];
    for (int i = 0; i < slices; i++) {
      long start = System.nanoTime();
      long count = run(SLICE_NANOS);
      rates[i] = count / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    return slices % 2 == 1 ? rates[slices / 2] : (rates[slices / 2 - 1] + rates[slices / 2]) / 2;
  }

  private long run(long nanos) {
    long deadline = System.nanoTime() + nanos;
    long count = 0;
    try {
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < BATCH; i++) {
          verifier.verify(signature, message);
        }
        count += BATCH;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a valid benchmark signature did not verify", e);
    }
    return count;
  }
}
