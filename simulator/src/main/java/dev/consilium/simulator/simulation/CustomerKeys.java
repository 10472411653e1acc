package dev.consilium.simulator.simulation;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated customers' signing keys, derived from the run's seed so that the banks (which file each
 * customer's public key) and the applicants (who sign consents in the asking bank's process) agree without
 * passing keys around: seed = HMAC-SHA256(run seed, customer id). Simulation only: real customers hold their
 * own keys.
 */
final class CustomerKeys {
  private final byte[] runSeed;

  CustomerKeys(long seed) {
    this.runSeed = ("consilium/simulation/customer-key/v1/" + seed).getBytes(StandardCharsets.UTF_8);
  }

  Ed25519PrivateKey of(String customerId) {
    byte[] derived;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(runSeed, "HmacSHA256"));
      derived = mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java 17 runtime", e);
    }
    try {
      return Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(derived, SecretAccess.get()));
    } finally {
      SecretBytes.wipe(derived);
    }
  }
}
