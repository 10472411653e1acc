package dev.consilium.mpc.canonical;

/** Writes one value, such as a list element or a map key, e.g. {@code CanonicalWriter::writeString}. */
@FunctionalInterface
public interface CanonicalEncoder<T> {
  void write(CanonicalWriter writer, T value);
}
