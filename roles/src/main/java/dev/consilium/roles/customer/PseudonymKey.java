package dev.consilium.roles.customer;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The consortium's key for customer pseudonyms (DESIGN §6 step 2): pseudonym = HMAC-SHA256(key, domain ‖
 * customer id). The institutions share it, so each bank finds its own customer behind an inquiry's
 * pseudonym; the ledger, the regulator's reports and everyone else see only the 32-byte pseudonym. The
 * key leaves only through {@link #secret(SecretAccess)}.
 */
public final class PseudonymKey {
  public static final int LENGTH_BYTES = 32;
  public static final int PSEUDONYM_BYTES = 32;
  private static final byte[] DOMAIN = "consilium/customer-pseudonym/v1\0".getBytes(StandardCharsets.US_ASCII);

  private final SecretBytes key;

  private PseudonymKey(SecretBytes key) {
    this.key = key;
  }

  public static PseudonymKey generate(SecureRandom random) {
    return new PseudonymKey(SecretBytes.random(LENGTH_BYTES, random));
  }

  public static PseudonymKey fromBytes(byte[] key, SecretAccess access) {
    if (key.length != LENGTH_BYTES) {
      throw new IllegalArgumentException("a pseudonym key is " + LENGTH_BYTES + " bytes, got " + key.length);
    }
    return new PseudonymKey(SecretBytes.copyFrom(key, access));
  }

  /** The key's bytes, to store it; greppable on purpose. */
  public byte[] secret(SecretAccess access) {
    return key.toByteArray(access);
  }

  /** The pseudonym of {@code customerId}: the same for every holder of this key, unlinkable without it. */
  public byte[] pseudonym(String customerId) {
    byte[] raw = key.toByteArray(SecretAccess.get());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      mac.update(DOMAIN);
      return mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java 17 runtime", e);
    } finally {
      SecretBytes.wipe(raw);
    }
  }

  @Override
  public String toString() {
    return "PseudonymKey[" + LENGTH_BYTES + " secret bytes]";
  }
}
