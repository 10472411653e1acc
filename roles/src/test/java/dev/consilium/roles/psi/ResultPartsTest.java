package dev.consilium.roles.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.Test;

public class ResultPartsTest {
  @Test
  public void encodeDecode_roundTripsOverSeveralParts() {
    ResultParts layout = new ResultParts(true, 100, 2); // 16 positions per part
    assertEquals(7, layout.count());
    assertEquals(2, layout.bytesIn(0));
    assertEquals(1, layout.bytesIn(6)); // positions 96..99
    int[] positions = {0, 7, 8, 15, 16, 50, 99};
    List<byte[]> parts = layout.encode(positions);
    for (int i = 0; i < parts.size(); i++) {
      assertNull(layout.problem(i, parts.get(i)));
    }
    assertArrayEquals(positions, layout.decode(parts));
  }

  @Test
  public void encodeDecode_randomPositions() {
    Random random = new Random(5);
    ResultParts layout = new ResultParts(true, 3000, 4);
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int i = 0; i < 700; i++) {
      chosen.add(random.nextInt(3000));
    }
    int[] positions = chosen.stream().mapToInt(Integer::intValue).toArray();
    assertArrayEquals(positions, layout.decode(layout.encode(positions)));
  }

  @Test
  public void notDesignated_getsOneEmptyPart() {
    ResultParts layout = new ResultParts(false, 5000, 64);
    assertEquals(1, layout.count());
    List<byte[]> parts = layout.encode(new int[0]);
    assertEquals(0, parts.get(0).length);
    assertNull(layout.problem(0, new byte[0]));
    assertEquals("result part 0 has 1 bytes, expected 0", layout.problem(0, new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> layout.encode(new int[] {3}));
  }

  @Test
  public void designatedWithEmptyList_getsOneEmptyPart() {
    ResultParts layout = new ResultParts(true, 0, 64);
    assertEquals(1, layout.count());
    assertEquals(0, layout.decode(layout.encode(new int[0])).length);
  }

  @Test
  public void problem_wrongLengthIndexAndPadding() {
    ResultParts layout = new ResultParts(true, 20, 1); // 8 positions per part: 3 parts, the last of 4 bits
    assertEquals("result part 3 is not among 3 parts", layout.problem(3, new byte[1]));
    assertEquals("result part 1 has 2 bytes, expected 1", layout.problem(1, new byte[2]));
    assertNull(layout.problem(2, new byte[] {0x0f}));
    assertEquals("result part 2 marks positions past the end of the list", layout.problem(2, new byte[] {0x10}));
    assertNull(layout.problem(1, new byte[] {(byte) 0xff}));
  }

  @Test
  public void encode_positionOutOfRange_throws() {
    assertThrows(IllegalArgumentException.class, () -> new ResultParts(true, 10, 1).encode(new int[] {10}));
  }
}
