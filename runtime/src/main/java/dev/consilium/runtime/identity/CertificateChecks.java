package dev.consilium.runtime.identity;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

/**
 * The checks a certificate must pass before a node hands it to Artery, each failing with a message that
 * names the file. Doing them here turns a TLS handshake that fails later, with a JSSE message naming no
 * file, into a clear refusal at start-up.
 */
final class CertificateChecks {
  private CertificateChecks() {}

  /** {@code root} is a self-signed CA certificate with an RSA key, valid at {@code now}; returns its consortium. */
  static ConsortiumName requireRoot(Path file, X509Certificate root, Instant now) throws IdentityException {
    if (!root.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
      throw new IdentityException(file, "is not a root certificate: it was issued by "
          + root.getIssuerX500Principal() + ", not by its subject " + root.getSubjectX500Principal());
    }
    requireSignedBy(file, root, root.getPublicKey(), "its own key (a root signs itself)");
    if (root.getBasicConstraints() < 0) {
      throw new IdentityException(file, "is not a CA certificate (no CA basic constraint)");
    }
    requireRsa(file, root.getPublicKey());
    requireValidAt(file, root, now);
    String organisation = CertificateNames.organisation(root).orElseThrow(() -> new IdentityException(file,
        "names no consortium: its subject " + root.getSubjectX500Principal() + " has no single O attribute"));
    try {
      return ConsortiumName.of(organisation);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(file, "names no valid consortium: " + e.getMessage());
    }
  }

  /** {@code certificate} was issued and signed by {@code root} (read from {@code rootFile}), valid at {@code now}. */
  static void requireIssuedBy(Path file, X509Certificate certificate, Path rootFile, X509Certificate root,
      Instant now) throws IdentityException {
    if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
      throw new IdentityException(file, "was not issued by the CA in " + rootFile + ": its issuer is "
          + certificate.getIssuerX500Principal() + ", the CA is " + root.getSubjectX500Principal());
    }
    requireSignedBy(file, certificate, root.getPublicKey(), "the key of the CA in " + rootFile);
    if (certificate.getBasicConstraints() >= 0) {
      throw new IdentityException(file, "is a CA certificate; a member needs an end-entity certificate");
    }
    requireRsa(file, certificate.getPublicKey());
    requireValidAt(file, certificate, now);
  }

  /** The private key in {@code keyFile} is the one whose public half {@code certificate} certifies. */
  static void requireKeyMatches(Path keyFile, RSAPrivateCrtKey key, Path certificateFile,
      X509Certificate certificate) throws IdentityException {
    PublicKey certified = certificate.getPublicKey();
    if (!(certified instanceof RSAPublicKey rsa) || !rsa.getModulus().equals(key.getModulus())
        || !rsa.getPublicExponent().equals(key.getPublicExponent())) {
      throw new IdentityException(keyFile, "does not belong to " + certificateFile
          + ": the certificate certifies another public key");
    }
  }

  private static void requireSignedBy(Path file, X509Certificate certificate, PublicKey key, String whose)
      throws IdentityException {
    try {
      certificate.verify(key);
    } catch (GeneralSecurityException e) {
      throw new IdentityException(file, "its signature does not verify with " + whose + " (" + e.getMessage() + ")");
    }
  }

  private static void requireRsa(Path file, PublicKey key) throws IdentityException {
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new IdentityException(file, "certifies a " + key.getAlgorithm()
          + " key; Artery's rotating-keys TLS provider needs RSA");
    }
    if (rsa.getModulus().bitLength() < RsaKeyFile.MIN_KEY_BITS) {
      throw new IdentityException(file, "certifies an RSA key of " + rsa.getModulus().bitLength()
          + " bits; at least " + RsaKeyFile.MIN_KEY_BITS + " are needed");
    }
  }

  private static void requireValidAt(Path file, X509Certificate certificate, Instant now)
      throws IdentityException {
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      throw new IdentityException(file, "expired at " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      throw new IdentityException(file, "is not valid before " + certificate.getNotBefore().toInstant());
    }
  }
}
