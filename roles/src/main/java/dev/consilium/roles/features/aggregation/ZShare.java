package dev.consilium.roles.features.aggregation;

import dev.consilium.mpc.additive.ExplicitShare;
import dev.consilium.mpc.additive.SeededShare;
import dev.consilium.mpc.additive.VectorShare;
import dev.consilium.mpc.prg.Prg;
import dev.consilium.mpc.prg.PrgAlgorithm;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;

/**
 * One compute node's share of one holder's Z_i as it travels: a 32-byte seed that expands to a rows × cols
 * matrix, or the explicit matrix (8 bytes per element, little-endian). Either way it is uniformly random on
 * its own; the bytes are a secret of the receiving node and never printed.
 */
public final class ZShare {
  /** A step's matrix stays below 2²⁴ elements (128 MiB explicit), far more than any batch needs. */
  public static final int MAX_ELEMENTS = 1 << 24;

  private final int rows;
  private final int cols;
  private final boolean seeded;
  private final byte[] bytes;

  private ZShare(int rows, int cols, boolean seeded, byte[] bytes) {
    this.rows = rows;
    this.cols = cols;
    this.seeded = seeded;
    this.bytes = bytes;
  }

  /**
   * A share read from a message. Throws {@link IllegalArgumentException} naming what does not fit: a shape
   * out of range, or a length that is neither a seed nor rows · cols elements.
   */
  public static ZShare of(int rows, int cols, boolean seeded, byte[] bytes) {
    if (rows < 1 || cols < 1 || (long) rows * cols > MAX_ELEMENTS) {
      throw new IllegalArgumentException("a share must be 1 to " + MAX_ELEMENTS + " elements, was " + rows + " x "
          + cols);
    }
    long expected = seeded ? Prg.SEED_BYTES : 8L * rows * cols;
    if (bytes.length != expected) {
      throw new IllegalArgumentException((seeded ? "a seeded share is " : "an explicit " + rows + " x " + cols
          + " share is ") + expected + " bytes, was " + bytes.length);
    }
    return new ZShare(rows, cols, seeded, bytes.clone());
  }

  static ZShare from(int rows, int cols, VectorShare share) {
    if (share instanceof SeededShare seededShare) {
      return new ZShare(rows, cols, true, seededShare.seed().toByteArray(SecretAccess.get()));
    }
    return new ZShare(rows, cols, false, WireArrays.longsToBytes(((ExplicitShare) share).toLongArray(SecretAccess.get())));
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public boolean seeded() {
    return seeded;
  }

  /** The bytes to send: secret material, hence the token. */
  public byte[] bytes(SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
    return bytes.clone();
  }

  /** How many bytes this share puts on the wire. */
  public int wireBytes() {
    return bytes.length;
  }

  /** The share's elements, row-major. */
  public long[] expand(PrgAlgorithm algorithm) {
    if (!seeded) {
      return WireArrays.bytesToLongs(bytes);
    }
    SecretBytes seed = SecretBytes.copyFrom(bytes, SecretAccess.get());
    return SeededShare.of(algorithm, seed, rows * cols).toLongArray(SecretAccess.get());
  }

  @Override
  public String toString() {
    return "ZShare[" + rows + " x " + cols + (seeded ? ", seeded" : ", explicit") + ", redacted]";
  }
}
