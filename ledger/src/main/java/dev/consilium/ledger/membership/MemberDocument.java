package dev.consilium.ledger.membership;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

import dev.consilium.mpc.signature.Ed25519PublicKey;
import dev.consilium.mpc.signature.Ed25519Verify;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A member's DID document (DESIGN §3): its DID, Ed25519 signing key, X25519 agreement key, roles, endpoints
 * and TLS certificate fingerprint. The DID must be the one derived from the key, so a document cannot claim another's identity.
 */
public final class MemberDocument implements CanonicalEncodable {
  public static final Set<String> ROLES = Set.of("institution", "regulator", "compute", "device", "validator");
  private static final int MAX_ENDPOINTS = 16;
  private static final int MAX_TEXT_CHARS = 256;

  private final Did did;
  private final Ed25519PublicKey signingKey;
  private final X25519PublicKey agreementKey;
  private final SortedSet<String> roles;
  private final List<String> endpoints;
  private final String certificateFingerprint;
  // Parsing and validating a key costs about one verification: do it once per document.
  private final Ed25519Verify verifier;

  private MemberDocument(Did did, Ed25519PublicKey signingKey, X25519PublicKey agreementKey, SortedSet<String> roles,
      List<String> endpoints, String certificateFingerprint) {
    this.did = did;
    this.signingKey = signingKey;
    this.agreementKey = agreementKey;
    this.roles = roles;
    this.endpoints = endpoints;
    this.certificateFingerprint = certificateFingerprint;
    this.verifier = Ed25519Verify.create(signingKey);
  }

  /**
   * A document for {@code signingKey} (its DID is derived from it) and {@code agreementKey}, the X25519 key
   * others agree pairwise secrets with (the credit inquiry's zero-sum masks).
   */
  public static MemberDocument of(Ed25519PublicKey signingKey, X25519PublicKey agreementKey, Set<String> roles,
      List<String> endpoints, String certificateFingerprint) {
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + new TreeSet<>(ROLES));
      }
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      throw new IllegalArgumentException("at most " + MAX_ENDPOINTS + " endpoints, got " + endpoints.size());
    }
    return new MemberDocument(Did.of(signingKey), signingKey, Objects.requireNonNull(agreementKey, "agreementKey"),
        new TreeSet<>(roles), List.copyOf(endpoints), certificateFingerprint);
  }

  public static MemberDocument read(CanonicalReader reader) throws CanonicalFormatException {
    return read(reader, did -> null);
  }

  /**
   * As {@link #read(CanonicalReader)}, but when {@code validatedKeys} gives a key for the document's DID and
   * the document carries that very key (same bytes), the key object is reused instead of validated again.
   * Validation depends on the 32 bytes alone and the given key passed it when it was built, so the verdict
   * is the same; it spares a full scalar multiplication (the subgroup check, dearer than a signature
   * verification) for each update that re-publishes a member's key.
   */
  static MemberDocument read(CanonicalReader reader, Function<Did, Ed25519PublicKey> validatedKeys)
      throws CanonicalFormatException {
    Did did = Did.read(reader);
    byte[] keyBytes = reader.readFixedBytes(Ed25519PublicKey.LENGTH_BYTES);
    Ed25519PublicKey known = validatedKeys.apply(did);
    Ed25519PublicKey key;
    if (known != null && Arrays.equals(known.toByteArray(), keyBytes)) {
      key = known;
    } else {
      try {
        key = Ed25519PublicKey.fromBytes(keyBytes);
      } catch (InvalidKeyException e) {
        throw reader.malformed("member signing key: " + e.getMessage());
      }
    }
    if (!did.matches(key)) {
      throw reader.malformed("member document's DID " + did + " is not derived from its signing key");
    }
    X25519PublicKey agreementKey;
    try {
      agreementKey = X25519PublicKey.fromBytes(reader.readFixedBytes(X25519PublicKey.LENGTH_BYTES));
    } catch (InvalidKeyException e) {
      throw reader.malformed("member agreement key: " + e.getMessage());
    }
    List<String> roles = reader.readList(r -> r.readString(MAX_TEXT_CHARS), ROLES.size());
    List<String> endpoints = reader.readList(r -> r.readString(MAX_TEXT_CHARS), MAX_ENDPOINTS);
    String fingerprint = reader.readString(MAX_TEXT_CHARS);
    for (int i = 0; i < roles.size(); i++) {
      if (!ROLES.contains(roles.get(i))) {
        throw reader.malformed("unknown member role '" + roles.get(i) + "'");
      }
      // Canonical form: sorted and distinct, so one document has exactly one encoding.
      if (i > 0 && roles.get(i - 1).compareTo(roles.get(i)) >= 0) {
        throw reader.malformed("member roles " + roles + " must be sorted and distinct");
      }
    }
    return new MemberDocument(did, key, agreementKey, new TreeSet<>(roles), endpoints, fingerprint);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    did.writeTo(writer);
    writer.writeFixedBytes(signingKey.toByteArray());
    writer.writeFixedBytes(agreementKey.toBytes());
    writer.writeList(List.copyOf(roles), CanonicalWriter::writeString);
    writer.writeList(endpoints, CanonicalWriter::writeString);
    writer.writeString(certificateFingerprint);
  }

  public Did did() {
    return did;
  }

  public Ed25519PublicKey signingKey() {
    return signingKey;
  }

  /** The X25519 key for pairwise secrets with this member. */
  public X25519PublicKey agreementKey() {
    return agreementKey;
  }

  /** A verifier for this member's signatures, built once. */
  public Ed25519Verify verifier() {
    return verifier;
  }

  public SortedSet<String> roles() {
    return roles;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public List<String> endpoints() {
    return endpoints;
  }

  public String certificateFingerprint() {
    return certificateFingerprint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberDocument other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return did.hashCode();
  }

  @Override
  public String toString() {
    return "MemberDocument[" + did + ", roles " + roles + "]";
  }
}
