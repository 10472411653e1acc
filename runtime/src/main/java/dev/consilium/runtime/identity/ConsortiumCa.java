package dev.consilium.runtime.identity;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consortium's root CA: an RSA key and its self-signed certificate (see {@link CertificateProfile}). It
 * issues every member's TLS certificate directly, since Artery's rotating-keys provider trusts exactly one
 * CA certificate and no intermediates. One CA per consortium: its certificate goes into the genesis block,
 * and a node trusts only peers whose certificate it issued.
 *
 * <p>Immutable. The private key never leaves this object except into {@code ca.key} (mode 600) through
 * {@link #writeTo}; {@code toString} shows the subject only.
 */
public final class ConsortiumCa {
  private final ConsortiumName consortium;
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final List<String> warnings;

  private ConsortiumCa(ConsortiumName consortium, PrivateKey privateKey, X509Certificate certificate,
      List<String> warnings) {
    this.consortium = consortium;
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.warnings = List.copyOf(warnings);
  }

  /** A new root for {@code consortium}, valid from {@code now}. Takes a second or so: RSA key generation. */
  public static ConsortiumCa create(ConsortiumName consortium, Instant now, SecureRandom random) {
    KeyPair keys = CertificateProfile.newKeyPair(random);
    X509Certificate certificate = CertificateProfile.rootCertificate(consortium, keys, now, random);
    return new ConsortiumCa(consortium, keys.getPrivate(), certificate, List.of());
  }

  /**
   * Reads {@code ca.key} and {@code ca.crt} from {@code dir} and checks that the certificate is a valid root
   * at {@code now} and the key is its key. A {@code ca.key} others can read is reported in {@link #warnings}.
   */
  public static ConsortiumCa load(Path dir, Instant now) throws IdentityException {
    Path certificateFile = dir.resolve(IdentityFiles.CA_CERTIFICATE);
    Path keyFile = dir.resolve(IdentityFiles.CA_KEY);
    X509Certificate certificate = CertificateFile.read(certificateFile);
    ConsortiumName consortium = CertificateChecks.requireRoot(certificateFile, certificate, now);
    RSAPrivateCrtKey key = RsaKeyFile.read(keyFile);
    CertificateChecks.requireKeyMatches(keyFile, key, certificateFile, certificate);
    List<String> warnings = new ArrayList<>();
    try {
      SecretFileMode.warning(keyFile).ifPresent(warnings::add);
    } catch (IOException e) {
      throw new IdentityException(keyFile, "cannot read its permissions: " + e, e);
    }
    return new ConsortiumCa(consortium, key, certificate, warnings);
  }

  /** Writes {@code ca.key} (mode 600) and {@code ca.crt} into {@code dir}, creating it; never overwrites. */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    NewFiles.requireAbsent(dir, IdentityFiles.CA_KEY, IdentityFiles.CA_CERTIFICATE);
    RsaKeyFile.write(dir.resolve(IdentityFiles.CA_KEY), privateKey);
    CertificateFile.write(dir.resolve(IdentityFiles.CA_CERTIFICATE), certificate);
  }

  /**
   * Issues member {@code name}: a new TLS key and certificate, a new Ed25519 signing key, and the DID document
   * naming its roles, its endpoint and the certificate's fingerprint.
   *
   * @throws IllegalArgumentException if {@code roles} is empty or names a role not in {@link MemberDocument#ROLES}
   */
  public IssuedMember issue(MemberName name, Set<String> roles, MemberEndpoint endpoint, Instant now,
      SecureRandom random) {
    requireRoles(roles);
    if (certificate.getNotAfter().toInstant().isBefore(now)) {
      throw new IllegalStateException("the CA certificate of " + consortium + " expired at "
          + certificate.getNotAfter().toInstant() + "; it cannot issue members");
    }
    Ed25519PrivateKey signingKey = Ed25519PrivateKey.generate(random);
    Did did = Did.of(signingKey.publicKey());
    KeyPair tlsKeys = CertificateProfile.newKeyPair(random);
    X509Certificate memberCertificate = CertificateProfile.memberCertificate(consortium, name, did, endpoint,
        tlsKeys.getPublic(), certificate, privateKey, now, random);
    X25519PrivateKey agreementKey = X25519PrivateKey.generate(random);
    MemberDocument document = MemberDocument.of(signingKey.publicKey(), agreementKey.publicKey(), roles,
        List.of(endpoint.toString()), CertificateNames.fingerprint(memberCertificate));
    return new IssuedMember(consortium, name, tlsKeys.getPrivate(), memberCertificate, certificate, signingKey,
        agreementKey, document);
  }

  public ConsortiumName consortium() {
    return consortium;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** SHA-256 of the CA certificate's DER, in hex. */
  public String fingerprint() {
    return CertificateNames.fingerprint(certificate);
  }

  /** Problems that do not stop the CA from working, such as a {@code ca.key} others can read. */
  public List<String> warnings() {
    return warnings;
  }

  private static void requireRoles(Set<String> roles) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a member needs at least one role; roles are "
          + new TreeSet<>(MemberDocument.ROLES));
    }
    for (String role : roles) {
      if (!MemberDocument.ROLES.contains(role)) {
        throw new IllegalArgumentException("unknown role '" + role + "'; roles are "
            + new TreeSet<>(MemberDocument.ROLES));
      }
    }
  }

  @Override
  public String toString() {
    return "ConsortiumCa[" + certificate.getSubjectX500Principal() + ", key redacted]";
  }
}
