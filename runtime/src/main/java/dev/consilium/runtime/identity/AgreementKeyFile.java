package dev.consilium.runtime.identity;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.io.IOException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/**
 * {@code agreement.key}: a member's X25519 key-agreement key in the form RFC 8410 §7 gives (id-X25519,
 * 1.3.101.110; the private key is the 32-byte scalar), what {@code openssl genpkey -algorithm x25519} writes.
 * Banks agree their pairwise mask secrets with it (DESIGN §6).
 */
final class AgreementKeyFile {
  private AgreementKeyFile() {}

  static void write(Path file, X25519PrivateKey key) throws IOException {
    RawPrivateKeyFile.write(file, EdECObjectIdentifiers.id_X25519, key.scalar().toByteArray(SecretAccess.get()));
  }

  static X25519PrivateKey read(Path file) throws IdentityException {
    byte[] scalar = RawPrivateKeyFile.read(file, EdECObjectIdentifiers.id_X25519, "X25519",
        X25519PrivateKey.LENGTH_BYTES);
    try {
      return X25519PrivateKey.fromBytes(scalar, SecretAccess.get());
    } catch (InvalidKeyException e) {
      throw new IdentityException(file, "holds an X25519 key that is not usable: " + e.getMessage());
    } finally {
      SecretBytes.wipe(scalar);
    }
  }
}
