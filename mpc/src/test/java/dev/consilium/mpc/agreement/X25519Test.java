package dev.consilium.mpc.agreement;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.Test;

public class X25519Test {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 7748 §6.1 (Curve25519 Diffie–Hellman example).
  private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  @Test
  public void rfc7748Section6_1_publicKeysAndSharedSecret() throws Exception {
    X25519PrivateKey alice = X25519PrivateKey.fromBytes(HEX.parseHex(ALICE_PRIVATE), SecretAccess.get());
    X25519PrivateKey bob = X25519PrivateKey.fromBytes(HEX.parseHex(BOB_PRIVATE), SecretAccess.get());
    assertEquals(ALICE_PUBLIC, alice.publicKey().toHex());
    assertEquals(BOB_PUBLIC, bob.publicKey().toHex());
    assertEquals(SHARED, HEX.formatHex(
        alice.agree(X25519PublicKey.fromBytes(HEX.parseHex(BOB_PUBLIC))).toByteArray(SecretAccess.get())));
    assertEquals(SHARED, HEX.formatHex(
        bob.agree(X25519PublicKey.fromBytes(HEX.parseHex(ALICE_PUBLIC))).toByteArray(SecretAccess.get())));
  }

  @Test
  public void agree_generatedKeys_symmetric() throws Exception {
    SecureRandom random = DeterministicRandom.secureRandom(7);
    for (int i = 0; i < 20; i++) {
      X25519PrivateKey a = X25519PrivateKey.generate(random);
      X25519PrivateKey b = X25519PrivateKey.generate(random);
      assertTrue(a.agree(b.publicKey()).equalsSecretBytes(b.agree(a.publicKey())));
    }
  }

  @Test
  public void agree_lowOrderPoint_throws() throws Exception {
    X25519PrivateKey a = X25519PrivateKey.generate(new SecureRandom());
    // u = 0 and u = 1 are points of small order: every scalar multiple gives u = 0.
    byte[] one = new byte[32];
    one[0] = 1;
    for (byte[] u : new byte[][] {new byte[32], one}) {
      X25519PublicKey lowOrder = X25519PublicKey.fromBytes(u);
      InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> a.agree(lowOrder));
      assertTrue(e.getMessage(), e.getMessage().contains("low-order"));
    }
  }

  @Test
  public void fromBytes_wrongLength_throws() {
    assertThrows(InvalidKeyException.class, () -> X25519PublicKey.fromBytes(new byte[31]));
    assertThrows(InvalidKeyException.class, () -> X25519PrivateKey.fromBytes(new byte[33], SecretAccess.get()));
  }

  @Test
  public void privateKey_roundTripsThroughScalar() throws Exception {
    X25519PrivateKey a = X25519PrivateKey.generate(new SecureRandom());
    X25519PrivateKey reloaded =
        X25519PrivateKey.fromBytes(a.scalar().toByteArray(SecretAccess.get()), SecretAccess.get());
    assertEquals(a.publicKey(), reloaded.publicKey());
    assertArrayEquals(a.publicKey().toBytes(), X25519PublicKey.fromBytes(a.publicKey().toBytes()).toBytes());
  }

  @Test
  public void toString_privateKey_hasNoScalar() throws Exception {
    X25519PrivateKey alice = X25519PrivateKey.fromBytes(HEX.parseHex(ALICE_PRIVATE), SecretAccess.get());
    assertFalse(alice.toString().contains(ALICE_PRIVATE.substring(0, 16)));
    assertNotEquals(-1, alice.toString().indexOf("8520f009"));
  }
}
