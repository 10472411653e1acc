package dev.consilium.ledger.membership;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.signature.Ed25519PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.Test;

/**
 * An update that re-publishes a member's key reuses the key already validated; any other key bytes are
 * validated in full, whatever key the member holds.
 */
public class MemberDocumentKeyReuseTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final TestConsortium consortium = new TestConsortium(RANDOM);
  private final MemberDocument bankA = consortium.bankA.document;

  @Test
  public void read_knownKeyWithSameBytes_reusesValidatedKey() throws Exception {
    MemberDocument read = CanonicalReader.decode(bankA.toCanonicalBytes(),
        reader -> MemberDocument.read(reader, did -> did.equals(bankA.did()) ? bankA.signingKey() : null));
    assertSame(bankA.signingKey(), read.signingKey());
    assertEquals(bankA, read);
  }

  @Test
  public void read_knownKeyWithOtherBytes_validatesInFull() {
    // The identity point (y = 1): a canonical encoding, but of a small-order point.
    byte[] identity = new byte[Ed25519PublicKey.LENGTH_BYTES];
    identity[0] = 1;
    CanonicalWriter writer = new CanonicalWriter();
    bankA.did().writeTo(writer);
    writer.writeFixedBytes(identity);
    writer.writeList(List.of("institution"), CanonicalWriter::writeString);
    writer.writeList(List.<String>of(), CanonicalWriter::writeString);
    writer.writeString("");
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class, () -> CanonicalReader.decode(
        writer.toByteArray(), reader -> MemberDocument.read(reader, did -> bankA.signingKey())));
    assertTrue(e.getMessage(), e.getMessage().contains("member signing key"));
  }

  @Test
  public void update_republishingOwnDocument_keepsTheMembersKeyObject() throws Exception {
    MembershipState state = consortium.genesisState.membership();
    MembershipContract contract = new MembershipContract();
    Entry update = consortium.bankA.selfUpdate(1);
    ExecutionContext context = new ExecutionContext(1, TestConsortium.GENESIS_TIME_MS, state);
    contract.validate(state, update, context);
    MembershipState next = contract.apply(state, update, context);
    assertSame(state.find(bankA.did()).orElseThrow().document().signingKey(),
        next.find(bankA.did()).orElseThrow().document().signingKey());
  }
}
