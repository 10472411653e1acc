package dev.consilium.ledger.identity;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.mpc.signature.Ed25519PublicKey;

/**
 * A member's decentralized identifier (DESIGN §3): {@code did:consilium:} followed by the base58btc
 * encoding of SHA-256 of the member's 32-byte Ed25519 public key. Immutable.
 *
 * <p>The DID names the key's hash, not the key, so it stays short and says nothing about the curve; the
 * key itself comes from the DID document, and {@link #matches} ties the two together. Base58 is a
 * bijection, so each DID has exactly one string and equal DIDs have equal strings.
 *
 * <p>Ordered by string (all ASCII, so the same as byte order). Canonical form: the string.
 */
public final class Did implements Comparable<Did>, CanonicalEncodable {
  public static final String PREFIX = "did:consilium:";
  /** Base58 of 32 bytes is at most 44 characters: 58^44 > 256^32. */
  public static final int MAX_LENGTH_CHARS = PREFIX.length() + 44;

  private final String value;
  private final Sha256Hash keyHash;

  private Did(String value, Sha256Hash keyHash) {
    this.value = value;
    this.keyHash = keyHash;
  }

  /** The DID of the member holding {@code key}. */
  public static Did of(Ed25519PublicKey key) {
    Sha256Hash keyHash = Sha256.digest(key.toByteArray());
    return new Did(PREFIX + Base58.encode(keyHash.toByteArray()), keyHash);
  }

  /**
   * Parses a DID string.
   *
   * @throws IllegalArgumentException if {@code text} is too long, lacks the prefix, or its suffix is not
   *     base58 of exactly 32 bytes
   */
  public static Did parse(String text) {
    // Length first: it bounds both the quadratic base58 decoding and what the messages echo back.
    if (text.length() > MAX_LENGTH_CHARS) {
      throw new IllegalArgumentException("a DID has at most " + MAX_LENGTH_CHARS + " characters, was "
          + text.length());
    }
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("DID '" + text + "' does not start with '" + PREFIX + "'");
    }
    byte[] hash;
    try {
      hash = Base58.decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DID '" + text + "' has a suffix that is not base58: " + e.getMessage(), e);
    }
    if (hash.length != Sha256Hash.LENGTH_BYTES) {
      throw new IllegalArgumentException("DID '" + text + "' has a suffix of " + hash.length
          + " bytes, must be a " + Sha256Hash.LENGTH_BYTES + "-byte SHA-256 hash of a public key");
    }
    return new Did(text, Sha256Hash.fromBytes(hash));
  }

  /** Reads what {@link #writeTo} writes, refusing a string that is not a DID. */
  public static Did read(CanonicalReader reader) throws CanonicalFormatException {
    // A DID is ASCII, so its UTF-8 bytes number its characters.
    String text = reader.readString(MAX_LENGTH_CHARS);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw reader.malformed(e.getMessage());
    }
  }

  /** The whole string, {@code did:consilium:…}. */
  public String value() {
    return value;
  }

  /** SHA-256 of the public key this DID names. */
  public Sha256Hash keyHash() {
    return keyHash;
  }

  /** True if this is the DID of {@code key}. */
  public boolean matches(Ed25519PublicKey key) {
    return keyHash.equals(Sha256.digest(key.toByteArray()));
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(value);
  }

  @Override
  public int compareTo(Did other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Did other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
