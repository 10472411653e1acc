package dev.consilium.mpc.prg;

/**
 * The keystream generators a {@link Prg} can use. Element {@code k} of a stream is the little-endian 64-bit
 * integer made of keystream bytes {@code [8k, 8k + 8)}; another implementation reproduces a stream from that
 * rule and the key derivation described on each constant.
 */
public enum PrgAlgorithm {
  /**
   * AES-128 in counter mode on the JDK's {@code AES/CTR/NoPadding}, which uses the AES-NI (and VAES)
   * intrinsics. The AES key and the 64-bit IV prefix are the first 16 and next 8 bytes of
   * SHA-256("consilium/prg/aes-128-ctr/v1" || seed); the low 64 bits of the IV are the block counter,
   * starting at 0. Security is 128 bits (the AES key), whatever the 256 bits of seed: the stream is
   * indistinguishable from random up to the PRP/PRF switching bound q²/2¹²⁹ for q blocks, i.e. below 2⁻⁶⁴
   * for any stream shorter than 2³² blocks (2³³ elements, 64 GiB).
   *
   * <p>Element indices stay below 2⁶³, so the block counter stays below 2⁶² and never carries into the
   * prefix: the stream cannot wrap around and repeat itself.
   */
  AES_128_CTR(Long.MAX_VALUE),

  /**
   * ChaCha20 (RFC 8439) on the JDK's {@code ChaCha20} cipher: the seed is the 256-bit key, the nonce is
   * 12 zero bytes (every seed is a fresh random key used for one stream) and the 32-bit block counter starts
   * at 0. 256-bit security; faster than AES where the CPU lacks AES instructions, slower here.
   *
   * <p>The JDK lets the 32-bit counter wrap silently back to block 0; streams are therefore capped at 2³²
   * blocks of 64 bytes, 2³⁵ elements.
   */
  CHACHA20(1L << 35);

  private final long maxElements;

  PrgAlgorithm(long maxElements) {
    this.maxElements = maxElements;
  }

  /** How many elements one seed can produce: valid element indices are {@code [0, maxElements())}. */
  public long maxElements() {
    return maxElements;
  }
}
