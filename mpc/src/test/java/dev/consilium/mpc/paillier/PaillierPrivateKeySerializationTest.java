package dev.consilium.mpc.paillier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.secret.SecretAccess;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Arrays;
import org.junit.Test;

public class PaillierPrivateKeySerializationTest {
  private final PaillierPrivateKey key = TestKeys.KEY;
  private final byte[] encoded = key.toBytes(SecretAccess.get());

  @Test
  public void toBytes_2048_hasFixedLayout() {
    assertEquals(3 + 2 * 256, encoded.length);
    assertEquals(1, encoded[0]);
    assertEquals(2048, ((encoded[1] & 0xff) << 8) | (encoded[2] & 0xff));
    assertEquals(key.publicKey().modulus(), new BigInteger(1, encoded, 3, 256));
  }

  @Test
  public void fromBytes_roundTrip_givesSameKeyAndPlaintexts() throws Exception {
    PaillierPrivateKey reloaded = PaillierPrivateKey.fromBytes(encoded, key.publicKey(), SecretAccess.get());
    assertEquals(key.publicKey(), reloaded.publicKey());
    assertEquals(key.p(SecretAccess.get()).min(key.q(SecretAccess.get())), reloaded.p(SecretAccess.get()));
    assertTrue(Arrays.equals(encoded, reloaded.toBytes(SecretAccess.get())));
    PaillierDecrypter decrypter = PaillierDecrypter.create(reloaded);
    long[] amounts = {0L, 1L, -1L, 123_456_789L, -987_654_321L, Long.MAX_VALUE / 4};
    for (long amount : amounts) {
      PaillierCiphertext c = TestKeys.ENCRYPTER.encryptSigned(amount);
      assertEquals(TestKeys.DECRYPTER.decryptLong(c), decrypter.decryptLong(c));
      assertEquals(amount, decrypter.decryptLong(c));
    }
  }

  @Test
  public void fromBytes_tamperedByte_throwsWithoutSecrets() {
    int[] offsets = {3, 3 + 100, 3 + 256, 3 + 256 + 50, 3 + 256 + 128 + 7, encoded.length - 1};
    for (int offset : offsets) {
      byte[] tampered = encoded.clone();
      tampered[offset] ^= 0x10;
      InvalidKeyException e = assertThrows(InvalidKeyException.class,
          () -> PaillierPrivateKey.fromBytes(tampered, SecretAccess.get()));
      assertNoSecret(e.getMessage());
    }
  }

  @Test
  public void fromBytes_truncated_throws() {
    for (int length : new int[] {0, 2, 3, 258, encoded.length - 1}) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      InvalidKeyException e = assertThrows(InvalidKeyException.class,
          () -> PaillierPrivateKey.fromBytes(truncated, SecretAccess.get()));
      assertTrue(e.getMessage(), e.getMessage().contains("truncated") || e.getMessage().contains("must be"));
    }
  }

  @Test
  public void fromBytes_trailingByte_throws() {
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
    assertThrows(InvalidKeyException.class, () -> PaillierPrivateKey.fromBytes(longer, SecretAccess.get()));
  }

  @Test
  public void fromBytes_wrongVersion_throws() {
    byte[] wrong = encoded.clone();
    wrong[0] = 2;
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> PaillierPrivateKey.fromBytes(wrong, SecretAccess.get()));
    assertTrue(e.getMessage(), e.getMessage().contains("version 2"));
  }

  @Test
  public void fromBytes_otherDeclaredSize_throws() {
    byte[] declared3072 = encoded.clone();
    declared3072[1] = (byte) (3072 >>> 8);
    declared3072[2] = (byte) 3072;
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> PaillierPrivateKey.fromBytes(declared3072, SecretAccess.get()));
    assertTrue(e.getMessage(), e.getMessage().contains("3072 bits must be"));
    byte[] declared4096 = encoded.clone();
    declared4096[1] = (byte) (4096 >>> 8);
    declared4096[2] = 0;
    assertThrows(InvalidKeyException.class, () -> PaillierPrivateKey.fromBytes(declared4096, SecretAccess.get()));
  }

  @Test
  public void fromBytes_otherKeysPublicKey_throws() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> PaillierPrivateKey.fromBytes(encoded, TestKeys.OTHER_KEY.publicKey(), SecretAccess.get()));
    assertTrue(e.getMessage(), e.getMessage().contains(TestKeys.OTHER_KEY.publicKey().fingerprintHex()));
  }

  @Test
  public void fromBytes_primesSwapped_throws() {
    byte[] swapped = encoded.clone();
    System.arraycopy(encoded, 3 + 256, swapped, 3 + 256 + 128, 128);
    System.arraycopy(encoded, 3 + 256 + 128, swapped, 3 + 256, 128);
    assertThrows(InvalidKeyException.class, () -> PaillierPrivateKey.fromBytes(swapped, SecretAccess.get()));
  }

  @Test
  public void toString_privateKey_hasNoSecret() {
    assertNoSecret(key.toString());
  }

  private void assertNoSecret(String text) {
    for (BigInteger prime : new BigInteger[] {key.p(SecretAccess.get()), key.q(SecretAccess.get())}) {
      assertFalse(text, text.contains(prime.toString()));
      assertFalse(text, text.contains(prime.toString(16)));
      assertFalse(text, text.contains(prime.toString().substring(0, 12)));
    }
  }
}
