package dev.consilium.roles.features.model;

import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable snapshot of a party's model parameters: named matrices in a fixed order. It is what a
 * checkpoint holds, what a round's commitment hashes, and what a final model is stored as.
 *
 * <p>Canonical encoding ({@link #toBytes}), big-endian: the version {@value #VERSION} (int), the number of
 * blocks (int), then per block the name's UTF-8 length (int) and bytes, rows (int), cols (int) and the
 * row-major entries as IEEE 754 bits. Equal parameters, bit for bit, give equal bytes and so equal {@link
 * #digest}s. Weights are a party's private data: {@link #toString} shows shapes only.
 */
public final class ModelParameters {
  public static final int VERSION = 1;
  /** Blocks per snapshot; our models have at most four (W_0, b_1, v, c). */
  public static final int MAX_BLOCKS = 16;
  /** Entries per block: {@code FeatureTable.MAX_COLUMNS x ModelSpec.MAX_OUTPUT_WIDTH} is well within it. */
  public static final int MAX_BLOCK_ENTRIES = 1 << 20;
  private static final int MAX_NAME_BYTES = 64;

  private final Map<String, DMatrixRMaj> blocks;

  private ModelParameters(Map<String, DMatrixRMaj> blocks) {
    this.blocks = blocks;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The block names, in encoding order. */
  public List<String> names() {
    return List.copyOf(blocks.keySet());
  }

  /** A copy of block {@code name}; fails naming it when there is none. */
  public DMatrixRMaj matrix(String name) {
    DMatrixRMaj block = blocks.get(name);
    if (block == null) {
      throw new IllegalArgumentException("no parameter block '" + name + "'; there are " + blocks.keySet());
    }
    return block.copy();
  }

  /** This snapshot with entry (row, col) of block {@code name} replaced: for perturbing one parameter. */
  public ModelParameters with(String name, int row, int col, double value) {
    DMatrixRMaj changed = matrix(name);
    changed.set(row, col, value);
    Builder builder = builder();
    blocks.forEach((n, m) -> builder.add(n, n.equals(name) ? changed : m));
    return builder.build();
  }

  /** SHA-256 of {@link #toBytes}: the commitment a round or a final model records on the ledger. */
  public Sha256Hash digest() {
    return Sha256.digest(toBytes());
  }

  /** The canonical encoding described above. */
  public byte[] toBytes() {
    int size = 2 * Integer.BYTES;
    for (Map.Entry<String, DMatrixRMaj> block : blocks.entrySet()) {
      size += 3 * Integer.BYTES + utf8(block.getKey()).length + Double.BYTES * block.getValue().getNumElements();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(VERSION).putInt(blocks.size());
    for (Map.Entry<String, DMatrixRMaj> block : blocks.entrySet()) {
      byte[] name = utf8(block.getKey());
      DMatrixRMaj m = block.getValue();
      out.putInt(name.length).put(name).putInt(m.numRows).putInt(m.numCols);
      for (int i = 0; i < m.getNumElements(); i++) {
        out.putLong(Double.doubleToRawLongBits(m.data[i]));
      }
    }
    return out.array();
  }

  /** Reads {@link #toBytes}'s encoding back; fails naming what is wrong (version, bounds, length). */
  public static ModelParameters fromBytes(byte[] encoded) {
    ByteBuffer in = ByteBuffer.wrap(encoded);
    try {
      int version = in.getInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("model parameters: version " + version + ", expected " + VERSION);
      }
      int count = in.getInt();
      if (count < 0 || count > MAX_BLOCKS) {
        throw new IllegalArgumentException("model parameters: " + count + " blocks, outside [0, " + MAX_BLOCKS + "]");
      }
      Builder builder = builder();
      for (int b = 0; b < count; b++) {
        int nameLength = in.getInt();
        if (nameLength < 1 || nameLength > MAX_NAME_BYTES) {
          throw new IllegalArgumentException("model parameters: block " + b + " has a name of " + nameLength
              + " bytes, outside [1, " + MAX_NAME_BYTES + "]");
        }
        byte[] name = new byte[nameLength];
        in.get(name);
        int rows = in.getInt();
        int cols = in.getInt();
        checkShape(b, rows, cols);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
          m.data[i] = Double.longBitsToDouble(in.getLong());
        }
        builder.add(new String(name, StandardCharsets.UTF_8), m);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("model parameters: " + in.remaining() + " bytes after the last block");
      }
      return builder.build();
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("model parameters: the encoding ends early (" + encoded.length + " bytes)",
          e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelParameters other) || !blocks.keySet().equals(other.blocks.keySet())) {
      return false;
    }
    for (Map.Entry<String, DMatrixRMaj> block : blocks.entrySet()) {
      if (!sameBits(block.getValue(), other.blocks.get(block.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return digest().hashCode();
  }

  @Override
  public String toString() {
    List<String> shapes = new ArrayList<>();
    blocks.forEach((name, m) -> shapes.add(name + " " + m.numRows + "x" + m.numCols));
    return "ModelParameters" + shapes; // shapes only: the weights are private
  }

  /** Collects blocks in the order added; names must be distinct. */
  public static final class Builder {
    private final Map<String, DMatrixRMaj> blocks = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a copy of {@code matrix} as block {@code name}. */
    public Builder add(String name, DMatrixRMaj matrix) {
      int nameBytes = utf8(name).length;
      if (nameBytes < 1 || nameBytes > MAX_NAME_BYTES) {
        throw new IllegalArgumentException("parameter block name must be 1 to " + MAX_NAME_BYTES + " bytes");
      }
      if (blocks.containsKey(name)) {
        throw new IllegalArgumentException("parameter block '" + name + "' added twice");
      }
      if (blocks.size() == MAX_BLOCKS) {
        throw new IllegalArgumentException("more than " + MAX_BLOCKS + " parameter blocks");
      }
      checkShape(blocks.size(), matrix.numRows, matrix.numCols);
      DMatrixRMaj copy = new DMatrixRMaj(matrix.numRows, matrix.numCols);
      System.arraycopy(matrix.data, 0, copy.data, 0, matrix.getNumElements());
      blocks.put(name, copy);
      return this;
    }

    public ModelParameters build() {
      return new ModelParameters(Collections.unmodifiableMap(new LinkedHashMap<>(blocks)));
    }
  }

  private static void checkShape(int block, int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols > MAX_BLOCK_ENTRIES) {
      throw new IllegalArgumentException("model parameters: block " + block + " is " + rows + "x" + cols
          + ", negative or more than " + MAX_BLOCK_ENTRIES + " entries");
    }
  }

  private static boolean sameBits(DMatrixRMaj a, DMatrixRMaj b) {
    if (a.numRows != b.numRows || a.numCols != b.numCols) {
      return false;
    }
    for (int i = 0; i < a.getNumElements(); i++) {
      if (Double.doubleToRawLongBits(a.data[i]) != Double.doubleToRawLongBits(b.data[i])) {
        return false;
      }
    }
    return true;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
