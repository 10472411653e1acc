package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.Test;

/** Ciphertexts from outside: serialization and every check made before one is used. */
public class PaillierCiphertextTest {
  private final PaillierPublicKey key = TestKeys.KEY.publicKey();
  private final PaillierPublicKey otherKey = TestKeys.OTHER_KEY.publicKey();

  @Test
  public void serialization_roundTripsWithFixedLength() throws Exception {
    PaillierCiphertext c = TestKeys.ENCRYPTER.encryptSigned(-77);
    byte[] bytes = c.toBytes();
    assertEquals(1 + 8 + 512, bytes.length);
    PaillierCiphertext back = PaillierCiphertext.fromBytes(bytes, key);
    assertEquals(c, back);
    assertEquals(-77, TestKeys.DECRYPTER.decryptLong(back));
  }

  @Test
  public void fromBytes_wrongLength_throws() {
    byte[] bytes = Arrays.copyOf(TestKeys.ENCRYPTER.encryptSigned(1).toBytes(), 520);
    InvalidCiphertextException e = assertThrows(InvalidCiphertextException.class,
        () -> PaillierCiphertext.fromBytes(bytes, key));
    assertTrue(e.getMessage(), e.getMessage().contains("must be 521 bytes, got 520"));
  }

  @Test
  public void fromBytes_wrongVersion_throws() {
    byte[] bytes = TestKeys.ENCRYPTER.encryptSigned(1).toBytes();
    bytes[0] = 9;
    InvalidCiphertextException e = assertThrows(InvalidCiphertextException.class,
        () -> PaillierCiphertext.fromBytes(bytes, key));
    assertTrue(e.getMessage(), e.getMessage().contains("version 9"));
  }

  @Test
  public void fromBytes_otherKeysCiphertext_throwsWrongKey() {
    byte[] bytes = TestKeys.ENCRYPTER.encryptSigned(1).toBytes();
    WrongKeyException e = assertThrows(WrongKeyException.class, () -> PaillierCiphertext.fromBytes(bytes, otherKey));
    assertTrue(e.getMessage(), e.getMessage().contains(key.fingerprintHex()));
    assertTrue(e.getMessage(), e.getMessage().contains(otherKey.fingerprintHex()));
  }

  @Test
  public void fromBytes_valueNotBelowNSquared_throws() {
    byte[] bytes = TestKeys.ENCRYPTER.encryptSigned(1).toBytes();
    Arrays.fill(bytes, 9, bytes.length, (byte) 0xff);
    InvalidCiphertextException e = assertThrows(InvalidCiphertextException.class,
        () -> PaillierCiphertext.fromBytes(bytes, key));
    assertTrue(e.getMessage(), e.getMessage().contains("not below n²"));
  }

  @Test
  public void fromValue_zeroOrNotInvertible_throws() {
    InvalidCiphertextException zero = assertThrows(InvalidCiphertextException.class,
        () -> PaillierCiphertext.fromValue(BigInteger.ZERO, key));
    assertTrue(zero.getMessage(), zero.getMessage().contains("must be positive"));
    BigInteger multipleOfP = TestKeys.KEY.p(SecretAccess.get()).multiply(BigInteger.valueOf(12345));
    InvalidCiphertextException shared = assertThrows(InvalidCiphertextException.class,
        () -> PaillierCiphertext.fromValue(multipleOfP, key));
    assertTrue(shared.getMessage(), shared.getMessage().contains("not invertible"));
  }

  @Test
  public void decrypt_otherKeysCiphertext_throwsWrongKey() {
    PaillierCiphertext foreign = PaillierEncrypter.create(otherKey).encryptSigned(5);
    WrongKeyException e = assertThrows(WrongKeyException.class, () -> TestKeys.DECRYPTER.decrypt(foreign));
    assertTrue(e.getMessage(), e.getMessage().contains("decrypt"));
    assertTrue(e.getMessage(), e.getMessage().contains(otherKey.fingerprintHex()));
  }

  @Test
  public void add_ciphertextsOfDifferentKeys_throwsWrongKey() {
    PaillierCiphertext ours = TestKeys.ENCRYPTER.encryptSigned(5);
    PaillierCiphertext foreign = PaillierEncrypter.create(otherKey).encryptSigned(5);
    WrongKeyException e = assertThrows(WrongKeyException.class, () -> ours.add(foreign));
    assertTrue(e.getMessage(), e.getMessage().startsWith("add"));
  }

  @Test
  public void decryptPacked_valueRewrappedUnderWrongKey_detectedByTheEncoding() throws Exception {
    // A raw value carried without its fingerprint and attached to the wrong key decrypts to a uniform
    // number: far wider than three packed slots, so the packing catches it.
    PackingLayout layout = PackingLayout.unsigned(32, 4, 3);
    PaillierEncrypter foreign = PaillierEncrypter.create(otherKey);
    for (int i = 0; i < 5; i++) {
      PackedCiphertext theirs = foreign.encryptPacked(new long[] {1, 2, 3}, layout);
      PaillierCiphertext rewrapped = PaillierCiphertext.fromValue(theirs.ciphertext().value().mod(key.modulusSquared())
          .max(BigInteger.TWO), key);
      PackedCiphertext mislabelled = PackedCiphertext.of(rewrapped, layout, 3, 1);
      PlaintextOverflowException e = assertThrows(PlaintextOverflowException.class,
          () -> TestKeys.DECRYPTER.decryptPacked(mislabelled));
      assertTrue(e.getMessage(), e.getMessage().contains("overflow or wrong key"));
    }
  }
}
