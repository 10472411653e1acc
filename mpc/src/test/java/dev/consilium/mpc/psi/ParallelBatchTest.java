package dev.consilium.mpc.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The batch forms equal the one-at-a-time forms, in order, and refuse bad items by index. */
public class ParallelBatchTest {
  private static final Curve25519HashToCurve SUITE =
      Curve25519HashToCurve.randomOracle("consilium-psi-batch-test-v1".getBytes(StandardCharsets.US_ASCII));

  @Test
  public void hashToCurveAll_equalsSequential() {
    List<byte[]> items = randomItems(new Random(1L), 500);
    List<byte[]> batch = SUITE.hashToCurveAll(items);
    assertEquals(items.size(), batch.size());
    for (int i = 0; i < items.size(); i++) {
      assertArrayEquals("item " + i, SUITE.hashToCurve(items.get(i)), batch.get(i));
    }
  }

  @Test
  public void blindAll_equalsSequential() throws GeneralSecurityException {
    Random random = new Random(2L);
    PsiBlindingKey key = PsiBlindingKeyTest.randomKey(random);
    List<byte[]> points = SUITE.hashToCurveAll(randomItems(random, 300));
    List<byte[]> batch = key.blindAll(points);
    assertEquals(points.size(), batch.size());
    for (int i = 0; i < points.size(); i++) {
      assertArrayEquals("point " + i, key.blind(points.get(i)), batch.get(i));
    }
  }

  @Test
  public void batches_belowParallelThreshold_equalSequential() throws GeneralSecurityException {
    Random random = new Random(3L);
    PsiBlindingKey key = PsiBlindingKeyTest.randomKey(random);
    List<byte[]> items = randomItems(random, ParallelBatch.MIN_PARALLEL_ITEMS - 1);
    List<byte[]> points = SUITE.hashToCurveAll(items);
    List<byte[]> blinded = key.blindAll(points);
    for (int i = 0; i < items.size(); i++) {
      assertArrayEquals(SUITE.hashToCurve(items.get(i)), points.get(i));
      assertArrayEquals(key.blind(points.get(i)), blinded.get(i));
    }
  }

  @Test
  public void batches_empty_giveEmpty() throws GeneralSecurityException {
    assertEquals(List.of(), SUITE.hashToCurveAll(List.of()));
    assertEquals(List.of(), PsiBlindingKeyTest.randomKey(new Random(4L)).blindAll(List.of()));
  }

  @Test
  public void blindAll_lowOrderItem_throwsNamingIndex() {
    Random random = new Random(5L);
    PsiBlindingKey key = PsiBlindingKeyTest.randomKey(random);
    List<byte[]> points = new ArrayList<>(SUITE.hashToCurveAll(randomItems(random, 200)));
    points.set(137, new byte[32]);
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> key.blindAll(points));
    assertTrue(e.getMessage(), e.getMessage().contains("batch item 137"));
    assertTrue(e.getMessage(), e.getMessage().contains("low-order point"));
  }

  @Test
  public void blindAll_wrongLengthItem_throwsNamingIndex() {
    Random random = new Random(6L);
    PsiBlindingKey key = PsiBlindingKeyTest.randomKey(random);
    List<byte[]> points = new ArrayList<>(SUITE.hashToCurveAll(randomItems(random, 100)));
    points.set(64, new byte[31]);
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> key.blindAll(points));
    assertTrue(e.getMessage(), e.getMessage().contains("batch item 64"));
    assertTrue(e.getMessage(), e.getMessage().contains("was 31 bytes"));
  }

  @Test
  public void hashToCurveAll_nullItem_throwsNamingIndex() {
    List<byte[]> items = new ArrayList<>(randomItems(new Random(7L), 100));
    items.set(42, null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> SUITE.hashToCurveAll(items));
    assertTrue(e.getMessage(), e.getMessage().contains("batch item 42 is null"));
  }

  @Test
  public void hashToCurveAll_resultIsUnmodifiable() {
    List<byte[]> result = SUITE.hashToCurveAll(randomItems(new Random(8L), 3));
    assertThrows(UnsupportedOperationException.class, () -> result.add(new byte[32]));
  }

  private static List<byte[]> randomItems(Random random, int count) {
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] item = new byte[1 + random.nextInt(40)];
      random.nextBytes(item);
      items.add(item);
    }
    return Arrays.asList(items.toArray(new byte[0][]));
  }
}
