package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.SecureRandom;
import java.util.BitSet;
import org.junit.Test;

public class SecretPermutationTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  public void random_isAPermutation() {
    SecretPermutation permutation = SecretPermutation.random(1000, RANDOM);
    BitSet seen = new BitSet();
    for (int position = 0; position < 1000; position++) {
      seen.set(permutation.sourceOf(position));
    }
    assertEquals(1000, seen.cardinality());
    assertEquals(1000, permutation.size());
  }

  @Test
  public void random_movesItems() {
    SecretPermutation permutation = SecretPermutation.random(1000, RANDOM);
    int fixed = 0;
    for (int position = 0; position < 1000; position++) {
      fixed += permutation.sourceOf(position) == position ? 1 : 0;
    }
    // A uniform permutation has one fixed point on average; 50 has probability far below 2^-100.
    assertTrue(fixed + " fixed points", fixed < 50);
  }

  @Test
  public void random_emptyAndSingle_work() {
    assertEquals(0, SecretPermutation.random(0, RANDOM).size());
    assertEquals(0, SecretPermutation.random(1, RANDOM).sourceOf(0));
  }

  @Test
  public void random_negativeSize_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretPermutation.random(-1, RANDOM));
    assertTrue(e.getMessage(), e.getMessage().contains("was -1"));
  }

  @Test
  public void sourceOf_outOfRange_throws() {
    SecretPermutation permutation = SecretPermutation.random(3, RANDOM);
    assertThrows(IndexOutOfBoundsException.class, () -> permutation.sourceOf(3));
    assertThrows(IndexOutOfBoundsException.class, () -> permutation.sourceOf(-1));
  }

  @Test
  public void toString_hidesTheOrder() {
    String text = SecretPermutation.random(5, RANDOM).toString();
    assertEquals("SecretPermutation[5 items, order redacted]", text);
    assertFalse(text.contains("0,"));
  }
}
