package dev.consilium.mpc.signature;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Properties over many random keys and messages, from fixed seeds so that a failure reproduces. */
public class Ed25519PropertyTest {
  private static final int ITERATIONS = 2_000;

  @Test
  public void signThenVerify_randomKeysAndMessages_verifiesAndRejectsOtherMessages() {
    Random random = new Random(0x5EED_0001L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < ITERATIONS; i++) {
      Ed25519PrivateKey key = randomKey(random);
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      byte[] signature = Ed25519Sign.create(key).sign(message);
      Ed25519Verify verifier = Ed25519Verify.create(key.publicKey());
      try {
        verifier.verify(signature, message);
      } catch (GeneralSecurityException e) {
        failures.add("iteration " + i + ": own signature refused: " + e.getMessage());
      }
      byte[] other = Arrays.copyOf(message, message.length + 1);
      try {
        verifier.verify(signature, other);
        failures.add("iteration " + i + ": signature accepted for a longer message");
      } catch (GeneralSecurityException expected) {
        // the property holds
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  public void privateKeyToString_randomSeeds_neverContainsSeed() {
    Random random = new Random(0x5EED_0002L);
    HexFormat lower = HexFormat.of();
    HexFormat upper = HexFormat.of().withUpperCase();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(seed, SecretAccess.get()));
      String shown = key.toString() + Ed25519Sign.create(key) + key.seed();
      String seedHex = lower.formatHex(seed);
      // Any 4 consecutive seed bytes, in either hex case, would be a leak.
      for (int start = 0; start + 8 <= seedHex.length(); start += 2) {
        String window = seedHex.substring(start, start + 8);
        assertFalse(shown, shown.contains(window) || shown.contains(upper.formatHex(lower.parseHex(window))));
      }
      assertFalse(shown, shown.contains(Base64.getEncoder().encodeToString(seed)));
      assertFalse(shown, shown.contains(Arrays.toString(seed)));
    }
  }

  @Test
  public void sign_sharedSignerAcrossThreads_matchesSequentialSignatures() throws Exception {
    Random random = new Random(0x5EED_0003L);
    Ed25519PrivateKey key = randomKey(random);
    PublicKeySign signer = Ed25519Sign.create(key);
    PublicKeyVerify verifier = Ed25519Verify.create(key.publicKey());
    byte[][] messages = new byte[400][];
    byte[][] expected = new byte[messages.length][];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = new byte[1 + random.nextInt(100)];
      random.nextBytes(messages[i]);
      expected[i] = signer.sign(messages[i]);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (byte[] m : messages) {
        results.add(pool.submit(() -> {
          byte[] s = signer.sign(m);
          verifier.verify(s, m);
          return s;
        }));
      }
      for (int i = 0; i < messages.length; i++) {
        assertArrayEquals("message " + i, expected[i], results.get(i).get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        fail("signing threads did not stop");
      }
    }
  }

  private static Ed25519PrivateKey randomKey(Random random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Ed25519PrivateKey.fromSeed(SecretBytes.copyFrom(seed, SecretAccess.get()));
  }
}
