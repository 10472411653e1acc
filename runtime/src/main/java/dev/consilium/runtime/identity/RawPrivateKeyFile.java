package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * A 32-byte private key of an RFC 8410 curve (Ed25519, X25519) as unencrypted PKCS#8 PEM ({@code PRIVATE
 * KEY}): the algorithm's object identifier and the raw key as an OCTET STRING, what {@code openssl genpkey}
 * writes. Standard rather than our own, because keys outlive programs and get moved into HSMs and vaults.
 * The caller's raw key array and every copy made here are wiped on the way out.
 */
final class RawPrivateKeyFile {
  private static final int MAX_FILE_BYTES = 4096;

  private RawPrivateKeyFile() {}

  /** Writes {@code raw} (mode 600, never over an existing file) and wipes it. */
  static void write(Path file, ASN1ObjectIdentifier algorithm, byte[] raw) throws IOException {
    byte[] der = null;
    byte[] text = null;
    try {
      der = new PrivateKeyInfo(new AlgorithmIdentifier(algorithm), new DEROctetString(raw)).getEncoded(ASN1Encoding.DER);
      text = Pem.encode(Pem.PRIVATE_KEY, der);
      NewFiles.writeSecret(file, text);
    } finally {
      // Best effort: BouncyCastle's ASN.1 objects keep copies that only the garbage collector drops.
      wipe(raw);
      wipe(der);
      wipe(text);
    }
  }

  /**
   * The raw key of {@code algorithm} ({@code name} in messages) in {@code file}, {@code length} bytes; the
   * caller wipes it. A file that holds anything else is refused naming the file, never quoting key bytes.
   */
  static byte[] read(Path file, ASN1ObjectIdentifier algorithm, String name, int length) throws IdentityException {
    byte[] text = IdentityFileReader.read(file, MAX_FILE_BYTES);
    byte[] der = null;
    byte[] raw = null;
    try {
      try {
        der = Pem.decode(text, Pem.PRIVATE_KEY);
      } catch (IllegalArgumentException e) {
        throw new IdentityException(file, e.getMessage() + "; expected an " + name + " key in PKCS#8 PEM");
      }
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
      if (!algorithm.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
        throw new IdentityException(file, "holds a " + info.getPrivateKeyAlgorithm().getAlgorithm()
            + " key, not an " + name + " key (" + algorithm + ")");
      }
      raw = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
      if (raw.length != length) {
        throw new IdentityException(file, "holds an " + name + " key of " + raw.length + " bytes, must be " + length);
      }
      byte[] result = raw;
      raw = null; // handed to the caller, who wipes it
      return result;
    } catch (IllegalArgumentException | IOException e) {
      // The parser's own message is left out: it is about a secret's bytes.
      throw new IdentityException(file, "its PEM block is not a well-formed PKCS#8 private key");
    } finally {
      wipe(text);
      wipe(der);
      wipe(raw);
    }
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
