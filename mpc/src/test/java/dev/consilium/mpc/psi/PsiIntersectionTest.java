package dev.consilium.mpc.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class PsiIntersectionTest {
  private static final Curve25519HashToCurve SUITE =
      Curve25519HashToCurve.randomOracle("consilium-psi-intersection-test".getBytes(StandardCharsets.US_ASCII));

  @Test
  public void positions_threeLists_findTheCommonPointsInEach() throws GeneralSecurityException {
    // list 0: a b c d e; list 1: e x c a; list 2: c y a z e w
    byte[] l0 = list("a", "b", "c", "d", "e");
    byte[] l1 = list("e", "x", "c", "a");
    byte[] l2 = list("c", "y", "a", "z", "e", "w");
    List<int[]> positions = PsiIntersection.positions(List.of(l0, l1, l2));
    assertArrayEquals(new int[] {0, 2, 4}, positions.get(0));
    assertArrayEquals(new int[] {0, 2, 3}, positions.get(1));
    assertArrayEquals(new int[] {0, 2, 4}, positions.get(2));
  }

  @Test
  public void positions_sameItemsAtTheReportedPositions() throws GeneralSecurityException {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      a.add("id-" + i);
      b.add("id-" + (i * 3)); // common: multiples of 3 below 500
    }
    List<int[]> positions = PsiIntersection.positions(List.of(list(a), list(b)));
    assertEquals(167, positions.get(0).length);
    assertEquals(167, positions.get(1).length);
    for (int k = 0; k < 167; k++) {
      String fromA = a.get(positions.get(0)[k]);
      assertEquals(0, Integer.parseInt(fromA.substring(3)) % 3);
    }
    List<String> fromB = new ArrayList<>();
    for (int p : positions.get(1)) {
      fromB.add(b.get(p));
    }
    List<String> fromA = new ArrayList<>();
    for (int p : positions.get(0)) {
      fromA.add(a.get(p));
    }
    fromA.sort(null);
    fromB.sort(null);
    assertEquals(fromA, fromB);
  }

  @Test
  public void positions_disjointLists_areEmpty() throws GeneralSecurityException {
    List<int[]> positions = PsiIntersection.positions(List.of(list("a", "b"), list("c", "d")));
    assertEquals(0, positions.get(0).length);
    assertEquals(0, positions.get(1).length);
  }

  @Test
  public void positions_withAnEmptyList_areEmpty() throws GeneralSecurityException {
    List<int[]> positions = PsiIntersection.positions(List.of(list("a", "b"), new byte[0], list("a")));
    assertEquals(3, positions.size());
    for (int[] p : positions) {
      assertEquals(0, p.length);
    }
  }

  @Test
  public void positions_singleList_isAllOfIt() throws GeneralSecurityException {
    assertArrayEquals(new int[] {0, 1, 2}, PsiIntersection.positions(List.of(list("q", "r", "s"))).get(0));
  }

  @Test
  public void positions_repeatedPoint_throwsNamingListAndPositions() {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
        () -> PsiIntersection.positions(List.of(list("a", "b"), list("c", "a", "d", "a"))));
    assertEquals("list 1 holds the same point at positions 1 and 3", e.getMessage());
  }

  @Test
  public void positions_partialPoint_throws() {
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
        () -> PsiIntersection.positions(List.of(list("a"), new byte[40])));
    assertEquals("list 1 has 40 bytes, not a whole number of 32-byte points", e.getMessage());
  }

  @Test
  public void positions_noLists_throws() {
    assertThrows(IllegalArgumentException.class, () -> PsiIntersection.positions(List.of()));
  }

  private static byte[] list(String... items) {
    return list(Arrays.asList(items));
  }

  private static byte[] list(List<String> items) {
    List<byte[]> points = new ArrayList<>();
    for (String item : items) {
      points.add(SUITE.hashToCurve(item.getBytes(StandardCharsets.UTF_8)));
    }
    return PsiPoints.join(points);
  }
}
