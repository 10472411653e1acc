package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.junit.Test;

public class PaillierKeyTest {
  private final PaillierPrivateKey key = TestKeys.KEY;

  @Test
  public void generate_2048_modulusHasExactLengthAndEqualPrimes() {
    BigInteger p = key.p(SecretAccess.get());
    BigInteger q = key.q(SecretAccess.get());
    assertEquals(2048, key.publicKey().modulus().bitLength());
    assertEquals(1024, p.bitLength());
    assertEquals(1024, q.bitLength());
    assertEquals(key.publicKey().modulus(), p.multiply(q));
    assertNotEquals(p, q);
  }

  @Test
  public void generate_3072_roundTrips() throws Exception {
    PaillierPrivateKey big = PaillierKeyGenerator.generate(PaillierParameters.MODULUS_3072, new SecureRandom());
    assertEquals(3072, big.publicKey().modulus().bitLength());
    PaillierEncrypter encrypter = PaillierEncrypter.create(big.publicKey());
    PaillierDecrypter decrypter = PaillierDecrypter.create(big);
    assertEquals(-123_456_789L, decrypter.decryptLong(encrypter.encryptSigned(-123_456_789L)));
  }

  @Test
  public void publicKey_serialization_roundTripsWithFixedLength() throws Exception {
    byte[] bytes = key.publicKey().toBytes();
    assertEquals(3 + 256, bytes.length);
    PaillierPublicKey back = PaillierPublicKey.fromBytes(bytes);
    assertEquals(key.publicKey(), back);
    assertEquals(key.publicKey().fingerprintHex(), back.fingerprintHex());
  }

  @Test
  public void publicKey_truncated_throws() {
    byte[] bytes = key.publicKey().toBytes();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> PaillierPublicKey.fromBytes(truncated));
    assertTrue(e.getMessage(), e.getMessage().contains("must be 259 bytes, got 258"));
    InvalidKeyException header = assertThrows(InvalidKeyException.class,
        () -> PaillierPublicKey.fromBytes(new byte[] {1, 8}));
    assertTrue(header.getMessage(), header.getMessage().contains("truncated"));
  }

  @Test
  public void publicKey_wrongVersion_throws() {
    byte[] bytes = key.publicKey().toBytes();
    bytes[0] = 2;
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> PaillierPublicKey.fromBytes(bytes));
    assertTrue(e.getMessage(), e.getMessage().contains("version 2"));
  }

  @Test
  public void publicKey_unsupportedSize_throws() {
    byte[] bytes = key.publicKey().toBytes();
    bytes[1] = 0x04; // 1024 bits
    bytes[2] = 0x00;
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> PaillierPublicKey.fromBytes(bytes));
    assertTrue(e.getMessage(), e.getMessage().contains("1024 bits is not supported"));
  }

  @Test
  public void publicKey_evenOrShortModulus_throws() {
    byte[] even = key.publicKey().toBytes();
    even[even.length - 1] &= (byte) 0xfe;
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> PaillierPublicKey.fromBytes(even));
    assertTrue(e.getMessage(), e.getMessage().contains("even"));

    byte[] shortModulus = key.publicKey().toBytes();
    shortModulus[3] = 0;
    InvalidKeyException s = assertThrows(InvalidKeyException.class, () -> PaillierPublicKey.fromBytes(shortModulus));
    assertTrue(s.getMessage(), s.getMessage().contains("expected exactly 2048"));
  }

  @Test
  public void fromPrimes_unequalLengths_throws() {
    BigInteger p = key.p(SecretAccess.get());
    BigInteger small = BigInteger.probablePrime(1000, new SecureRandom());
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> PaillierPrivateKey.fromPrimes(PaillierParameters.DEFAULT, p, small, SecretAccess.get()));
    assertTrue(e.getMessage(), e.getMessage().contains("1024 and 1000"));
  }

  @Test
  public void fromPrimes_compositeFactor_throws() {
    BigInteger p = key.p(SecretAccess.get());
    BigInteger composite = key.q(SecretAccess.get()).add(BigInteger.TWO).setBit(1023);
    while (composite.isProbablePrime(50)) {
      composite = composite.add(BigInteger.TWO);
    }
    BigInteger c = composite;
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> PaillierPrivateKey.fromPrimes(PaillierParameters.DEFAULT, p, c, SecretAccess.get()));
    assertTrue(e.getMessage(), e.getMessage().contains("not prime"));
  }

  @Test
  public void toString_privateKey_revealsNoFactor() {
    String text = key.toString() + TestKeys.DECRYPTER + TestKeys.ENCRYPTER;
    for (BigInteger secret : new BigInteger[] {key.p(SecretAccess.get()), key.q(SecretAccess.get())}) {
      assertFalse(text.contains(secret.toString()));
      assertFalse(text.contains(secret.toString(16)));
      assertFalse(text.contains(secret.toString(16).substring(0, 16)));
    }
    assertTrue(text, text.contains(key.publicKey().fingerprintHex()));
  }
}
