package dev.consilium.runtime.identity;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A member just issued by the {@link ConsortiumCa}, before it is written to its directory: its TLS key and
 * certificate, the CA certificate, its Ed25519 signing key, its X25519 agreement key and its DID document.
 * Immutable; the private keys leave only into their files (mode 600) through {@link #writeTo}.
 */
public final class IssuedMember {
  private final ConsortiumName consortium;
  private final MemberName name;
  private final PrivateKey tlsKey;
  private final X509Certificate certificate;
  private final X509Certificate caCertificate;
  private final Ed25519PrivateKey signingKey;
  private final X25519PrivateKey agreementKey;
  private final MemberDocument document;

  IssuedMember(ConsortiumName consortium, MemberName name, PrivateKey tlsKey, X509Certificate certificate,
      X509Certificate caCertificate, Ed25519PrivateKey signingKey, X25519PrivateKey agreementKey,
      MemberDocument document) {
    this.consortium = consortium;
    this.name = name;
    this.tlsKey = tlsKey;
    this.certificate = certificate;
    this.caCertificate = caCertificate;
    this.signingKey = signingKey;
    this.agreementKey = agreementKey;
    this.document = document;
  }

  /**
   * Writes the member's files (see {@link IdentityFiles}) into {@code dir}, creating it. Refuses, before
   * writing anything, if any of them exists already.
   */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    NewFiles.requireAbsent(dir, IdentityFiles.TLS_KEY, IdentityFiles.TLS_CERTIFICATE, IdentityFiles.CA_CERTIFICATE,
        IdentityFiles.SIGNING_KEY, IdentityFiles.AGREEMENT_KEY, IdentityFiles.DOCUMENT, IdentityFiles.SUMMARY);
    RsaKeyFile.write(dir.resolve(IdentityFiles.TLS_KEY), tlsKey);
    SigningKeyFile.write(dir.resolve(IdentityFiles.SIGNING_KEY), signingKey);
    AgreementKeyFile.write(dir.resolve(IdentityFiles.AGREEMENT_KEY), agreementKey);
    CertificateFile.write(dir.resolve(IdentityFiles.TLS_CERTIFICATE), certificate);
    CertificateFile.write(dir.resolve(IdentityFiles.CA_CERTIFICATE), caCertificate);
    NewFiles.writePublic(dir.resolve(IdentityFiles.DOCUMENT), document.toCanonicalBytes());
    NewFiles.writePublic(dir.resolve(IdentityFiles.SUMMARY),
        MemberSummary.text(consortium, name, document, certificate, caCertificate).getBytes(StandardCharsets.UTF_8));
  }

  public ConsortiumName consortium() {
    return consortium;
  }

  public MemberName name() {
    return name;
  }

  public Did did() {
    return document.did();
  }

  public MemberDocument document() {
    return document;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public String toString() {
    return "IssuedMember[" + name + " of " + consortium + ", " + document.did() + ", keys redacted]";
  }
}
