package dev.consilium.runtime.identity;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * {@code signing.key}: a member's Ed25519 signing key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}), in the
 * form RFC 8410 §7 gives: algorithm id-Ed25519 (1.3.101.112), private key = the 32-byte RFC 8032 seed as an
 * OCTET STRING. It is what {@code openssl genpkey -algorithm ed25519} writes, so
 * {@code openssl pkey -in signing.key -pubout} shows the public key. A standard format rather than our own,
 * because keys outlive programs and get moved into HSMs and vaults.
 */
final class SigningKeyFile {
  private static final int MAX_FILE_BYTES = 4096;

  private SigningKeyFile() {}

  static void write(Path file, Ed25519PrivateKey key) throws IOException {
    byte[] seed = key.seed().toByteArray(SecretAccess.get());
    byte[] der = null;
    byte[] text = null;
    try {
      der = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(seed))
          .getEncoded(ASN1Encoding.DER);
      text = Pem.encode(Pem.PRIVATE_KEY, der);
      NewFiles.writeSecret(file, text);
    } finally {
      // Best effort: BouncyCastle's ASN.1 objects keep copies that only the garbage collector drops.
      SecretBytes.wipe(seed);
      wipe(der);
      wipe(text);
    }
  }

  static Ed25519PrivateKey read(Path file) throws IdentityException {
    byte[] text = IdentityFileReader.read(file, MAX_FILE_BYTES);
    byte[] der = null;
    byte[] seed = null;
    try {
      try {
        der = Pem.decode(text, Pem.PRIVATE_KEY);
      } catch (IllegalArgumentException e) {
        throw new IdentityException(file, e.getMessage() + "; expected an Ed25519 key in PKCS#8 PEM");
      }
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
      if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
        throw new IdentityException(file, "holds a " + info.getPrivateKeyAlgorithm().getAlgorithm()
            + " key, not an Ed25519 key (1.3.101.112)");
      }
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
      if (seed.length != Ed25519PrivateKey.SEED_LENGTH_BYTES) {
        throw new IdentityException(file, "holds an Ed25519 key of " + seed.length + " bytes, must be "
            + Ed25519PrivateKey.SEED_LENGTH_BYTES);
      }
      return Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(seed, SecretAccess.get()));
    } catch (IllegalArgumentException | IOException e) {
      // The parser's own message is left out: it is about a secret's bytes.
      throw new IdentityException(file, "its PEM block is not a well-formed PKCS#8 private key");
    } finally {
      wipe(text);
      wipe(der);
      wipe(seed);
    }
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
