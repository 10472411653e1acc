package dev.consilium.mpc.additive;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.prg.Prg;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public final class AdditiveSharingTest {
  private final Random random = new Random(7_2024L);
  private final SecureRandom seeds = DeterministicRandom.secureRandom(11L);

  @Test
  public void split_randomVectors_reconstructs() {
    for (int trial = 0; trial < 3000; trial++) {
      PrgAlgorithm algorithm = trial % 4 == 0 ? PrgAlgorithm.CHACHA20 : PrgAlgorithm.AES_128_CTR;
      int parties = 2 + random.nextInt(4);
      long[] secret = random.longs(random.nextInt(trial % 100 == 0 ? 5000 : 300)).toArray();
      AdditiveSharing sharing = AdditiveSharing.create(algorithm, parties, seeds);
      List<VectorShare> shares = trial % 2 == 0 ? sharing.split(secret) : sharing.splitParallel(secret);
      assertEquals(parties, shares.size());
      for (int i = 0; i < parties - 1; i++) {
        assertTrue(shares.get(i) instanceof SeededShare);
      }
      assertTrue(shares.get(parties - 1) instanceof ExplicitShare);
      assertArrayEquals("trial " + trial, secret, AdditiveSharing.reconstruct(shares));
    }
  }

  @Test
  public void add_sharesOfTwoSecrets_reconstructsSum() {
    for (int trial = 0; trial < 2000; trial++) {
      int parties = 2 + random.nextInt(3);
      int length = random.nextInt(200);
      long[] a = random.longs(length).toArray();
      long[] b = random.longs(length).toArray();
      AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, parties, seeds);
      List<VectorShare> sharesA = sharing.split(a);
      List<VectorShare> sharesB = sharing.split(b);
      List<VectorShare> sums = new ArrayList<>();
      for (int p = 0; p < parties; p++) {
        sums.add(AdditiveSharing.add(sharesA.get(p), sharesB.get(p)));
      }
      long[] expected = new long[length];
      for (int i = 0; i < length; i++) {
        expected[i] = a[i] + b[i];
      }
      assertArrayEquals("trial " + trial, expected, AdditiveSharing.reconstruct(sums));
    }
  }

  @Test
  public void add_manySecretsPerParty_reconstructsTotal() {
    int parties = 3;
    int holders = 5;
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.CHACHA20, parties, seeds);
    long[] total = new long[64];
    List<List<VectorShare>> heldByParty = new ArrayList<>();
    for (int p = 0; p < parties; p++) {
      heldByParty.add(new ArrayList<>());
    }
    for (int h = 0; h < holders; h++) {
      long[] input = random.longs(64).toArray();
      for (int i = 0; i < 64; i++) {
        total[i] += input[i];
      }
      List<VectorShare> shares = sharing.split(input);
      for (int p = 0; p < parties; p++) {
        heldByParty.get(p).add(shares.get(p));
      }
    }
    List<VectorShare> partySums = new ArrayList<>();
    for (List<VectorShare> held : heldByParty) {
      partySums.add(AdditiveSharing.add(held));
    }
    assertArrayEquals(total, AdditiveSharing.reconstruct(partySums));
  }

  @Test
  public void seededShare_expandsDeterministically() {
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 3, seeds);
    List<VectorShare> shares = sharing.split(random.longs(1000).toArray());
    SeededShare seeded = (SeededShare) shares.get(0);
    SeededShare copy = SeededShare.of(seeded.algorithm(),
        SecretBytes.copyFrom(seeded.seed().toByteArray(SecretAccess.get()), SecretAccess.get()), 1000);
    assertArrayEquals(seeded.toLongArray(SecretAccess.get()), copy.toLongArray(SecretAccess.get()));
    assertArrayEquals(Prg.create(seeded.algorithm(), seeded.seed()).expand(0, 1000),
        copy.toLongArray(SecretAccess.get()));
  }

  @Test
  public void splitParallel_sameSeeds_equalsSequentialSplit() {
    // Lengths around chunk and slice boundaries, and one large enough for several slices.
    int[] lengths = {0, 1, 2047, 2048, 2049, 16 * 2048 * 2 + 5, 1_000_003};
    for (PrgAlgorithm algorithm : PrgAlgorithm.values()) {
      AdditiveSharing sharing = AdditiveSharing.create(algorithm, 3, seeds);
      for (int length : lengths) {
        if (algorithm == PrgAlgorithm.CHACHA20 && length > 100_000) {
          continue; // the JDK's ChaCha20 is slow here; the AES run covers the large case
        }
        long[] secret = random.longs(length).toArray();
        List<SecretBytes> seedList = List.of(SecretBytes.random(32, seeds), SecretBytes.random(32, seeds));
        List<VectorShare> sequential = sharing.split(secret, seedList, false);
        List<VectorShare> parallel = sharing.split(secret, seedList, true);
        assertArrayEquals(algorithm + " length " + length,
            sequential.get(2).toLongArray(SecretAccess.get()), parallel.get(2).toLongArray(SecretAccess.get()));
        assertArrayEquals(algorithm + " length " + length, secret, AdditiveSharing.reconstruct(parallel));
        long[] doubled = AdditiveSharing.add(parallel.get(2), sequential.get(2)).toLongArray(SecretAccess.get());
        long[] single = sequential.get(2).toLongArray(SecretAccess.get());
        for (int i = 0; i < length; i++) {
          assertEquals(2 * single[i], doubled[i]);
        }
      }
    }
  }

  @Test
  public void sliceStart_anyLengthAndCores_coversRangeInOrder() {
    for (int length : new int[] {0, 5, 2048 * 16, 2048 * 33 + 1, 1_000_000}) {
      for (int cores = 1; cores <= 8; cores++) {
        int slices = FusedSplit.sliceCount(length, cores);
        assertEquals(0, FusedSplit.sliceStart(length, slices, 0));
        assertEquals(length, FusedSplit.sliceStart(length, slices, slices));
        for (int s = 0; s < slices; s++) {
          assertTrue(FusedSplit.sliceStart(length, slices, s) <= FusedSplit.sliceStart(length, slices, s + 1));
        }
      }
    }
  }

  @Test
  public void splitMatrix_randomShapes_reconstructsAndAdds() {
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 3, seeds);
    for (int trial = 0; trial < 200; trial++) {
      int rows = random.nextInt(20);
      int cols = random.nextInt(20);
      RingMatrix a = RingMatrix.wrap(rows, cols, random.longs((long) rows * cols).toArray());
      RingMatrix b = RingMatrix.wrap(rows, cols, random.longs((long) rows * cols).toArray());
      List<MatrixShare> sharesA = trial % 2 == 0 ? sharing.splitMatrix(a) : sharing.splitMatrixParallel(a);
      List<MatrixShare> sharesB = sharing.splitMatrix(b);
      assertEquals(a, AdditiveSharing.reconstructMatrix(sharesA));
      List<MatrixShare> sums = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        sums.add(AdditiveSharing.add(sharesA.get(p), sharesB.get(p)));
      }
      RingMatrix sum = AdditiveSharing.reconstructMatrix(sums);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          assertEquals(a.get(r, c) + b.get(r, c), sum.get(r, c));
        }
      }
    }
  }

  @Test
  public void add_lengthMismatch_throws() {
    ExplicitShare a = ExplicitShare.copyFrom(new long[5], SecretAccess.get());
    ExplicitShare b = ExplicitShare.copyFrom(new long[6], SecretAccess.get());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdditiveSharing.add(a, b));
    assertTrue(e.getMessage(), e.getMessage().contains("lengths differ")
        && e.getMessage().contains("5") && e.getMessage().contains("6"));
  }

  @Test
  public void reconstruct_lengthMismatch_throws() {
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 2, seeds);
    List<VectorShare> shares = new ArrayList<>(sharing.split(new long[10]));
    shares.set(1, ExplicitShare.copyFrom(new long[9], SecretAccess.get()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AdditiveSharing.reconstruct(shares));
    assertTrue(e.getMessage(), e.getMessage().contains("10") && e.getMessage().contains("9"));
  }

  @Test
  public void reconstruct_noShares_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AdditiveSharing.reconstruct(List.of()));
    assertTrue(e.getMessage(), e.getMessage().contains("no shares"));
  }

  @Test
  public void addMatrix_shapeMismatch_throws() {
    MatrixShare a = MatrixShare.of(2, 3, ExplicitShare.copyFrom(new long[6], SecretAccess.get()));
    MatrixShare b = MatrixShare.of(3, 2, ExplicitShare.copyFrom(new long[6], SecretAccess.get()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdditiveSharing.add(a, b));
    assertTrue(e.getMessage(), e.getMessage().contains("2x3") && e.getMessage().contains("3x2"));
  }

  @Test
  public void create_fewerThanTwoParties_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 1, seeds));
    assertTrue(e.getMessage(), e.getMessage().contains("at least 2 parties") && e.getMessage().contains("1"));
  }

  @Test
  public void seededShare_seedOfWrongLength_throws() {
    SecretBytes shortSeed = SecretBytes.random(16, seeds);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SeededShare.of(PrgAlgorithm.AES_128_CTR, shortSeed, 10));
    assertTrue(e.getMessage(), e.getMessage().contains("32 bytes") && e.getMessage().contains("16 bytes"));
  }

  @Test
  public void seededShare_negativeLength_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SeededShare.of(PrgAlgorithm.AES_128_CTR, SecretBytes.random(32, seeds), -3));
    assertTrue(e.getMessage(), e.getMessage().contains("-3"));
  }

  @Test
  public void ringMatrix_wrongValueCount_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RingMatrix.wrap(2, 3, new long[5]));
    assertTrue(e.getMessage(), e.getMessage().contains("2x3") && e.getMessage().contains("5"));
  }

  @Test
  public void toString_neverShowsValuesOrSeeds() {
    long marker = 0x1234_5678_9abc_def0L;
    long[] secret = new long[4];
    java.util.Arrays.fill(secret, marker);
    AdditiveSharing sharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, 3, seeds);
    List<VectorShare> shares = sharing.split(secret);
    SeededShare seeded = (SeededShare) shares.get(0);
    String seedHex = java.util.HexFormat.of().formatHex(seeded.seed().toByteArray(SecretAccess.get()));
    long[] explicit = shares.get(2).toLongArray(SecretAccess.get());
    String shown = shares + " " + sharing.splitMatrix(RingMatrix.wrap(2, 2, secret)) + " "
        + RingMatrix.wrap(2, 2, secret);
    assertFalse(shown, shown.contains(seedHex));
    assertFalse(shown, shown.contains(Long.toString(marker)) || shown.contains(Long.toHexString(marker)));
    assertFalse(shown, shown.contains(Long.toString(explicit[0])));
    assertTrue(shown, shown.contains("redacted"));
  }

}
