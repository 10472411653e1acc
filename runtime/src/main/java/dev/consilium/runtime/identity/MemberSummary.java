package dev.consilium.runtime.identity;

import dev.consilium.ledger.membership.MemberDocument;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * {@code member.txt}: what a member's directory holds, for the people who pass the public files around. It
 * repeats {@code member.doc}, which is what programs read; nothing in it is secret.
 */
public final class MemberSummary {
  private MemberSummary() {}

  public static String text(ConsortiumName consortium, MemberName name, MemberDocument document,
      X509Certificate certificate, X509Certificate caCertificate) {
    return "Consilium member " + name + " of consortium " + consortium + "\n"
        + line("did", document.did().value())
        + line("roles", String.join(", ", document.roles()))
        + line("endpoints", String.join(", ", document.endpoints()))
        + line("signing key", "Ed25519 " + HexFormat.of().formatHex(document.signingKey().toByteArray()))
        + line("agreement key", "X25519 " + document.agreementKey().toHex())
        + line("certificate", certificate.getSubjectX500Principal().getName() + ", serial "
            + certificate.getSerialNumber().toString(16))
        + line("valid", certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant())
        + line("fingerprint", "SHA-256 " + document.certificateFingerprint())
        + line("shared name", consortium.memberSubjectName())
        + line("issued by", caCertificate.getSubjectX500Principal().getName() + ", SHA-256 "
            + CertificateNames.fingerprint(caCertificate))
        + "\n"
        + "Public, to hand to the other members: " + IdentityFiles.TLS_CERTIFICATE + ", "
        + IdentityFiles.CA_CERTIFICATE + ", " + IdentityFiles.DOCUMENT + ", " + IdentityFiles.SUMMARY + ".\n"
        + "Secret, mode 600, never to leave this member: " + IdentityFiles.TLS_KEY + ", "
        + IdentityFiles.SIGNING_KEY + ", " + IdentityFiles.AGREEMENT_KEY + ".\n";
  }

  private static String line(String label, String value) {
    return String.format("%-13s%s", label, value) + "\n";
  }
}
