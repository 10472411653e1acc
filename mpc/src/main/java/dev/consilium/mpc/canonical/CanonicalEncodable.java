package dev.consilium.mpc.canonical;

/**
 * A type that writes itself in canonical form. Its decoder (a {@link CanonicalDecoder}, usually a static
 * {@code readFrom(CanonicalReader)}) must read the same fields in the same order.
 */
public interface CanonicalEncodable {
  /** Writes this value's fields, in schema order. */
  void writeTo(CanonicalWriter writer);

  /** This value's canonical bytes, without a signing domain. */
  default byte[] toCanonicalBytes() {
    return new CanonicalWriter().writeObject(this).toByteArray();
  }
}
