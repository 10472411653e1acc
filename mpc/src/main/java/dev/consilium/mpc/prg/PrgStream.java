package dev.consilium.mpc.prg;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * A reader over one PRG stream, positioned at an element index and moving forward as it is read. Not
 * thread-safe: one per thread (open several with {@link Prg#streamAt(long)} to expand ranges in parallel).
 *
 * <p>Besides {@code fill}, it can add its elements to an array or subtract them from one, so that sharing and
 * reconstruction consume each keystream chunk while it is still in the L1 cache instead of materialising a
 * whole expanded share first.
 *
 * <p>The cipher is fed 16 KiB at a time: the JIT swaps in the JDK's AES-CTR intrinsic only once the cipher's
 * inner method has been called many times, so one huge {@code update()} runs the slow path throughout (about
 * 10x slower, STACK.md). Chunks of 4 to 64 KiB measured within 3% of each other here.
 */
public final class PrgStream {
  /** Keystream bytes per cipher call; also the largest scratch buffer a stream holds. */
  static final int CHUNK_BYTES = 16 * 1024;

  /**
   * Elements per cipher call. Callers interleaving several streams over one array should work in pieces of
   * this size, so that each piece is still in cache when the next stream reaches it.
   */
  public static final int CHUNK_LONGS = CHUNK_BYTES / Long.BYTES;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Counter mode encrypts zeros to obtain the keystream; read-only, shared by all streams. */
  private static final byte[] ZEROS = new byte[CHUNK_BYTES];

  private final Cipher cipher;
  private final long maxElements;
  private final byte[] keystream;
  private long position;

  private PrgStream(Cipher cipher, long maxElements, long position) {
    this.cipher = cipher;
    this.maxElements = maxElements;
    this.position = position;
    this.keystream = new byte[CHUNK_BYTES];
  }

  static PrgStream open(PrgAlgorithm algorithm, SecretBytes seed, long firstIndex) {
    requireIndex(algorithm.maxElements(), firstIndex);
    byte[] seedBytes = seed.toByteArray(SecretAccess.get());
    try {
      Cipher cipher = KeystreamCiphers.forSeed(algorithm, seedBytes, firstIndex);
      return new PrgStream(cipher, algorithm.maxElements(), firstIndex);
    } finally {
      SecretBytes.wipe(seedBytes);
    }
  }

  /** The raw AES-128-CTR keystream for a key and a full 16-byte initial counter block (for known-answer tests). */
  static PrgStream rawAesCtr(byte[] key, byte[] initialCounterBlock) {
    return new PrgStream(KeystreamCiphers.aesCtr(key, initialCounterBlock), Long.MAX_VALUE, 0);
  }

  /** The raw ChaCha20 keystream for a key, a 12-byte nonce and an initial block counter (for known-answer tests). */
  static PrgStream rawChaCha20(byte[] key, byte[] nonce, int initialCounter) {
    return new PrgStream(KeystreamCiphers.chaCha20(key, nonce, initialCounter), 1L << 35, 0);
  }

  /** The index of the next element this stream yields. */
  public long position() {
    return position;
  }

  /** Writes the next {@code count} elements into {@code dst[offset, offset + count)}. */
  public void fill(long[] dst, int offset, int count) {
    checkRange(dst, offset, count);
    int done = 0;
    while (done < count) {
      int n = nextChunk(count - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        dst[base + i] = (long) LONG_LE.get(keystream, i << 3);
      }
      done += n;
    }
  }

  /** Adds the next {@code count} elements to {@code dst[offset, offset + count)}, mod 2⁶⁴. */
  public void addTo(long[] dst, int offset, int count) {
    checkRange(dst, offset, count);
    int done = 0;
    while (done < count) {
      int n = nextChunk(count - done);
      int base = offset + done;
      for (int i = 0; i < n; i++) {
        dst[base + i] += (long) LONG_LE.get(keystream, i << 3);
      }
      done += n;
    }
  }

  /** Subtracts the next {@code count} elements from {@code dst[offset, offset + count)}, mod 2⁶⁴. */
  public void subtractFrom(long[] dst, int offset, int count) {
    subtract(dst, offset, dst, offset, count);
  }

  /**
   * {@code dst[dstOffset + i] = src[srcOffset + i] - next element}, mod 2⁶⁴: one pass that reads the minuend
   * and writes the difference, with no copy in between.
   */
  public void subtract(long[] src, int srcOffset, long[] dst, int dstOffset, int count) {
    Objects.checkFromIndexSize(srcOffset, count, src.length);
    checkRange(dst, dstOffset, count);
    int done = 0;
    while (done < count) {
      int n = nextChunk(count - done);
      int s = srcOffset + done;
      int d = dstOffset + done;
      for (int i = 0; i < n; i++) {
        dst[d + i] = src[s + i] - (long) LONG_LE.get(keystream, i << 3);
      }
      done += n;
    }
  }

  @Override
  public String toString() {
    return "PrgStream[position=" + position + ", seed redacted]";
  }

  /** Generates min(wanted, CHUNK_LONGS) elements into {@link #keystream} and advances the position. */
  private int nextChunk(int wanted) {
    int n = Math.min(wanted, CHUNK_LONGS);
    int bytes = n << 3;
    int written = KeystreamCiphers.update(cipher, ZEROS, bytes, keystream);
    if (written != bytes) {
      throw new IllegalStateException("cipher produced " + written + " keystream bytes, expected " + bytes);
    }
    position += n;
    return n;
  }

  private void checkRange(long[] dst, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, dst.length);
    if (count > maxElements - position) {
      throw new IllegalArgumentException("reading " + count + " elements from index " + position
          + " passes the end of the stream at " + maxElements + " elements");
    }
  }

  private static void requireIndex(long maxElements, long index) {
    if (index < 0 || index >= maxElements) {
      throw new IllegalArgumentException(
          "element index " + index + " outside the stream's range [0, " + maxElements + ")");
    }
  }
}
