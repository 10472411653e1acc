package dev.consilium.roles.institution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class PaillierKeyRingTest {
  private final AtomicLong nowMs = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(nowMs.get());
    }
  };

  @Test
  public void rotation_replacesTheCurrentKey_andKeepsTheOldOneForItsRetainTime() {
    // Key generation runs on the calling thread here, so the rotation is done when current() returns.
    PaillierKeyRing ring = PaillierKeyRing.start(PaillierParameters.DEFAULT, 60_000, 30_000, new SecureRandom(), clock,
        Runnable::run);
    PaillierPublicKey first = ring.current();
    assertEquals("not due yet", first, ring.current());
    assertTrue(ring.decrypterFor(first).isPresent());
    assertTrue(ring.holds(first.toBytes()));

    nowMs.addAndGet(60_000);
    ring.current(); // due: a new key is made
    PaillierPublicKey second = ring.current();
    assertNotEquals(first, second);
    assertEquals(1, ring.rotations());
    assertTrue("an inquiry asked under the old key still decrypts", ring.decrypterFor(first).isPresent());
    assertTrue(ring.holds(first.toBytes()));
    assertTrue(ring.holds(second.toBytes()));

    nowMs.addAndGet(30_000);
    assertFalse("retired longer than the retain time: gone", ring.decrypterFor(first).isPresent());
    assertFalse(ring.holds(first.toBytes()));
    assertTrue(ring.decrypterFor(second).isPresent());
    assertFalse("the text shows fingerprints only", ring.toString().contains(second.modulus().toString()));
  }

  @Test
  public void badSchedule_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyRing.start(PaillierParameters.DEFAULT, 0, 1,
        new SecureRandom(), clock, Runnable::run));
  }
}
