package dev.consilium.roles.institution;

import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierKeyGenerator;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPrivateKey;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An institution's Paillier keys for the inquiries it asks (DESIGN §6 step 2): the current key, which new
 * inquiries carry, and the keys retired by rotation, kept for {@code retainMs} so that inquiries opened under
 * them can still be decrypted. A key older than {@code rotateEveryMs} is replaced by one generated in the
 * background; until it is ready the old key stays current, so asking never waits for a key generation.
 *
 * <p>Thread-safe. The private keys never leave: callers get a decrypter.
 */
public final class PaillierKeyRing {
  private final PaillierParameters parameters;
  private final long rotateEveryMs;
  private final long retainMs;
  private final SecureRandom random;
  private final Clock clock;
  private final Executor generator;
  private Generated current;
  private final Map<PaillierPublicKey, Retired> retired = new LinkedHashMap<>();
  private boolean generating;
  private long rotations;

  private record Generated(PaillierDecrypter decrypter, long createdAtMs) {}

  private record Retired(PaillierDecrypter decrypter, long retiredAtMs) {}

  private PaillierKeyRing(PaillierParameters parameters, long rotateEveryMs, long retainMs, SecureRandom random,
      Clock clock, Executor generator) {
    this.parameters = parameters;
    this.rotateEveryMs = rotateEveryMs;
    this.retainMs = retainMs;
    this.random = random;
    this.clock = clock;
    this.generator = generator;
  }

  /**
   * A ring whose first key is generated now (which takes a moment), rotated every {@code rotateEveryMs}, with
   * retired keys kept {@code retainMs}, later keys generated on {@code generator}.
   */
  public static PaillierKeyRing start(PaillierParameters parameters, long rotateEveryMs, long retainMs,
      SecureRandom random, Clock clock, Executor generator) {
    if (rotateEveryMs < 1 || retainMs < 1) {
      throw new IllegalArgumentException("Paillier key rotation every " + rotateEveryMs + " ms, retained "
          + retainMs + " ms: both must be positive");
    }
    PaillierKeyRing ring = new PaillierKeyRing(parameters, rotateEveryMs, retainMs, random, clock, generator);
    ring.current = new Generated(PaillierDecrypter.create(PaillierKeyGenerator.generate(parameters, random)),
        clock.millis());
    return ring;
  }

  /** The public key new inquiries carry; starts a rotation in the background when it is due. */
  public synchronized PaillierPublicKey current() {
    long now = clock.millis();
    if (!generating && now - current.createdAtMs() >= rotateEveryMs) {
      generating = true;
      CompletableFuture.supplyAsync(() -> PaillierKeyGenerator.generate(parameters, random), generator)
          .whenComplete((key, failure) -> rotated(key));
    }
    return current.decrypter().publicKey();
  }

  /** The decrypter of {@code key}, if it is this ring's current key or one retired less than retainMs ago. */
  public synchronized Optional<PaillierDecrypter> decrypterFor(PaillierPublicKey key) {
    dropExpired(clock.millis());
    if (current.decrypter().publicKey().equals(key)) {
      return Optional.of(current.decrypter());
    }
    Retired old = retired.get(key);
    return old == null ? Optional.empty() : Optional.of(old.decrypter());
  }

  /**
   * Whether {@code encodedPublicKey} is the encoding of a key {@link #decrypterFor} would answer for; compares
   * encodings, so a caller asking often (the desk, at every step of its inquiries) parses no key.
   */
  public synchronized boolean holds(byte[] encodedPublicKey) {
    dropExpired(clock.millis());
    if (Arrays.equals(current.decrypter().publicKey().toBytes(), encodedPublicKey)) {
      return true;
    }
    for (PaillierPublicKey key : retired.keySet()) {
      if (Arrays.equals(key.toBytes(), encodedPublicKey)) {
        return true;
      }
    }
    return false;
  }

  /** How many times the key was replaced. */
  public synchronized long rotations() {
    return rotations;
  }

  private synchronized void rotated(PaillierPrivateKey key) {
    generating = false;
    if (key == null) {
      return; // generation failed: the next call to current() tries again
    }
    long now = clock.millis();
    retired.put(current.decrypter().publicKey(), new Retired(current.decrypter(), now));
    current = new Generated(PaillierDecrypter.create(key), now);
    rotations++;
    dropExpired(now);
  }

  private void dropExpired(long now) {
    for (Iterator<Retired> it = retired.values().iterator(); it.hasNext(); ) {
      if (now - it.next().retiredAtMs() >= retainMs) {
        it.remove();
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "PaillierKeyRing[current " + current.decrypter().publicKey().fingerprintHex() + ", " + retired.size()
        + " retired]";
  }
}
