package dev.consilium.mpc.canonical;

/** Reads one value, such as a list element or a whole object, e.g. {@code CanonicalReader::readI64}. */
@FunctionalInterface
public interface CanonicalDecoder<T> {
  T read(CanonicalReader reader) throws CanonicalFormatException;
}
