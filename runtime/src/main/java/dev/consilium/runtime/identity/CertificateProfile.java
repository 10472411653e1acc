package dev.consilium.runtime.identity;

import dev.consilium.ledger.identity.Did;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What the consortium's certificates look like.
 *
 * <p><b>Root</b>: subject {@code CN=<consortium> root CA, O=<consortium>}, self-signed, CA with path length 0
 * (Artery's rotating-keys provider accepts only certificates issued directly by the root, so there is no
 * intermediate to allow), key usage certificate and CRL signing.
 *
 * <p><b>Member</b>: subject {@code CN=<member>, O=<consortium>}, issued by the root; SAN DNS
 * {@code members.<consortium>.consilium} (the name all members share, see
 * {@link ConsortiumName#memberSubjectName()}), SAN URI = the member's DID, and its host as SAN IP or DNS;
 * not a CA; key usage digital signature and key encipherment, extended key usage TLS server and client,
 * since each member is both ends of Artery connections.
 *
 * <p>Keys are RSA-3072 (128-bit security, NIST SP 800-57), signatures SHA256withRSA. Roots are valid ten
 * years, members one year and never beyond their root; both start an hour early, so a member whose clock
 * lags a little still accepts a fresh certificate.
 */
final class CertificateProfile {
  static final String KEY_ALGORITHM = "RSA";
  static final int RSA_KEY_BITS = 3072;
  static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
  static final Duration MEMBER_VALIDITY = Duration.ofDays(365);
  static final Duration CLOCK_SKEW = Duration.ofHours(1);
  static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
  /** 127 random bits: RFC 5280 §4.1.2.2 allows 20 octets, CA/Browser guidelines ask for at least 64 bits. */
  private static final int SERIAL_BITS = 127;

  private CertificateProfile() {}

  static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
      generator.initialize(new RSAKeyGenParameterSpec(RSA_KEY_BITS, RSAKeyGenParameterSpec.F4), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate RSA-" + RSA_KEY_BITS + " keys", e);
    }
  }

  static X500Name rootSubject(ConsortiumName consortium) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, consortium.value())
        .addRDN(BCStyle.CN, consortium.value() + " root CA").build();
  }

  static X500Name memberSubject(ConsortiumName consortium, MemberName member) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, consortium.value())
        .addRDN(BCStyle.CN, member.value()).build();
  }

  static X509Certificate rootCertificate(ConsortiumName consortium, KeyPair keys, Instant now,
      SecureRandom random) {
    X500Name subject = rootSubject(consortium);
    Instant notAfter = now.plus(ROOT_VALIDITY);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build the root certificate of " + consortium, e);
    }
  }

  static X509Certificate memberCertificate(ConsortiumName consortium, MemberName member, Did did,
      MemberEndpoint endpoint, PublicKey memberKey, X509Certificate root, PrivateKey rootKey, Instant now,
      SecureRandom random) {
    Instant notAfter = now.plus(MEMBER_VALIDITY);
    Instant rootNotAfter = root.getNotAfter().toInstant();
    if (notAfter.isAfter(rootNotAfter)) {
      notAfter = rootNotAfter;
    }
    GeneralNames alternativeNames = new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, consortium.memberSubjectName()),
        new GeneralName(GeneralName.uniformResourceIdentifier, did.value()),
        new GeneralName(endpoint.isIpAddress() ? GeneralName.iPAddress : GeneralName.dNSName, endpoint.host())});
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(random),
          Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), memberSubject(consortium, member), memberKey)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.subjectAlternativeName, false, alternativeNames)
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(memberKey))
          .addExtension(Extension.authorityKeyIdentifier, false,
              extensions.createAuthorityKeyIdentifier(root.getPublicKey()));
      return sign(builder, rootKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build the certificate of member " + member, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
      throws GeneralSecurityException {
    ContentSigner signer;
    try {
      signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("no " + SIGNATURE_ALGORITHM + " signer: " + e.getMessage(), e);
    }
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1);
  }
}
