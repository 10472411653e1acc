package dev.consilium.runtime.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** signing.key is RFC 8410 PKCS#8, byte for byte what OpenSSL writes. */
public class SigningKeyFileTest {
  /** RFC 8410 §10.3, the example Ed25519 private key. */
  private static final String RFC8410_KEY = "-----BEGIN PRIVATE KEY-----\n"
      + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
      + "-----END PRIVATE KEY-----\n";
  /** Its seed, the OCTET STRING inside; and its public key, as RFC 8410 §10.1's example public key gives it. */
  private static final String RFC8410_SEED = "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
  private static final String RFC8410_PUBLIC = "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void read_rfc8410Example_givesItsPublicKey() throws Exception {
    Path file = folder.getRoot().toPath().resolve("signing.key");
    Files.writeString(file, RFC8410_KEY);
    Ed25519PrivateKey key = SigningKeyFile.read(file);
    assertEquals(RFC8410_PUBLIC, HexFormat.of().formatHex(key.publicKey().toByteArray()));
  }

  @Test
  public void write_rfc8410Seed_writesTheRfcText() throws Exception {
    Path file = folder.getRoot().toPath().resolve("signing.key");
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(
        SecretBytes.copyFrom(HexFormat.of().parseHex(RFC8410_SEED), SecretAccess.get()));
    SigningKeyFile.write(file, key);
    assertEquals(RFC8410_KEY, Files.readString(file));
  }

  @Test
  public void read_rsaKey_namesTheAlgorithmItFound() throws Exception {
    Path dir = folder.newFolder().toPath();
    TestIdentities.newCa("demo", dir);
    IdentityException e = assertThrows(IdentityException.class, () -> SigningKeyFile.read(dir.resolve("ca.key")));
    assertEquals(dir.resolve("ca.key") + ": holds a 1.2.840.113549.1.1.1 key, not an Ed25519 key (1.3.101.112)",
        e.getMessage());
  }
}
