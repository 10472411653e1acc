package dev.consilium.mpc.prg;

import dev.consilium.mpc.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.ProviderException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a seed and an element index into a JDK cipher whose keystream starts at that element. The only place
 * that knows the key derivation and the counter layout of each {@link PrgAlgorithm}.
 */
final class KeystreamCiphers {
  private static final byte[] AES_LABEL = "consilium/prg/aes-128-ctr/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int AES_KEY_BYTES = 16;
  private static final int AES_IV_PREFIX_BYTES = 8;
  private static final int AES_BLOCK_LONGS = 2;
  private static final int CHACHA_NONCE_BYTES = 12;
  private static final int CHACHA_BLOCK_LONGS = 8;

  private KeystreamCiphers() {}

  /** A cipher positioned at element {@code firstIndex} of the stream of {@code seed}; the caller wipes the seed. */
  static Cipher forSeed(PrgAlgorithm algorithm, byte[] seed, long firstIndex) {
    return switch (algorithm) {
      case AES_128_CTR -> aesCtrForSeed(seed, firstIndex);
      case CHACHA20 -> chaCha20ForSeed(seed, firstIndex);
    };
  }

  static Cipher aesCtr(byte[] key, byte[] initialCounterBlock) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(initialCounterBlock));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new ProviderException("the JDK's AES/CTR/NoPadding is unavailable or refused the key", e);
    }
  }

  static Cipher chaCha20(byte[] key, byte[] nonce, int initialCounter) {
    try {
      Cipher cipher = Cipher.getInstance("ChaCha20");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"),
          new ChaCha20ParameterSpec(nonce, initialCounter));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new ProviderException("the JDK's ChaCha20 is unavailable or refused the key", e);
    }
  }

  /** Encrypts {@code length} bytes of {@code zeros} into {@code out}; returns the bytes written. */
  static int update(Cipher cipher, byte[] zeros, int length, byte[] out) {
    try {
      return cipher.update(zeros, 0, length, out, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keystream buffer of " + out.length + " bytes refused for " + length, e);
    }
  }

  private static Cipher aesCtrForSeed(byte[] seed, long firstIndex) {
    byte[] derived = sha256(AES_LABEL, seed);
    byte[] key = Arrays.copyOf(derived, AES_KEY_BYTES);
    byte[] counterBlock = new byte[16];
    System.arraycopy(derived, AES_KEY_BYTES, counterBlock, 0, AES_IV_PREFIX_BYTES);
    long block = firstIndex / AES_BLOCK_LONGS;
    for (int i = 0; i < 8; i++) {
      counterBlock[15 - i] = (byte) (block >>> (8 * i));
    }
    try {
      Cipher cipher = aesCtr(key, counterBlock);
      skipLongs(cipher, (int) (firstIndex % AES_BLOCK_LONGS));
      return cipher;
    } finally {
      SecretBytes.wipe(derived);
      SecretBytes.wipe(key);
      SecretBytes.wipe(counterBlock);
    }
  }

  private static Cipher chaCha20ForSeed(byte[] seed, long firstIndex) {
    // firstIndex < 2^35 (PrgAlgorithm.CHACHA20.maxElements()), so the block index fits 32 unsigned bits.
    int block = (int) (firstIndex / CHACHA_BLOCK_LONGS);
    Cipher cipher = chaCha20(seed, new byte[CHACHA_NONCE_BYTES], block);
    skipLongs(cipher, (int) (firstIndex % CHACHA_BLOCK_LONGS));
    return cipher;
  }

  /** Discards the first {@code longs} elements of a block, to start mid-block. */
  private static void skipLongs(Cipher cipher, int longs) {
    if (longs > 0) {
      int bytes = longs * Long.BYTES;
      byte[] discarded = new byte[bytes];
      update(cipher, new byte[bytes], bytes, discarded);
      SecretBytes.wipe(discarded);
    }
  }

  // Not through hash.Sha256: its Sha256Hash keeps a copy of the digest, and this digest is key material that
  // must be wiped once the cipher holds it.
  private static byte[] sha256(byte[] label, byte[] seed) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(label);
      return digest.digest(seed);
    } catch (GeneralSecurityException e) {
      throw new ProviderException("the JDK's SHA-256 is unavailable", e);
    }
  }
}
