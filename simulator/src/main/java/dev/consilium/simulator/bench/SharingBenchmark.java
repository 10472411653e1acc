package dev.consilium.simulator.bench;

import dev.consilium.mpc.additive.AdditiveSharing;
import dev.consilium.mpc.additive.VectorShare;
import dev.consilium.mpc.prg.PrgAlgorithm;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Splitting a vector of 1,000,000 longs into 3 additive shares over Z_2^64, against two baselines written
 * here with the JDK alone: the raw AES-128-CTR keystream (16 KiB {@code update()} calls turned into longs,
 * the rate a seed-compressed split is bounded by) and a split whose two masks come from SecureRandom.
 */
@State(Scope.Benchmark)
public class SharingBenchmark {
  public static final int ELEMENTS = 1_000_000;
  private static final int PARTIES = 3;
  private static final int CHUNK_BYTES = 16 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long[] secret;
  private long[] keystream;
  private long[][] maskedShares;
  private AdditiveSharing aesSharing;
  private AdditiveSharing chachaSharing;
  private SecureRandom drbg;
  private Cipher aes;
  private byte[] zeros;
  private byte[] chunk;

  @Setup(Level.Trial)
  public void setUp() throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    secret = random.longs(ELEMENTS).toArray();
    keystream = new long[ELEMENTS];
    maskedShares = new long[PARTIES][ELEMENTS];
    aesSharing = AdditiveSharing.create(PrgAlgorithm.AES_128_CTR, PARTIES, random);
    chachaSharing = AdditiveSharing.create(PrgAlgorithm.CHACHA20, PARTIES, random);
    // DRBG is the fastest SecureRandom here (STACK.md: ~3.5× NativePRNG): the stronger baseline.
    drbg = drbg();
    byte[] key = new byte[16];
    byte[] iv = new byte[16];
    random.nextBytes(key);
    random.nextBytes(iv);
    aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    zeros = new byte[CHUNK_BYTES];
    chunk = new byte[CHUNK_BYTES];
  }

  /** 1,000,000 longs of raw AES-128-CTR keystream. */
  @Benchmark
  public long[] rawAesCtrKeystream() throws GeneralSecurityException {
    int longsPerChunk = CHUNK_BYTES / Long.BYTES;
    for (int start = 0; start < ELEMENTS; start += longsPerChunk) {
      int count = Math.min(longsPerChunk, ELEMENTS - start);
      aes.update(zeros, 0, count * Long.BYTES, chunk, 0);
      for (int i = 0; i < count; i++) {
        keystream[start + i] = (long) LONGS.get(chunk, i * Long.BYTES);
      }
    }
    return keystream;
  }

  @Benchmark
  public List<VectorShare> splitSeededAesCtr() {
    return aesSharing.split(secret);
  }

  @Benchmark
  public List<VectorShare> splitSeededAesCtrParallel() {
    return aesSharing.splitParallel(secret);
  }

  @Benchmark
  public List<VectorShare> splitSeededChaCha20() {
    return chachaSharing.split(secret);
  }

  /**
   * The same split with both masks drawn from SecureRandom and all three shares explicit. The masks come in
   * 16 KiB {@code nextBytes} calls, the fastest way to draw them (per-element {@code nextLong} on DRBG is
   * about 30× slower), so the baseline is as strong as it can be.
   */
  @Benchmark
  public long[][] splitSecureRandomMasks() {
    long[] last = maskedShares[PARTIES - 1];
    System.arraycopy(secret, 0, last, 0, ELEMENTS);
    int longsPerChunk = CHUNK_BYTES / Long.BYTES;
    for (int p = 0; p < PARTIES - 1; p++) {
      long[] mask = maskedShares[p];
      for (int start = 0; start < ELEMENTS; start += longsPerChunk) {
        int count = Math.min(longsPerChunk, ELEMENTS - start);
        drbg.nextBytes(chunk);
        for (int i = 0; i < count; i++) {
          long m = (long) LONGS.get(chunk, i * Long.BYTES);
          mask[start + i] = m;
          last[start + i] -= m;
        }
      }
    }
    return maskedShares;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
    }
  }
}
