package dev.consilium.mpc.hash;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable SHA-256 value: exactly 32 bytes, shown as lowercase hex. */
public final class Sha256Hash {
  public static final int LENGTH_BYTES = 32;

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Sha256Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 32 long. */
  public static Sha256Hash fromBytes(byte[] bytes) {
    requireLength(bytes.length, "bytes");
    return new Sha256Hash(bytes.clone());
  }

  /** Parses 64 hex digits (either case). */
  public static Sha256Hash fromHex(String hex) {
    if (hex.length() != 2 * LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "a SHA-256 hash is " + 2 * LENGTH_BYTES + " hex digits, was " + hex.length());
    }
    return new Sha256Hash(HEX.parseHex(hex));
  }

  /** Takes ownership of a fresh digest output; only {@link Sha256} calls it, to skip a copy. */
  static Sha256Hash wrapOwned(byte[] digest) {
    requireLength(digest.length, "digest");
    return new Sha256Hash(digest);
  }

  /** A fresh copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  public String toHex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    // Not constant-time on purpose: hashes here are public values (block and entry ids).
    return o instanceof Sha256Hash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }

  private static void requireLength(int length, String what) {
    if (length != LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "a SHA-256 hash is " + LENGTH_BYTES + " bytes, " + what + " had " + length);
    }
  }
}
