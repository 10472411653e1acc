package dev.consilium.ledger.credit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.paillier.InvalidCiphertextException;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.mpc.paillier.WrongKeyException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Arrays;
import org.junit.Test;

/** The memo must give every verdict the full check gives, only faster the second time. */
public class CheckedPaillierTest {
  private final PaillierPublicKey key = CreditKeys.askerPublic();

  @Test
  public void aValidCiphertext_isAcceptedAgain_asTheSameValue() throws Exception {
    byte[] bytes = CreditKeys.encrypt(77);
    PaillierCiphertext first = CheckedPaillier.ciphertext(bytes, key);
    assertSame(first, CheckedPaillier.ciphertext(bytes.clone(), key));
    assertEquals(BigInteger.valueOf(77), CreditKeys.decrypt(first.toBytes()));
  }

  @Test
  public void anInvalidCiphertext_isRefusedEveryTime() {
    byte[] bytes = CreditKeys.encrypt(5);
    // c = n: not invertible mod n², the gcd check's case.
    byte[] n = key.modulus().toByteArray();
    int from = n[0] == 0 ? 1 : 0; // toByteArray's sign byte
    Arrays.fill(bytes, 9, bytes.length, (byte) 0); // after the version and the key fingerprint
    System.arraycopy(n, from, bytes, bytes.length - (n.length - from), n.length - from);
    for (int attempt = 0; attempt < 2; attempt++) {
      InvalidCiphertextException e = assertThrows(InvalidCiphertextException.class,
          () -> CheckedPaillier.ciphertext(bytes, key));
      assertTrue(e.getMessage(), e.getMessage().contains("gcd(c, n)"));
    }
  }

  @Test
  public void bytesAcceptedUnderOneKey_areStillRefusedUnderAnother() throws Exception {
    byte[] bytes = CreditKeys.encrypt(3);
    CheckedPaillier.ciphertext(bytes, key);
    assertThrows(WrongKeyException.class, () -> CheckedPaillier.ciphertext(bytes, CreditKeys.OTHER.publicKey()));
  }

  @Test
  public void keys_areCheckedOnce_andAnInvalidOneRefusedEveryTime() throws Exception {
    byte[] encoded = key.toBytes();
    assertSame(CheckedPaillier.key(encoded), CheckedPaillier.key(encoded.clone()));
    byte[] even = key.toBytes();
    even[even.length - 1] &= (byte) 0xFE;
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThrows(InvalidKeyException.class, () -> CheckedPaillier.key(even));
    }
  }

  @Test
  public void aRememberedProduct_readsBackAsItself() throws Exception {
    PaillierCiphertext a = CheckedPaillier.ciphertext(CreditKeys.encrypt(10), key);
    PaillierCiphertext product = a.add(CheckedPaillier.ciphertext(CreditKeys.encrypt(32), key));
    byte[] bytes = product.toBytes();
    CheckedPaillier.remember(product, bytes);
    assertSame(product, CheckedPaillier.ciphertext(bytes, key));
    assertEquals(BigInteger.valueOf(42), CreditKeys.decrypt(bytes));
  }
}
