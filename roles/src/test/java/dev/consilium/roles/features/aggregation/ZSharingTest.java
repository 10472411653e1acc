package dev.consilium.roles.features.aggregation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.additive.AdditiveSharing;
import dev.consilium.mpc.additive.FixedPointOverflowException;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretAccess;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public class ZSharingTest {
  private static final PrgAlgorithm PRG = PrgAlgorithm.AES_128_CTR;
  private final SecureRandom random = new SecureRandom();

  @Test
  public void sum_manyHoldersAndNodes_isExactUpToTheStatedBound() {
    Random values = new Random(7);
    for (int holders : new int[] {1, 2, 5, 8}) {
      for (int nodes : new int[] {2, 3, 5}) {
        for (int fractionBits : new int[] {8, 16, 24, 40}) {
          ZCodec codec = ZCodec.of(fractionBits, holders);
          int rows = 1 + values.nextInt(40);
          int cols = 1 + values.nextInt(6);
          List<DMatrixRMaj> zs = new ArrayList<>();
          DMatrixRMaj exact = new DMatrixRMaj(rows, cols);
          // The reference sum is itself a double: one rounding per addition, plus the decoded result's own.
          double doubleRounding = (holders + 1) * Math.ulp(holders * Math.scalb(1.0, ZCodec.INTEGER_BITS));
          for (int h = 0; h < holders; h++) {
            DMatrixRMaj z = new DMatrixRMaj(rows, cols);
            for (int i = 0; i < z.data.length; i++) {
              z.data[i] = (values.nextDouble() * 2 - 1) * Math.scalb(1.0, values.nextInt(ZCodec.INTEGER_BITS));
              exact.data[i] += z.data[i];
            }
            zs.add(z);
          }
          DMatrixRMaj z = aggregate(zs, codec, nodes, values.nextInt(nodes));
          for (int i = 0; i < exact.data.length; i++) {
            double error = Math.abs(z.data[i] - exact.data[i]);
            assertTrue(holders + " holders, " + nodes + " nodes, f=" + fractionBits + ": error " + error
                + " exceeds " + codec.errorBound(), error <= codec.errorBound() + doubleRounding);
          }
        }
      }
    }
  }

  @Test
  public void sum_valuesOnTheGrid_isExact() {
    ZCodec codec = ZCodec.of(20, 3);
    DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 1.5, -2.25, 1024.0, -0.0009765625);
    DMatrixRMaj b = new DMatrixRMaj(2, 2, true, -1.5, 7.0, -1e5, 3.0);
    DMatrixRMaj c = new DMatrixRMaj(2, 2, true, 0.125, 0.0, 0.5, -1.0);
    DMatrixRMaj z = aggregate(List.of(a, b, c), codec, 3, 1);
    assertEquals(0.125, z.get(0, 0), 0.0);
    assertEquals(4.75, z.get(0, 1), 0.0);
    assertEquals(1024.0 - 1e5 + 0.5, z.get(1, 0), 0.0);
    assertEquals(2.0 - 0.0009765625, z.get(1, 1), 0.0);
  }

  /**
   * What a compute node receives must look uniformly random whatever Z_i is: explicit shares of an all-zero
   * and of a highly structured Z_i, byte by byte, pass a chi-square test on the 256 byte values (255 degrees
   * of freedom: mean 255, standard deviation 22.6; the bound 400 is 6.4 deviations, about 1e-9 by chance), and
   * every bit is set in half the shares within 6 standard deviations.
   */
  @Test
  public void explicitShares_ofStructuredSecrets_lookUniform() {
    DMatrixRMaj zeros = new DMatrixRMaj(64, 8);
    DMatrixRMaj structured = new DMatrixRMaj(64, 8);
    for (int i = 0; i < structured.data.length; i++) {
      structured.data[i] = (i % 7) - 3 + 0.25 * (i % 3);
    }
    for (DMatrixRMaj z : List.of(zeros, structured)) {
      long[] byteCounts = new long[256];
      long[] bitCounts = new long[64];
      long values = 0;
      AdditiveSharing sharing = AdditiveSharing.create(PRG, 2, random);
      for (int round = 0; round < 200; round++) {
        long[] share = ZSharing.split(z, ZCodec.of(24, 1), sharing, 1).get(1).expand(PRG);
        for (long value : share) {
          values++;
          for (int b = 0; b < 8; b++) {
            byteCounts[(int) ((value >>> (8 * b)) & 0xFF)]++;
          }
          for (int bit = 0; bit < 64; bit++) {
            bitCounts[bit] += (value >>> bit) & 1;
          }
        }
      }
      double expected = values * 8 / 256.0;
      double chiSquare = 0;
      for (long count : byteCounts) {
        chiSquare += (count - expected) * (count - expected) / expected;
      }
      assertTrue("chi-square " + chiSquare + " over byte values", chiSquare < 400);
      double sd = Math.sqrt(values * 0.25);
      for (int bit = 0; bit < 64; bit++) {
        assertTrue("bit " + bit + " set " + bitCounts[bit] + " times in " + values,
            Math.abs(bitCounts[bit] - values / 2.0) < 6 * sd);
      }
    }
  }

  @Test
  public void split_onlyTheChosenNodeGetsTheExplicitShare() {
    ZCodec codec = ZCodec.of(16, 1);
    AdditiveSharing sharing = AdditiveSharing.create(PRG, 4, random);
    for (int explicit = 0; explicit < 4; explicit++) {
      List<ZShare> shares = ZSharing.split(new DMatrixRMaj(50, 3), codec, sharing, explicit);
      for (int node = 0; node < 4; node++) {
        assertEquals(node != explicit, shares.get(node).seeded());
        assertEquals(node == explicit ? 50 * 3 * 8 : 32, shares.get(node).wireBytes());
      }
    }
  }

  @Test
  public void split_outOfRangeValue_throwsNamingTheElement() {
    DMatrixRMaj z = new DMatrixRMaj(3, 2);
    z.set(2, 1, Math.scalb(1.0, ZCodec.INTEGER_BITS));
    AdditiveSharing sharing = AdditiveSharing.create(PRG, 2, random);
    FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
        () -> ZSharing.split(z, ZCodec.of(16, 1), sharing, 0));
    assertTrue(e.getMessage(), e.getMessage().contains("(2, 1)"));
    z.set(2, 1, Double.NaN);
    assertThrows(FixedPointOverflowException.class, () -> ZSharing.split(z, ZCodec.of(16, 1), sharing, 0));
  }

  @Test
  public void codec_settingsOutOfRange_throwNamingThem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZCodec.of(7, 1)).getMessage()
        .contains("fractionBits"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZCodec.of(41, 1)).getMessage()
        .contains("fractionBits"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZCodec.of(20, 0)).getMessage()
        .contains("holders"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZCodec.of(20, 9)).getMessage()
        .contains("holders"));
  }

  @Test
  public void shareSum_refusesStrangersDuplicatesAndOtherShapes() {
    Did a = did("a");
    Did b = did("b");
    ShareSum sum = new ShareSum(Set.of(a, b));
    ZShare share = ZShare.of(2, 3, true, new byte[32]);
    assertTrue(sum.add(did("c"), share, PRG).contains("not a holder"));
    assertNull(sum.add(a, share, PRG));
    assertTrue(sum.add(a, share, PRG).contains("second share"));
    assertTrue(sum.add(b, ZShare.of(3, 2, true, new byte[32]), PRG).contains("3 x 2"));
    assertFalse(sum.complete());
    assertThrows(IllegalStateException.class, sum::sum);
    assertNull(sum.add(b, ZShare.of(2, 3, false, new byte[48]), PRG));
    assertTrue(sum.complete());
    assertEquals(6, sum.sum().length);
  }

  @Test
  public void zShare_badLengthsAndShapes_throwNamingThem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZShare.of(2, 3, true, new byte[31]))
        .getMessage().contains("seeded share is 32 bytes, was 31"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ZShare.of(2, 3, false, new byte[40]))
        .getMessage().contains("2 x 3 share is 48 bytes, was 40"));
    assertThrows(IllegalArgumentException.class, () -> ZShare.of(0, 3, false, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> ZShare.of(1 << 13, 1 << 12, true, new byte[32]));
    assertFalse(ZShare.of(2, 3, true, new byte[32]).toString().contains("0, 0"));
  }

  private DMatrixRMaj aggregate(List<DMatrixRMaj> zs, ZCodec codec, int nodes, int explicit) {
    AdditiveSharing sharing = AdditiveSharing.create(PRG, nodes, random);
    Set<Did> holderDids = new LinkedHashSet<>();
    for (int h = 0; h < zs.size(); h++) {
      holderDids.add(did("h" + h));
    }
    List<ShareSum> sums = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      sums.add(new ShareSum(holderDids));
    }
    int h = 0;
    for (DMatrixRMaj z : zs) {
      List<ZShare> shares = ZSharing.split(z, codec, sharing, explicit);
      for (int node = 0; node < nodes; node++) {
        // Through the wire form, as a compute node receives it.
        ZShare sent = shares.get(node);
        ZShare received = ZShare.of(sent.rows(), sent.cols(), sent.seeded(), sent.bytes(SecretAccess.get()));
        assertNull(sums.get(node).add(did("h" + h), received, PRG));
      }
      h++;
    }
    List<long[]> nodeSums = new ArrayList<>();
    for (ShareSum sum : sums) {
      nodeSums.add(sum.sum());
    }
    DMatrixRMaj first = zs.get(0);
    return ZSharing.reconstruct(nodeSums, first.numRows, first.numCols, codec);
  }

  private static final java.util.Map<String, Did> DIDS = new java.util.HashMap<>();

  private static synchronized Did did(String name) {
    return DIDS.computeIfAbsent(name,
        n -> Did.of(dev.consilium.mpc.signature.Ed25519PrivateKey.generate(new SecureRandom()).publicKey()));
  }
}
