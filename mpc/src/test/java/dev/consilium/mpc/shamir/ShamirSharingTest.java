package dev.consilium.mpc.shamir;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public final class ShamirSharingTest {
  private final Random random = new Random(99L);
  private final SecureRandom coefficients = DeterministicRandom.secureRandom(5L);

  @Test
  public void reconstruct_everySubsetOfAtLeastThreshold_givesSecret() throws Exception {
    for (PrimeField field : List.of(PrimeField.MERSENNE_127, PrimeField.MERSENNE_521)) {
      for (int n = 1; n <= 6; n++) {
        for (int t = 1; t <= n; t++) {
          ShamirSharing sharing = ShamirSharing.create(field, t, n, coefficients);
          for (int trial = 0; trial < 3; trial++) {
            BigInteger secret = randomBelow(field.modulus());
            List<ShamirShare> shares = sharing.split(secret);
            assertEquals(n, shares.size());
            for (int mask = 1; mask < (1 << n); mask++) {
              if (Integer.bitCount(mask) < t) {
                continue;
              }
              List<ShamirShare> subset = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                  subset.add(shares.get(i));
                }
              }
              Collections.shuffle(subset, random);
              assertEquals(field + " t=" + t + " n=" + n + " mask=" + mask, secret, sharing.reconstruct(subset));
            }
          }
        }
      }
    }
  }

  @Test
  public void reconstruct_randomSecretsLargerSharings_givesSecret() throws Exception {
    for (int trial = 0; trial < 2000; trial++) {
      int n = 2 + random.nextInt(15);
      int t = 1 + random.nextInt(n);
      PrimeField field = trial % 2 == 0 ? PrimeField.MERSENNE_127 : PrimeField.MERSENNE_521;
      ShamirSharing sharing = ShamirSharing.create(field, t, n, coefficients);
      BigInteger secret = trial % 10 == 0 ? field.modulus().subtract(BigInteger.ONE) : randomBelow(field.modulus());
      List<ShamirShare> shares = new ArrayList<>(sharing.split(secret));
      Collections.shuffle(shares, random);
      List<ShamirShare> subset = shares.subList(0, t + random.nextInt(n - t + 1));
      assertEquals("trial " + trial, secret, sharing.reconstruct(subset));
    }
  }

  @Test
  public void reconstructBytes_seedOf32Bytes_roundTrips() throws Exception {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_521, 3, 5, coefficients);
    for (int trial = 0; trial < 200; trial++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      if (trial == 0) {
        seed[0] = 0; // leading zero bytes must survive
        seed[1] = 0;
      }
      List<ShamirShare> shares = sharing.splitBytes(seed);
      assertArrayEquals(seed, sharing.reconstructBytes(shares.subList(2, 5), 32));
    }
  }

  @Test
  public void reconstruct_fewerThanThreshold_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 4, 6, coefficients);
    List<ShamirShare> shares = sharing.split(BigInteger.valueOf(12345));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sharing.reconstruct(shares.subList(0, 3)));
    assertTrue(e.getMessage(), e.getMessage().contains("3 shares given") && e.getMessage().contains("4 needed"));
  }

  @Test
  public void reconstruct_inconsistentShare_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 3, 5, coefficients);
    List<ShamirShare> shares = new ArrayList<>(sharing.split(BigInteger.valueOf(777)));
    ShamirShare original = shares.get(3);
    BigInteger tampered = original.y(SecretAccess.get()).add(BigInteger.ONE).mod(PrimeField.MERSENNE_127.modulus());
    shares.set(3, ShamirShare.of(4, tampered, SecretAccess.get()));
    InconsistentSharesException e =
        assertThrows(InconsistentSharesException.class, () -> sharing.reconstruct(shares));
    assertEquals(4, e.offendingX());
    assertTrue(e.getMessage(), e.getMessage().contains("share x=4"));
  }

  @Test
  public void reconstruct_duplicateX_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    List<ShamirShare> shares = sharing.split(BigInteger.TEN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sharing.reconstruct(List.of(shares.get(1), shares.get(1))));
    assertTrue(e.getMessage(), e.getMessage().contains("duplicate") && e.getMessage().contains("x=2"));
  }

  @Test
  public void reconstruct_xOutsideShareholders_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    List<ShamirShare> shares = new ArrayList<>(sharing.split(BigInteger.TEN));
    shares.add(ShamirShare.of(9, BigInteger.ONE, SecretAccess.get()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sharing.reconstruct(shares));
    assertTrue(e.getMessage(), e.getMessage().contains("x=9") && e.getMessage().contains("1..3"));
  }

  @Test
  public void reconstruct_yOutsideField_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    List<ShamirShare> shares = new ArrayList<>(sharing.split(BigInteger.TEN));
    shares.set(0, ShamirShare.of(1, PrimeField.MERSENNE_127.modulus(), SecretAccess.get()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sharing.reconstruct(shares));
    assertTrue(e.getMessage(), e.getMessage().contains("x=1") && e.getMessage().contains("outside"));
  }

  @Test
  public void split_secretOutOfRange_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
        () -> sharing.split(PrimeField.MERSENNE_127.modulus()));
    assertTrue(tooBig.getMessage(), tooBig.getMessage().contains("[0, p)") && tooBig.getMessage().contains("2^127-1"));
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> sharing.split(BigInteger.valueOf(-1)));
    assertTrue(negative.getMessage(), negative.getMessage().contains("negative"));
  }

  @Test
  public void splitBytes_secretLongerThanFieldHolds_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sharing.splitBytes(new byte[32]));
    assertTrue(e.getMessage(), e.getMessage().contains("32-byte") && e.getMessage().contains("at most 15 bytes"));
  }

  @Test
  public void reconstructBytes_valueLongerThanLength_throws() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_521, 2, 3, coefficients);
    byte[] secret = new byte[32];
    secret[0] = 1;
    List<ShamirShare> shares = sharing.splitBytes(secret);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sharing.reconstructBytes(shares, 16));
    assertTrue(e.getMessage(), e.getMessage().contains("16 bytes"));
  }

  @Test
  public void create_badSettings_throw() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> ShamirSharing.create(PrimeField.MERSENNE_127, 0, 3, coefficients));
    assertTrue(zero.getMessage(), zero.getMessage().startsWith("threshold"));
    IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
        () -> ShamirSharing.create(PrimeField.MERSENNE_127, 4, 3, coefficients));
    assertTrue(above.getMessage(), above.getMessage().contains("threshold") && above.getMessage().contains("4"));
    IllegalArgumentException tinyField = assertThrows(IllegalArgumentException.class,
        () -> ShamirSharing.create(PrimeField.of(BigInteger.valueOf(5)), 2, 5, coefficients));
    assertTrue(tinyField.getMessage(), tinyField.getMessage().startsWith("shareholders"));
  }

  @Test
  public void primeField_notPrime_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrimeField.of(BigInteger.valueOf(91)));
    assertTrue(e.getMessage(), e.getMessage().contains("not prime") && e.getMessage().contains("91"));
  }

  @Test
  public void maxSecretBytes_mersenneFields_matchBitLengths() {
    assertEquals(15, PrimeField.MERSENNE_127.maxSecretBytes());
    assertEquals(65, PrimeField.MERSENNE_521.maxSecretBytes());
    assertTrue(PrimeField.MERSENNE_127.modulus().isProbablePrime(64));
    assertTrue(PrimeField.MERSENNE_521.modulus().isProbablePrime(64));
  }

  @Test
  public void reconstruct_smallFieldEverySecret_givesSecret() throws Exception {
    PrimeField field = PrimeField.of(BigInteger.valueOf(257));
    ShamirSharing sharing = ShamirSharing.create(field, 3, 5, coefficients);
    for (int secret = 0; secret < 257; secret++) {
      List<ShamirShare> shares = sharing.split(BigInteger.valueOf(secret));
      assertEquals(BigInteger.valueOf(secret), sharing.reconstruct(List.of(shares.get(4), shares.get(0), shares.get(2))));
    }
  }

  @Test
  public void toString_neverShowsY() {
    ShamirSharing sharing = ShamirSharing.create(PrimeField.MERSENNE_127, 2, 3, coefficients);
    for (ShamirShare share : sharing.split(BigInteger.valueOf(424242))) {
      String shown = share.toString();
      assertFalse(shown, shown.contains(share.y(SecretAccess.get()).toString()));
      assertTrue(shown, shown.contains("x=" + share.x()) && shown.contains("redacted"));
    }
  }

  private BigInteger randomBelow(BigInteger bound) {
    BigInteger v;
    do {
      v = new BigInteger(bound.bitLength(), random);
    } while (v.compareTo(bound) >= 0);
    return v;
  }

}
