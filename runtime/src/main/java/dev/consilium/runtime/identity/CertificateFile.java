package dev.consilium.runtime.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** A file holding one X.509 certificate as PEM: {@code ca.crt}, {@code tls.crt}. */
final class CertificateFile {
  private static final int MAX_FILE_BYTES = 64 * 1024;

  private CertificateFile() {}

  static void write(Path file, X509Certificate certificate) throws IOException {
    try {
      NewFiles.writePublic(file, Pem.encode(Pem.CERTIFICATE, certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  static X509Certificate read(Path file) throws IdentityException {
    byte[] der;
    try {
      der = Pem.decode(IdentityFileReader.read(file, MAX_FILE_BYTES), Pem.CERTIFICATE);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(file, e.getMessage() + "; expected a PEM certificate");
    }
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IdentityException(file, "is not a valid X.509 certificate: " + e.getMessage(), e);
    }
  }
}
