package dev.consilium.roles.customer;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.runtime.identity.IdentityException;
import dev.consilium.runtime.identity.SharedSecretFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The consortium's pseudonym key as a file in each institution's member directory ({@link #NAME}), issued
 * once by whoever sets the consortium up and handed to the institutions only: the regulator and everyone
 * else see pseudonyms, never the key that links them to customers.
 */
public final class PseudonymKeyFile {
  public static final String NAME = "pseudonym.key";
  static final String LABEL = "CONSILIUM PSEUDONYM KEY";

  private PseudonymKeyFile() {}

  public static void write(Path memberDir, PseudonymKey key) throws IOException {
    SharedSecretFile.write(memberDir.resolve(NAME), LABEL, key.secret(SecretAccess.get()));
  }

  public static PseudonymKey read(Path memberDir) throws IdentityException {
    byte[] raw = SharedSecretFile.read(memberDir.resolve(NAME), LABEL, PseudonymKey.LENGTH_BYTES);
    try {
      return PseudonymKey.fromBytes(raw, SecretAccess.get());
    } finally {
      SecretBytes.wipe(raw);
    }
  }
}
