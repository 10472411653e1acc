package dev.consilium.mpc.secret;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Immutable secret bytes: key seeds, blinding scalars, PRG seeds.
 *
 * <p>The bytes leave this object only through {@link #toByteArray(SecretAccess)}, which a reviewer can grep
 * for; {@code toString} never shows them, and equality is constant-time so that comparing two secrets does
 * not leak where they first differ.
 */
public final class SecretBytes {
  private final byte[] bytes;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}; the caller may wipe its array afterwards. */
  public static SecretBytes copyFrom(byte[] bytes, SecretAccess access) {
    requireAccess(access);
    return new SecretBytes(bytes.clone());
  }

  /** {@code length} bytes from {@code random}. */
  public static SecretBytes random(int length, SecureRandom random) {
    if (length <= 0) {
      throw new IllegalArgumentException("secret length must be positive, was " + length);
    }
    byte[] b = new byte[length];
    random.nextBytes(b);
    return new SecretBytes(b);
  }

  /** A fresh copy of the secret bytes. Every call site is a place where secret material leaves a key. */
  public byte[] toByteArray(SecretAccess access) {
    requireAccess(access);
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  /** Constant-time comparison of the contents. */
  public boolean equalsSecretBytes(SecretBytes other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretBytes other && equalsSecretBytes(other);
  }

  @Override
  public int hashCode() {
    // Only the length: a content hash would leak a function of the secret into hash tables and logs.
    return bytes.length;
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, redacted]";
  }

  /** Wipes a temporary array that held secret material. */
  public static void wipe(byte[] temporary) {
    Arrays.fill(temporary, (byte) 0);
  }

  private static void requireAccess(SecretAccess access) {
    if (access == null) {
      throw new NullPointerException("secret access token is required");
    }
  }
}
