package dev.consilium.mpc.signature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.security.SecureRandom;
import org.junit.Test;

/** Verifiers are equal exactly when their keys are: callers may reuse a verdict between equal verifiers. */
public class Ed25519VerifyEqualityTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);

  @Test
  public void equals_sameKeyBytes_equalWithEqualHashCodes() throws Exception {
    Ed25519Verify one = Ed25519Verify.create(key.publicKey());
    Ed25519Verify other = Ed25519Verify.create(Ed25519PublicKey.fromBytes(key.publicKey().toByteArray()));
    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
  }

  @Test
  public void equals_otherKey_notEqual() {
    Ed25519Verify one = Ed25519Verify.create(key.publicKey());
    Ed25519Verify other = Ed25519Verify.create(Ed25519PrivateKey.generate(RANDOM).publicKey());
    assertNotEquals(one, other);
  }
}
