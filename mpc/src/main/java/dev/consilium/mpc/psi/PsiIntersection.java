package dev.consilium.mpc.psi;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The leader's step: given every party's fully blinded list, the positions in each list of the points that
 * are in all of them. Equal ids give equal fully blinded points and, with overwhelming probability, nothing
 * else does, so these positions are where each party's common ids sit in its own secret order.
 *
 * <p>Whoever runs this sees every fully blinded list, so it learns the size of the intersection of any
 * subset of the lists, pairwise ones included, not only of all of them: the known leak of this protocol,
 * which is why the leader is a party the others accept in that role.
 *
 * <p>Each list is sorted by its points' bytes (a comparison sort: O(n log n) whatever points a dishonest
 * party chooses, where a hash table could be driven into quadratic time), then the lists are merged.
 */
public final class PsiIntersection {
  private PsiIntersection() {}

  /**
   * For each list, the ascending positions of its points that occur in every list.
   *
   * @param lists each party's fully blinded points, laid end to end (32 bytes each), in the party's order
   * @throws GeneralSecurityException if a list is not a whole number of points, or holds a point twice (an
   *     honest party's list cannot: its ids are distinct), naming the list and the positions
   */
  public static List<int[]> positions(List<byte[]> lists) throws GeneralSecurityException {
    Objects.requireNonNull(lists, "lists");
    List<String> names = new ArrayList<>();
    for (int l = 0; l < lists.size(); l++) {
      names.add("list " + l);
    }
    return positions(lists, names);
  }

  /**
   * {@link #positions(List)}, naming each list in refusals by {@code names} (which party's list it is).
   *
   * @throws GeneralSecurityException as {@link #positions(List)}, naming the list by its name
   */
  public static List<int[]> positions(List<byte[]> lists, List<String> names) throws GeneralSecurityException {
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(names, "names");
    if (lists.isEmpty()) {
      throw new IllegalArgumentException("an intersection needs at least one list");
    }
    if (names.size() != lists.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + lists.size() + " lists");
    }
    int[][] sorted = new int[lists.size()][];
    for (int l = 0; l < lists.size(); l++) {
      byte[] list = Objects.requireNonNull(lists.get(l), names.get(l));
      if (list.length % PsiPoints.POINT_BYTES != 0) {
        throw new GeneralSecurityException(names.get(l) + " has " + list.length + " bytes, not a whole number of "
            + PsiPoints.POINT_BYTES + "-byte points");
      }
      sorted[l] = sortedPositions(list);
      requireDistinct(names.get(l), list, sorted[l]);
    }
    return merge(lists, sorted);
  }

  private static int[] sortedPositions(byte[] list) {
    int count = list.length / PsiPoints.POINT_BYTES;
    Integer[] positions = new Integer[count];
    for (int i = 0; i < count; i++) {
      positions[i] = i;
    }
    Arrays.sort(positions, (a, b) -> compare(list, a, list, b));
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = positions[i];
    }
    return out;
  }

  private static void requireDistinct(String name, byte[] list, int[] sorted) throws GeneralSecurityException {
    for (int i = 1; i < sorted.length; i++) {
      if (compare(list, sorted[i - 1], list, sorted[i]) == 0) {
        int first = Math.min(sorted[i - 1], sorted[i]);
        int second = Math.max(sorted[i - 1], sorted[i]);
        throw new GeneralSecurityException(name + " holds the same point at positions " + first
            + " and " + second);
      }
    }
  }

  /** Walks all sorted lists together; a point is common when every list's cursor stands on it. */
  private static List<int[]> merge(List<byte[]> lists, int[][] sorted) {
    int parties = lists.size();
    int[] cursor = new int[parties];
    int[][] found = new int[parties][];
    int smallest = Integer.MAX_VALUE;
    for (int[] s : sorted) {
      smallest = Math.min(smallest, s.length);
    }
    for (int l = 0; l < parties; l++) {
      found[l] = new int[smallest];
    }
    int common = 0;
    outer:
    while (true) {
      for (int l = 0; l < parties; l++) {
        if (cursor[l] == sorted[l].length) {
          break outer;
        }
      }
      int highest = 0;
      for (int l = 1; l < parties; l++) {
        if (compareAt(lists, sorted, cursor, l, highest) > 0) {
          highest = l;
        }
      }
      boolean allEqual = true;
      for (int l = 0; l < parties; l++) {
        if (compareAt(lists, sorted, cursor, l, highest) < 0) {
          cursor[l]++;
          allEqual = false;
        }
      }
      if (allEqual) {
        for (int l = 0; l < parties; l++) {
          found[l][common] = sorted[l][cursor[l]];
          cursor[l]++;
        }
        common++;
      }
    }
    List<int[]> out = new ArrayList<>(parties);
    for (int l = 0; l < parties; l++) {
      int[] positions = Arrays.copyOf(found[l], common);
      Arrays.sort(positions);
      out.add(positions);
    }
    return List.copyOf(out);
  }

  private static int compareAt(List<byte[]> lists, int[][] sorted, int[] cursor, int a, int b) {
    return compare(lists.get(a), sorted[a][cursor[a]], lists.get(b), sorted[b][cursor[b]]);
  }

  private static int compare(byte[] a, int positionA, byte[] b, int positionB) {
    int fromA = positionA * PsiPoints.POINT_BYTES;
    int fromB = positionB * PsiPoints.POINT_BYTES;
    return Arrays.compareUnsigned(a, fromA, fromA + PsiPoints.POINT_BYTES, b, fromB, fromB + PsiPoints.POINT_BYTES);
  }
}
