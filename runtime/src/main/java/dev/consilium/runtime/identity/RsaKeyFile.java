package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * A file holding an RSA private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}): {@code ca.key},
 * {@code tls.key}. Unencrypted because Akka's rotating-keys provider reads {@code tls.key} without a
 * password; the file's mode is the protection.
 */
final class RsaKeyFile {
  static final int MIN_KEY_BITS = 2048;
  private static final int MAX_FILE_BYTES = 16 * 1024;

  private RsaKeyFile() {}

  static void write(Path file, PrivateKey key) throws IOException {
    byte[] der = key.getEncoded();
    byte[] text = Pem.encode(Pem.PRIVATE_KEY, der);
    try {
      NewFiles.writeSecret(file, text);
    } finally {
      Arrays.fill(der, (byte) 0);
      Arrays.fill(text, (byte) 0);
    }
  }

  /** The key, with its CRT parameters, so that its public half can be compared with a certificate's. */
  static RSAPrivateCrtKey read(Path file) throws IdentityException {
    byte[] text = IdentityFileReader.read(file, MAX_FILE_BYTES);
    byte[] der = null;
    try {
      try {
        der = Pem.decode(text, Pem.PRIVATE_KEY);
      } catch (IllegalArgumentException e) {
        throw new IdentityException(file, e.getMessage() + "; expected an RSA key in PKCS#8 PEM");
      }
      PrivateKey key;
      try {
        key = KeyFactory.getInstance(CertificateProfile.KEY_ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // The provider's message is left out: it is about a secret's bytes.
        throw new IdentityException(file, "its PEM block is not a PKCS#8 RSA private key");
      }
      if (!(key instanceof RSAPrivateCrtKey crtKey)) {
        throw new IdentityException(file, "holds an RSA key without its public exponent and CRT parameters");
      }
      if (crtKey.getModulus().bitLength() < MIN_KEY_BITS) {
        throw new IdentityException(file, "holds an RSA key of " + crtKey.getModulus().bitLength()
            + " bits; at least " + MIN_KEY_BITS + " are needed");
      }
      return crtKey;
    } finally {
      Arrays.fill(text, (byte) 0);
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }
}
