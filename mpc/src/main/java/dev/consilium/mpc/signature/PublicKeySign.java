package dev.consilium.mpc.signature;

/** Signs data with a private key. Implementations are thread-safe. */
public interface PublicKeySign {
  /** A signature over {@code data}. */
  byte[] sign(byte[] data);
}
