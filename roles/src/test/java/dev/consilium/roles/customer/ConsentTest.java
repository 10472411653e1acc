package dev.consilium.roles.customer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.Test;

public class ConsentTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Ed25519PrivateKey customer = Ed25519PrivateKey.generate(RANDOM);
  private final Did bankA = Did.of(Ed25519PrivateKey.generate(RANDOM).publicKey());
  private final Did bankB = Did.of(Ed25519PrivateKey.generate(RANDOM).publicKey());
  private final PseudonymKey pseudonyms = PseudonymKey.generate(RANDOM);
  private final byte[] pseudonym = pseudonyms.pseudonym("customer-0000042");

  private Consent consent(long expiresAtMs) {
    return Consent.sign("inquiry-1", pseudonym, bankA, expiresAtMs, customer.publicKey(), Ed25519Sign.create(customer));
  }

  @Test
  public void verify_roundTripThroughItsBytes_passes() throws Exception {
    Consent read = Consent.fromBytes(consent(2_000).toCanonicalBytes());
    read.verify(customer.publicKey(), "inquiry-1", bankA, 1_000);
    assertArrayEquals(pseudonym, read.pseudonym());
  }

  @Test
  public void verify_keyOnFileOfAnotherCustomer_throws() {
    Consent consent = consent(2_000);
    assertThrows(GeneralSecurityException.class,
        () -> consent.verify(Ed25519PrivateKey.generate(RANDOM).publicKey(), "inquiry-1", bankA, 1_000));
  }

  @Test
  public void verify_otherInquiryOrAsker_throws() {
    Consent consent = consent(2_000);
    assertThrows(GeneralSecurityException.class, () -> consent.verify(customer.publicKey(), "inquiry-2", bankA, 1_000));
    assertThrows(GeneralSecurityException.class, () -> consent.verify(customer.publicKey(), "inquiry-1", bankB, 1_000));
  }

  @Test
  public void verify_afterExpiry_throws() {
    Consent consent = consent(2_000);
    assertThrows(GeneralSecurityException.class, () -> consent.verify(customer.publicKey(), "inquiry-1", bankA, 2_001));
  }

  @Test
  public void verify_tamperedBytes_throws() throws Exception {
    byte[] bytes = consent(2_000).toCanonicalBytes();
    bytes[bytes.length - 1] ^= 1; // the signature's last byte
    Consent tampered = Consent.fromBytes(bytes);
    assertThrows(GeneralSecurityException.class, () -> tampered.verify(customer.publicKey(), "inquiry-1", bankA, 1_000));
  }

  @Test
  public void fromBytes_truncated_throws() {
    byte[] bytes = consent(2_000).toCanonicalBytes();
    assertThrows(CanonicalFormatException.class,
        () -> Consent.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
  }

  @Test
  public void pseudonym_sameKeySameCustomer_sameBytes_otherwiseDifferent() {
    PseudonymKey copy = PseudonymKey.fromBytes(pseudonyms.secret(SecretAccess.get()), SecretAccess.get());
    assertArrayEquals(pseudonym, copy.pseudonym("customer-0000042"));
    assertFalse(java.util.Arrays.equals(pseudonym, copy.pseudonym("customer-0000043")));
    assertFalse(java.util.Arrays.equals(pseudonym, PseudonymKey.generate(RANDOM).pseudonym("customer-0000042")));
    assertEquals(PseudonymKey.PSEUDONYM_BYTES, pseudonym.length);
  }

  @Test
  public void toString_showsNeitherCustomerIdNorKey() {
    assertFalse(consent(2_000).toString().contains("customer-0000042"));
    assertTrue(pseudonyms.toString().contains("secret"));
  }
}
