package dev.consilium.runtime.identity;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The public half of a member directory, what a member hands to the others: its DID document
 * ({@code member.doc}), its TLS certificate ({@code tls.crt}) and the CA certificate ({@code ca.crt}),
 * checked against each other. The genesis creator reads founders this way, without their secret files.
 *
 * <p>The checks: {@code ca.crt} is a valid root naming a consortium; {@code tls.crt} was issued by it, names
 * the member (CN), the consortium (O and the shared SAN DNS name) and exactly one DID (SAN URI);
 * {@code member.doc} is that DID's document and names {@code tls.crt}'s fingerprint.
 */
public final class PublishedMember {
  private static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  private final Path directory;
  private final ConsortiumName consortium;
  private final MemberName name;
  private final MemberDocument document;
  private final X509Certificate certificate;
  private final X509Certificate caCertificate;

  private PublishedMember(Path directory, ConsortiumName consortium, MemberName name, MemberDocument document,
      X509Certificate certificate, X509Certificate caCertificate) {
    this.directory = directory;
    this.consortium = consortium;
    this.name = name;
    this.document = document;
    this.certificate = certificate;
    this.caCertificate = caCertificate;
  }

  /** Reads and checks the public files in {@code dir} as of {@code now} (certificate validity). */
  public static PublishedMember load(Path dir, Instant now) throws IdentityException {
    MemberFileSet.requirePresent(dir, "a member directory", IdentityFiles.CA_CERTIFICATE,
        IdentityFiles.TLS_CERTIFICATE, IdentityFiles.DOCUMENT);
    Path caFile = dir.resolve(IdentityFiles.CA_CERTIFICATE);
    Path certificateFile = dir.resolve(IdentityFiles.TLS_CERTIFICATE);
    Path documentFile = dir.resolve(IdentityFiles.DOCUMENT);

    X509Certificate caCertificate = CertificateFile.read(caFile);
    ConsortiumName consortium = CertificateChecks.requireRoot(caFile, caCertificate, now);
    X509Certificate certificate = CertificateFile.read(certificateFile);
    CertificateChecks.requireIssuedBy(certificateFile, certificate, caFile, caCertificate, now);
    MemberName name = memberName(certificateFile, certificate, consortium);
    Did did = certifiedDid(certificateFile, certificate);

    MemberDocument document = readDocument(documentFile);
    if (!document.did().equals(did)) {
      throw new IdentityException(documentFile, "is the document of " + document.did() + ", but "
          + certificateFile.getFileName() + " certifies " + did);
    }
    String fingerprint = CertificateNames.fingerprint(certificate);
    if (!document.certificateFingerprint().equals(fingerprint)) {
      throw new IdentityException(documentFile, "names certificate fingerprint '" + document.certificateFingerprint()
          + "', but " + certificateFile.getFileName() + " has fingerprint " + fingerprint);
    }
    return new PublishedMember(dir, consortium, name, document, certificate, caCertificate);
  }

  public Path directory() {
    return directory;
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

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  private static MemberName memberName(Path file, X509Certificate certificate, ConsortiumName consortium)
      throws IdentityException {
    String organisation = CertificateNames.organisation(certificate).orElse("(none)");
    if (!organisation.equals(consortium.value())) {
      throw new IdentityException(file, "names consortium '" + organisation + "' (O), but its CA is of consortium '"
          + consortium + "'");
    }
    List<String> dnsNames;
    try {
      dnsNames = CertificateNames.dnsNames(certificate);
    } catch (CertificateParsingException e) {
      throw new IdentityException(file, "has unreadable subject alternative names: " + e.getMessage(), e);
    }
    if (!dnsNames.contains(consortium.memberSubjectName())) {
      throw new IdentityException(file, "lacks the SAN DNS name " + consortium.memberSubjectName()
          + " that all members of " + consortium + " share; Artery would refuse its connections");
    }
    String commonName = CertificateNames.commonName(certificate).orElseThrow(() -> new IdentityException(file,
        "names no member: its subject " + certificate.getSubjectX500Principal() + " has no single CN"));
    try {
      return MemberName.of(commonName);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(file, "names no valid member: " + e.getMessage());
    }
  }

  private static Did certifiedDid(Path file, X509Certificate certificate) throws IdentityException {
    List<String> dids;
    try {
      dids = CertificateNames.uris(certificate).stream().filter(uri -> uri.startsWith(Did.PREFIX)).toList();
    } catch (CertificateParsingException e) {
      throw new IdentityException(file, "has unreadable subject alternative names: " + e.getMessage(), e);
    }
    if (dids.size() != 1) {
      throw new IdentityException(file, "must name exactly one DID as a SAN URI, names " + dids.size());
    }
    try {
      return Did.parse(dids.get(0));
    } catch (IllegalArgumentException e) {
      throw new IdentityException(file, "names an invalid DID: " + e.getMessage());
    }
  }

  private static MemberDocument readDocument(Path file) throws IdentityException {
    try {
      return CanonicalReader.decode(IdentityFileReader.read(file, MAX_DOCUMENT_BYTES), MemberDocument::read);
    } catch (CanonicalFormatException e) {
      throw new IdentityException(file, "is not a DID document: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "PublishedMember[" + name + " of " + consortium + ", " + document.did() + "]";
  }
}
