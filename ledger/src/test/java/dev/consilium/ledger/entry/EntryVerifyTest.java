package dev.consilium.ledger.entry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.signature.Ed25519Verify;
import dev.consilium.mpc.signature.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * An entry remembers the verifier its signature passed under, so the builder and the replica of one JVM
 * verify it once between them; everything else is still verified in full.
 */
public class EntryVerifyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final TestConsortium consortium = new TestConsortium(RANDOM);
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  public void verify_againUnderEqualVerifier_verifiesOnce() throws Exception {
    Entry entry = consortium.bankA.selfUpdate(1);
    entry.verify(counting(consortium.bankA.document.verifier()));
    entry.verify(counting(Ed25519Verify.create(consortium.bankA.key.publicKey())));
    assertEquals(1, calls.get());
  }

  @Test
  public void verify_afterSuccess_otherKeyStillThrows() throws Exception {
    Entry entry = consortium.bankA.selfUpdate(1);
    entry.verify(consortium.bankA.document.verifier());
    assertThrows(GeneralSecurityException.class, () -> entry.verify(consortium.bankB.document.verifier()));
  }

  @Test
  public void verify_afterFailure_verifiesAgainAndThrows() {
    Entry entry = consortium.bankA.selfUpdate(1);
    PublicKeyVerify wrongKey = counting(consortium.bankB.document.verifier());
    assertThrows(GeneralSecurityException.class, () -> entry.verify(wrongKey));
    assertThrows(GeneralSecurityException.class, () -> entry.verify(wrongKey));
    assertEquals(2, calls.get());
  }

  @Test
  public void verify_sameEntryDecodedFromBytes_verifiesInFull() throws Exception {
    Entry entry = consortium.bankA.selfUpdate(1);
    PublicKeyVerify verifier = counting(consortium.bankA.document.verifier());
    entry.verify(verifier);
    Entry decoded = CanonicalReader.decode(entry.encoded(), Entry::read);
    decoded.verify(verifier);
    assertEquals(2, calls.get());
  }

  /** Equal when the wrapped verifiers are equal, as {@link PublicKeyVerify} asks; counts real verifications. */
  private PublicKeyVerify counting(PublicKeyVerify inner) {
    return new Counting(inner, calls);
  }

  private record Counting(PublicKeyVerify inner, AtomicInteger calls) implements PublicKeyVerify {
    @Override
    public void verify(byte[] signature, byte[] data) throws GeneralSecurityException {
      calls.incrementAndGet();
      inner.verify(signature, data);
    }
  }
}
