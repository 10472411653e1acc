package dev.consilium.runtime.identity;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member's own identity, read from its directory and checked whole before the node uses it: the
 * {@link PublishedMember} checks, plus {@code tls.key} belongs to {@code tls.crt} and {@code signing.key} is
 * the key of the DID that {@code member.doc} and {@code tls.crt} name. Secret files that others can read are
 * reported in {@link #warnings()}.
 *
 * <p>The TLS private key is checked and then dropped: Artery reads {@code tls.key} itself. The signing key
 * is kept; its seed leaves only through {@code signingKey().seed()} and {@code SecretAccess.get()}.
 */
public final class MemberIdentity {
  private final PublishedMember published;
  private final Ed25519PrivateKey signingKey;
  private final X25519PrivateKey agreementKey;
  private final List<String> warnings;

  private MemberIdentity(PublishedMember published, Ed25519PrivateKey signingKey, X25519PrivateKey agreementKey,
      List<String> warnings) {
    this.published = published;
    this.signingKey = signingKey;
    this.agreementKey = agreementKey;
    this.warnings = List.copyOf(warnings);
  }

  /** {@link #load(Path, Instant)} as of now. */
  public static MemberIdentity load(Path dir) throws IdentityException {
    return load(dir, Instant.now());
  }

  /** Reads and checks every file of member directory {@code dir}; certificates must be valid at {@code now}. */
  public static MemberIdentity load(Path dir, Instant now) throws IdentityException {
    MemberFileSet.requirePresent(dir, "a member directory", IdentityFiles.TLS_KEY, IdentityFiles.TLS_CERTIFICATE,
        IdentityFiles.CA_CERTIFICATE, IdentityFiles.SIGNING_KEY, IdentityFiles.AGREEMENT_KEY, IdentityFiles.DOCUMENT);
    PublishedMember published = PublishedMember.load(dir, now);

    Path tlsKeyFile = dir.resolve(IdentityFiles.TLS_KEY);
    CertificateChecks.requireKeyMatches(tlsKeyFile, RsaKeyFile.read(tlsKeyFile),
        dir.resolve(IdentityFiles.TLS_CERTIFICATE), published.certificate());

    Path signingKeyFile = dir.resolve(IdentityFiles.SIGNING_KEY);
    Ed25519PrivateKey signingKey = SigningKeyFile.read(signingKeyFile);
    if (!signingKey.publicKey().equals(published.document().signingKey())) {
      throw new IdentityException(signingKeyFile, "holds the key of " + Did.of(signingKey.publicKey()) + ", but "
          + IdentityFiles.DOCUMENT + " and " + IdentityFiles.TLS_CERTIFICATE + " are for " + published.did());
    }

    Path agreementKeyFile = dir.resolve(IdentityFiles.AGREEMENT_KEY);
    X25519PrivateKey agreementKey = AgreementKeyFile.read(agreementKeyFile);
    if (!agreementKey.publicKey().equals(published.document().agreementKey())) {
      throw new IdentityException(agreementKeyFile, "holds another agreement key than the one "
          + IdentityFiles.DOCUMENT + " of " + published.did() + " publishes");
    }

    List<String> warnings = new ArrayList<>();
    for (Path secret : List.of(tlsKeyFile, signingKeyFile, agreementKeyFile)) {
      warning(secret).ifPresent(warnings::add);
    }
    return new MemberIdentity(published, signingKey, agreementKey, warnings);
  }

  public PublishedMember published() {
    return published;
  }

  public ConsortiumName consortium() {
    return published.consortium();
  }

  public MemberName name() {
    return published.name();
  }

  public Did did() {
    return published.did();
  }

  public MemberDocument document() {
    return published.document();
  }

  public X509Certificate certificate() {
    return published.certificate();
  }

  public X509Certificate caCertificate() {
    return published.caCertificate();
  }

  /** The Ed25519 key that signs this member's ledger entries. */
  /** The X25519 key this member agrees pairwise secrets with. */
  public X25519PrivateKey agreementKey() {
    return agreementKey;
  }

  public Ed25519PrivateKey signingKey() {
    return signingKey;
  }

  public Path directory() {
    return published.directory();
  }

  public Path tlsKeyFile() {
    return directory().resolve(IdentityFiles.TLS_KEY);
  }

  public Path tlsCertificateFile() {
    return directory().resolve(IdentityFiles.TLS_CERTIFICATE);
  }

  public Path caCertificateFile() {
    return directory().resolve(IdentityFiles.CA_CERTIFICATE);
  }

  /** Problems that do not stop the member from working, such as a secret file others can read. */
  public List<String> warnings() {
    return warnings;
  }

  private static Optional<String> warning(Path secret) throws IdentityException {
    try {
      return SecretFileMode.warning(secret);
    } catch (IOException e) {
      throw new IdentityException(secret, "cannot read its permissions: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "MemberIdentity[" + name() + " of " + consortium() + ", " + did() + ", keys redacted]";
  }
}
