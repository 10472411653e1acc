package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Properties over thousands of random signed inputs, and a cross-check against textbook Paillier. */
public class PaillierHomomorphismTest {
  private static final int TRIALS = 1_000;
  private final PaillierEncrypter encrypter = TestKeys.ENCRYPTER;
  private final PaillierDecrypter decrypter = TestKeys.DECRYPTER;

  @Test
  public void addSubtractScalar_randomSignedValues_matchPlainArithmetic() throws Exception {
    Random random = new Random(20261122L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      BigInteger a = BigInteger.valueOf(random.nextLong());
      BigInteger b = BigInteger.valueOf(random.nextLong());
      BigInteger k = BigInteger.valueOf(random.nextInt());
      BigInteger m = BigInteger.valueOf(random.nextLong() >> 8);
      PaillierCiphertext ea = encrypter.encryptSigned(a);
      PaillierCiphertext eb = encrypter.encryptSigned(b);
      check(failures, "a+b", a.add(b), decrypter.decryptSigned(ea.add(eb)));
      check(failures, "a-b", a.subtract(b), decrypter.decryptSigned(ea.subtract(eb)));
      check(failures, "k*a", k.multiply(a), decrypter.decryptSigned(ea.multiply(k)));
      check(failures, "a+m", a.add(m), decrypter.decryptSigned(ea.addPlaintext(m)));
    }
    assertTrue(failures.toString(), failures.isEmpty());
  }

  @Test
  public void encryptSigned_valuesNearTheBound_roundTrip() throws Exception {
    BigInteger bound = TestKeys.KEY.publicKey().signedBound();
    for (BigInteger m : new BigInteger[] {bound, bound.negate(), BigInteger.ZERO, BigInteger.ONE.negate()}) {
      assertEquals(m, decrypter.decryptSigned(encrypter.encryptSigned(m)));
    }
  }

  @Test
  public void encrypt_samePlaintextTwice_givesDifferentCiphertexts() throws Exception {
    PaillierCiphertext first = encrypter.encryptSigned(42);
    PaillierCiphertext second = encrypter.encryptSigned(42);
    assertNotEquals(first.value(), second.value());
    PaillierCiphertext rerandomized = encrypter.rerandomize(first);
    assertNotEquals(first.value(), rerandomized.value());
    assertEquals(42, decrypter.decryptLong(rerandomized));
  }

  @Test
  public void decrypt_textbookCiphertexts_agreesWithTextbookDecryption() throws Exception {
    // An independent oracle: encryption with a full-length r^n and decryption with λ and μ, as in
    // Paillier (Eurocrypt 1999), checked against the DJN encrypter and the CRT decrypter in both directions.
    PaillierPrivateKey key = TestKeys.KEY;
    BigInteger n = key.publicKey().modulus();
    BigInteger nSquared = n.multiply(n);
    BigInteger p = key.p(SecretAccess.get());
    BigInteger q = key.q(SecretAccess.get());
    BigInteger lambda = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
    BigInteger mu = lambda.modInverse(n);
    Random random = new Random(7L);
    for (int i = 0; i < 20; i++) {
      BigInteger m = new BigInteger(2000, random);
      BigInteger r = new BigInteger(2047, random).add(BigInteger.ONE);
      BigInteger textbook = BigInteger.ONE.add(m.multiply(n)).multiply(r.modPow(n, nSquared)).mod(nSquared);
      assertEquals(m, decrypter.decrypt(PaillierCiphertext.fromValue(textbook, key.publicKey())));

      BigInteger ours = encrypter.encrypt(m).value();
      BigInteger decrypted = ours.modPow(lambda, nSquared).subtract(BigInteger.ONE).divide(n).multiply(mu).mod(n);
      assertEquals(m, decrypted);
    }
  }

  @Test
  public void obfuscators_derivedFromModulus_areTheSameForEveryEncrypter() {
    assertEquals(DjnObfuscators.hs(TestKeys.KEY.publicKey()), DjnObfuscators.hs(TestKeys.KEY.publicKey()));
    assertNotEquals(DjnObfuscators.hs(TestKeys.KEY.publicKey()), DjnObfuscators.hs(TestKeys.OTHER_KEY.publicKey()));
  }

  @Test
  public void obfuscatorsWithoutTable_equalTheTables_forTheSameExponents() throws Exception {
    java.security.SecureRandom first = java.security.SecureRandom.getInstance("SHA1PRNG");
    first.setSeed(42);
    java.security.SecureRandom second = java.security.SecureRandom.getInstance("SHA1PRNG");
    second.setSeed(42);
    DjnObfuscators table = DjnObfuscators.create(TestKeys.KEY.publicKey(), first);
    DjnObfuscators direct = DjnObfuscators.createWithoutTable(TestKeys.KEY.publicKey(), second);
    for (int i = 0; i < 20; i++) {
      assertTrue("obfuscator " + i + " is the same with and without the table", table.next().equals(direct.next()));
    }
    PaillierEncrypter encrypter = PaillierEncrypter.create(direct);
    assertEquals(-77L, decrypter.decryptLong(encrypter.encryptSigned(-77L)));
  }

  @Test
  public void textbookObfuscators_encryptToTheSamePlaintexts_andAreNthResidues() throws Exception {
    TextbookObfuscators textbook = new TextbookObfuscators(TestKeys.KEY.publicKey(), new java.security.SecureRandom());
    PaillierEncrypter encrypter = PaillierEncrypter.create(textbook);
    for (long m : new long[] {0, 1, -1, 123_456_789L}) {
      assertEquals(m, decrypter.decryptLong(encrypter.encryptSigned(m)));
    }
    // An n-th residue mod n² decrypts to 0: the obfuscator hides m and adds nothing to it.
    PaillierCiphertext pure = PaillierCiphertext.fromValue(textbook.next(), TestKeys.KEY.publicKey());
    assertEquals(BigInteger.ZERO, decrypter.decrypt(pure));
  }

  @Test
  public void pool_suppliesValidObfuscators_andFallsBackWhenEmpty() throws Exception {
    try (ObfuscatorPool pool = ObfuscatorPool.start(
        DjnObfuscators.create(TestKeys.KEY.publicKey(), new java.security.SecureRandom()), 8)) {
      PaillierEncrypter pooled = PaillierEncrypter.create(pool);
      for (int i = -50; i < 50; i++) {
        assertEquals(i * 1_000_003L, decrypter.decryptLong(pooled.encryptSigned(i * 1_000_003L)));
      }
      assertTrue(pool.available() <= 8);
    }
  }

  private static void check(List<String> failures, String what, BigInteger expected, BigInteger actual) {
    if (!expected.equals(actual)) {
      failures.add(what + ": expected " + expected + ", got " + actual);
    }
  }
}
