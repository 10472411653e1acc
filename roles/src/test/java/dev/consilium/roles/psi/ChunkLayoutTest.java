package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ChunkLayoutTest {
  @Test
  public void count_roundsUpAndLastChunkIsShort() {
    ChunkLayout layout = new ChunkLayout(130, 64);
    assertEquals(3, layout.count());
    assertEquals(64, layout.itemsIn(0));
    assertEquals(128, layout.from(2));
    assertEquals(2, layout.itemsIn(2));
  }

  @Test
  public void count_exactMultipleAndEmpty() {
    assertEquals(2, new ChunkLayout(128, 64).count());
    assertEquals(64, new ChunkLayout(128, 64).itemsIn(1));
    assertEquals(0, new ChunkLayout(0, 64).count());
  }

  @Test
  public void count_largeListDoesNotOverflow() {
    assertEquals(Integer.MAX_VALUE, new ChunkLayout(Integer.MAX_VALUE, 1).count());
    assertEquals(1, new ChunkLayout(Integer.MAX_VALUE, Integer.MAX_VALUE).count());
  }

  @Test
  public void itemsIn_outOfRange_throws() {
    assertThrows(IndexOutOfBoundsException.class, () -> new ChunkLayout(10, 4).itemsIn(3));
    assertThrows(IndexOutOfBoundsException.class, () -> new ChunkLayout(10, 4).itemsIn(-1));
  }

  @Test
  public void constructor_badArguments_throw() {
    assertThrows(IllegalArgumentException.class, () -> new ChunkLayout(-1, 4));
    assertThrows(IllegalArgumentException.class, () -> new ChunkLayout(10, 0));
  }
}
