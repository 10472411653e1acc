package dev.consilium.mpc.prg;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.Test;

public final class PrgTest {
  private static final Random RANDOM = new Random(20240611L);

  @Test
  public void expand_sameSeed_isDeterministic() {
    for (PrgAlgorithm algorithm : PrgAlgorithm.values()) {
      SecretBytes seed = seed();
      long[] first = Prg.create(algorithm, seed).expand(0, 5000);
      long[] second = Prg.create(algorithm, SecretBytes.copyFrom(seed.toByteArray(SecretAccess.get()),
          SecretAccess.get())).expand(0, 5000);
      assertArrayEquals(algorithm.toString(), first, second);
    }
  }

  @Test
  public void streamAt_anyIndex_equalsExpansionFromZero() {
    for (PrgAlgorithm algorithm : PrgAlgorithm.values()) {
      Prg prg = Prg.create(algorithm, seed());
      int total = 3 * PrgStream.CHUNK_LONGS + 17;
      long[] reference = prg.expand(0, total);
      for (int trial = 0; trial < 2000; trial++) {
        int from = RANDOM.nextInt(total);
        int count = RANDOM.nextInt(total - from + 1);
        long[] sought = prg.expand(from, count);
        assertArrayEquals(algorithm + " from " + from + " count " + count,
            Arrays.copyOfRange(reference, from, from + count), sought);
      }
    }
  }

  @Test
  public void stream_readInUnevenPieces_equalsOneRead() {
    for (PrgAlgorithm algorithm : PrgAlgorithm.values()) {
      Prg prg = Prg.create(algorithm, seed());
      long[] reference = prg.expand(7, 40_000);
      PrgStream stream = prg.streamAt(7);
      long[] pieces = new long[40_000];
      int done = 0;
      while (done < pieces.length) {
        int n = Math.min(pieces.length - done, 1 + RANDOM.nextInt(3 * PrgStream.CHUNK_LONGS));
        stream.fill(pieces, done, n);
        done += n;
      }
      assertEquals(7 + 40_000, stream.position());
      assertArrayEquals(algorithm.toString(), reference, pieces);
    }
  }

  @Test
  public void addToAndSubtract_sameIndex_matchFill() {
    Prg prg = Prg.create(PrgAlgorithm.AES_128_CTR, seed());
    long[] keystream = prg.expand(3, 9000);
    long[] base = RANDOM.longs(9000).toArray();
    long[] added = base.clone();
    prg.streamAt(3).addTo(added, 0, 9000);
    long[] subtracted = new long[9000];
    prg.streamAt(3).subtract(base, 0, subtracted, 0, 9000);
    for (int i = 0; i < 9000; i++) {
      assertEquals(base[i] + keystream[i], added[i]);
      assertEquals(base[i] - keystream[i], subtracted[i]);
    }
  }

  @Test
  public void aesStream_followsDocumentedDerivation() throws Exception {
    SecretBytes seed = seed();
    byte[] seedBytes = seed.toByteArray(SecretAccess.get());
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("consilium/prg/aes-128-ctr/v1".getBytes(StandardCharsets.US_ASCII));
    byte[] derived = sha256.digest(seedBytes);
    byte[] counterBlock = new byte[16];
    System.arraycopy(derived, 16, counterBlock, 0, 8);
    long[] expected = new long[100];
    PrgStream.rawAesCtr(Arrays.copyOf(derived, 16), counterBlock).fill(expected, 0, 100);
    assertArrayEquals(expected, Prg.create(PrgAlgorithm.AES_128_CTR, seed).expand(0, 100));
  }

  @Test
  public void chaChaStream_followsDocumentedDerivation() {
    SecretBytes seed = seed();
    long[] expected = new long[100];
    PrgStream.rawChaCha20(seed.toByteArray(SecretAccess.get()), new byte[12], 0).fill(expected, 0, 100);
    assertArrayEquals(expected, Prg.create(PrgAlgorithm.CHACHA20, seed).expand(0, 100));
  }

  @Test
  public void aesStream_nearLargestIndex_isSeekable() {
    Prg prg = Prg.create(PrgAlgorithm.AES_128_CTR, seed());
    long start = Long.MAX_VALUE - 10;
    long[] tail = prg.expand(start, 10);
    assertArrayEquals(Arrays.copyOfRange(tail, 1, 10), prg.expand(start + 1, 9));
  }

  @Test
  public void chaChaStream_lastBlock_isReadableAndNotBlockZero() {
    Prg prg = Prg.create(PrgAlgorithm.CHACHA20, seed());
    long lastBlockStart = PrgAlgorithm.CHACHA20.maxElements() - 8;
    long[] last = prg.expand(lastBlockStart, 8);
    assertFalse(Arrays.equals(prg.expand(0, 8), last));
  }

  @Test
  public void create_seedOfWrongLength_throws() {
    for (int length : new int[] {1, 16, 31, 33, 64}) {
      SecretBytes bad = SecretBytes.random(length, new java.security.SecureRandom());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Prg.create(PrgAlgorithm.AES_128_CTR, bad));
      assertTrue(e.getMessage(), e.getMessage().contains("32 bytes") && e.getMessage().contains(length + " bytes"));
    }
  }

  @Test
  public void streamAt_negativeIndex_throws() {
    Prg prg = Prg.create(PrgAlgorithm.AES_128_CTR, seed());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prg.streamAt(-1));
    assertTrue(e.getMessage(), e.getMessage().contains("-1"));
  }

  @Test
  public void fill_pastEndOfChaChaStream_throws() {
    Prg prg = Prg.create(PrgAlgorithm.CHACHA20, seed());
    long nearEnd = PrgAlgorithm.CHACHA20.maxElements() - 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prg.expand(nearEnd, 2));
    assertTrue(e.getMessage(), e.getMessage().contains("end of the stream")
        && e.getMessage().contains(Long.toString(PrgAlgorithm.CHACHA20.maxElements())));
  }

  @Test
  public void fill_pastEndOfAesStream_throws() {
    Prg prg = Prg.create(PrgAlgorithm.AES_128_CTR, seed());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> prg.expand(Long.MAX_VALUE - 1, 2));
    assertTrue(e.getMessage(), e.getMessage().contains("end of the stream"));
  }

  @Test
  public void toString_neverShowsSeed() {
    byte[] seedBytes = new byte[32];
    Arrays.fill(seedBytes, (byte) 0xab);
    Prg prg = Prg.create(PrgAlgorithm.AES_128_CTR, SecretBytes.copyFrom(seedBytes, SecretAccess.get()));
    String shown = prg + " " + prg.streamAt(5);
    assertFalse(shown, shown.toLowerCase().contains("abab"));
    assertFalse(shown, shown.contains(HexFormat.of().formatHex(seedBytes)));
    assertTrue(shown, shown.contains("redacted"));
  }

  private static SecretBytes seed() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SecretBytes.copyFrom(bytes, SecretAccess.get());
  }
}
