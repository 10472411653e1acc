package dev.consilium.runtime.discovery;

import static org.junit.Assert.assertEquals;

import akka.actor.Address;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

public class AddressBookTest {
  private static final TestConsortium CONSORTIUM = new TestConsortium(new SecureRandom());
  private static final Did A = CONSORTIUM.bankA.did;
  private static final Did B = CONSORTIUM.bankB.did;
  private static final Address ONE = new Address("akka", "consilium", "127.0.0.1", 2551);
  private static final Address TWO = new Address("akka", "consilium", "127.0.0.1", 2552);

  @Test
  public void with_registrationGone_keepsLastAddressForLateEvents() {
    AddressBook book = AddressBook.empty().with(A, Set.of(ONE)).with(A, Set.of());
    assertEquals(Optional.of(A), book.didAt(ONE));
  }

  @Test
  public void with_movedNode_oldAddressForgotten() {
    AddressBook book = AddressBook.empty().with(A, Set.of(ONE)).with(A, Set.of(TWO));
    assertEquals(Optional.empty(), book.didAt(ONE));
    assertEquals(Optional.of(A), book.didAt(TWO));
  }

  @Test
  public void with_addressTakenByAnotherDid_newerWins() {
    AddressBook before = AddressBook.empty().with(A, Set.of(ONE));
    assertEquals(Set.of(A), before.takenFrom(B, Set.of(ONE)));
    AddressBook after = before.with(B, Set.of(ONE));
    assertEquals(Optional.of(B), after.didAt(ONE));
    assertEquals(Set.of(), after.addressesOf(A));
  }
}
