package dev.consilium.roles.features.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.Test;

public class ModelParametersTest {
  private final ModelParameters parameters = ModelParameters.builder()
      .add("W0", new DMatrixRMaj(new double[][] {{1.25, -2}, {0.1, 3e-9}}))
      .add("c", new DMatrixRMaj(new double[][] {{-0.5}}))
      .build();

  @Test
  public void bytes_roundTripBitForBit() {
    ModelParameters back = ModelParameters.fromBytes(parameters.toBytes());
    assertEquals(parameters, back);
    assertEquals(parameters.digest(), back.digest());
    assertEquals(List.of("W0", "c"), back.names());
    assertArrayEquals(new double[] {1.25, -2, 0.1, 3e-9}, back.matrix("W0").data, 0);
  }

  // version 1, 1 block, name "c" (1 byte), 1x1, then -0.5 as IEEE 754 bits 0xBFE0000000000000.
  @Test
  public void encoding_isTheDocumentedLayout() {
    byte[] encoded = ModelParameters.builder().add("c", new DMatrixRMaj(new double[][] {{-0.5}})).build().toBytes();
    ByteBuffer expected = ByteBuffer.allocate(4 + 4 + 4 + 1 + 4 + 4 + 8);
    expected.putInt(1).putInt(1).putInt(1).put((byte) 'c').putInt(1).putInt(1).putLong(0xBFE0000000000000L);
    assertArrayEquals(expected.array(), encoded);
  }

  @Test
  public void digest_changesWithAnyEntryAndWithTheNames() {
    assertNotEquals(parameters.digest(), parameters.with("W0", 1, 1, 3.0000000000000004e-9).digest());
    ModelParameters renamed = ModelParameters.builder().add("W1", parameters.matrix("W0"))
        .add("c", parameters.matrix("c")).build();
    assertNotEquals(parameters.digest(), renamed.digest());
  }

  @Test
  public void with_changesOneEntryAndLeavesTheOriginal() {
    ModelParameters changed = parameters.with("c", 0, 0, 7);
    assertEquals(7, changed.matrix("c").get(0, 0), 0);
    assertEquals(-0.5, parameters.matrix("c").get(0, 0), 0);
  }

  @Test
  public void snapshot_isNotChangedThroughWhatItHandsOutOrWasGiven() {
    DMatrixRMaj source = new DMatrixRMaj(new double[][] {{1}});
    ModelParameters snapshot = ModelParameters.builder().add("w", source).build();
    source.set(0, 0, 2);
    snapshot.matrix("w").set(0, 0, 3);
    assertEquals(1, snapshot.matrix("w").get(0, 0), 0);
  }

  @Test
  public void toString_showsShapesOnly() {
    String shown = parameters.toString();
    assertEquals("ModelParameters[W0 2x2, c 1x1]", shown);
    assertFalse(shown.contains("1.25"));
  }

  @Test
  public void fromBytes_badEncodings_sayWhatIsWrong() {
    byte[] good = parameters.toBytes();
    assertTrue(message(Arrays.copyOf(good, good.length - 1)).contains("the encoding ends early"));
    assertTrue(message(Arrays.copyOf(good, good.length + 2)).contains("2 bytes after the last block"));
    byte[] version = good.clone();
    version[3] = 2;
    assertEquals("model parameters: version 2, expected 1", message(version));
    byte[] blocks = good.clone();
    blocks[7] = 99;
    assertEquals("model parameters: 99 blocks, outside [0, 16]", message(blocks));
  }

  @Test
  public void builder_refusesARepeatedName() {
    assertThrows(IllegalArgumentException.class,
        () -> ModelParameters.builder().add("w", new DMatrixRMaj(1, 1)).add("w", new DMatrixRMaj(1, 1)));
    assertThrows(IllegalArgumentException.class, () -> parameters.matrix("nope"));
  }

  private static String message(byte[] encoded) {
    return assertThrows(IllegalArgumentException.class, () -> ModelParameters.fromBytes(encoded)).getMessage();
  }
}
