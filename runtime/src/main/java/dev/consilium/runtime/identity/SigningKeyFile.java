package dev.consilium.runtime.identity;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.file.Path;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/**
 * {@code signing.key}: a member's Ed25519 signing key in the form RFC 8410 §7 gives (id-Ed25519,
 * 1.3.101.112; the private key is the 32-byte RFC 8032 seed), so {@code openssl pkey -in signing.key -pubout}
 * shows the public key.
 */
final class SigningKeyFile {
  private SigningKeyFile() {}

  static void write(Path file, Ed25519PrivateKey key) throws IOException {
    RawPrivateKeyFile.write(file, EdECObjectIdentifiers.id_Ed25519, key.seed().toByteArray(SecretAccess.get()));
  }

  static Ed25519PrivateKey read(Path file) throws IdentityException {
    byte[] seed = RawPrivateKeyFile.read(file, EdECObjectIdentifiers.id_Ed25519, "Ed25519",
        Ed25519PrivateKey.SEED_LENGTH_BYTES);
    try {
      return Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(seed, SecretAccess.get()));
    } finally {
      SecretBytes.wipe(seed);
    }
  }
}
