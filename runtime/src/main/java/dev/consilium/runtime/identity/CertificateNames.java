package dev.consilium.runtime.identity;

import dev.consilium.mpc.hash.Sha256;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Reads back the names {@link CertificateProfile} puts into certificates, and a certificate's fingerprint. */
final class CertificateNames {
  /** The type numbers of {@link X509Certificate#getSubjectAlternativeNames()} (RFC 5280 GeneralName tags). */
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;

  private CertificateNames() {}

  static Optional<String> commonName(X509Certificate certificate) {
    return subjectAttribute(certificate, BCStyle.CN);
  }

  static Optional<String> organisation(X509Certificate certificate) {
    return subjectAttribute(certificate, BCStyle.O);
  }

  static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
    return alternativeNames(certificate, SAN_DNS);
  }

  static List<String> uris(X509Certificate certificate) throws CertificateParsingException {
    return alternativeNames(certificate, SAN_URI);
  }

  /** SHA-256 of the certificate's DER, 64 lowercase hex digits: what a DID document names. */
  static String fingerprint(X509Certificate certificate) {
    try {
      return Sha256.digest(certificate.getEncoded()).toHex();
    } catch (CertificateEncodingException e) {
      // A certificate the JDK parsed can always be encoded again.
      throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  private static Optional<String> subjectAttribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] rdns = subject.getRDNs(type);
    if (rdns.length != 1 || rdns[0].isMultiValued()) {
      return Optional.empty();
    }
    return rdns[0].getFirst().getValue() instanceof ASN1String text ? Optional.of(text.getString()) : Optional.empty();
  }

  private static List<String> alternativeNames(X509Certificate certificate, int type)
      throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    List<String> found = new ArrayList<>();
    if (names == null) {
      return found;
    }
    for (List<?> name : names) {
      if (((Integer) name.get(0)) == type && name.get(1) instanceof String value) {
        found.add(value);
      }
    }
    return found;
  }
}
