package dev.consilium.mpc.canonical;

import java.util.regex.Pattern;

/**
 * The kind of object a signature is for, written in front of the object's canonical bytes.
 *
 * <p>A signature over {@code domain ‖ object} cannot be replayed as a signature over an object of another
 * kind, even one whose fields happen to encode to the same bytes, because the verifier rebuilds the bytes
 * with its own domain. The domain is a length-prefixed string, so no domain is a prefix of another's
 * encoding. The rule holds only if a key signs nothing but domain-prefixed bytes.
 *
 * <p>Names are lowercase ASCII with a version, e.g. {@code consilium/ledger/entry/v1}: ASCII rules out
 * look-alike characters and Unicode normalization questions; bumping the version retires old signatures.
 */
public final class SigningDomain {
  public static final int MAX_NAME_CHARS = 128;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._:/-]*");

  private final String name;

  private SigningDomain(String name) {
    this.name = name;
  }

  /** A domain named {@code name}: 1 to 128 characters of {@code a-z 0-9 . _ : / -}, starting alphanumeric. */
  public static SigningDomain of(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException("a signing domain name has 1 to " + MAX_NAME_CHARS
          + " characters, was " + name.length());
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("signing domain name '" + name
          + "' must be lowercase ASCII letters, digits and . _ : / -, starting with a letter or digit");
    }
    return new SigningDomain(name);
  }

  public String name() {
    return name;
  }

  /** The bytes to sign or verify for {@code value}: this domain, then the value's canonical encoding. */
  public byte[] encode(CanonicalEncodable value) {
    return new CanonicalWriter().writeDomain(this).writeObject(value).toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningDomain other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
