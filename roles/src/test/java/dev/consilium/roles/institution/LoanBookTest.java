package dev.consilium.roles.institution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.roles.customer.PseudonymKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LoanBookTest {
  private static final PseudonymKey PSEUDONYMS = PseudonymKey.generate(new SecureRandom());
  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void outstanding_sumsTheCustomersLoans_andIsZeroWithoutOne() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      book.record("customer-1", "loan-1", 150_00);
      book.record("customer-1", "loan-2", 2_500_00);
      book.record("customer-2", "loan-3", 99);
      assertEquals(2_650_00, book.outstandingCents("customer-1"));
      assertEquals(99, book.outstandingCents("customer-2"));
      assertEquals(0, book.outstandingCents("customer-3"));
      assertEquals(3, book.loans());
    }
  }

  @Test
  public void record_sameLoanAgain_replacesItsAmount() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      book.record("customer-1", "loan-1", 1_000);
      book.record("customer-1", "loan-1", 400);
      assertEquals(400, book.outstandingCents("customer-1"));
      assertEquals(1, book.loans());
    }
  }

  @Test
  public void reopen_keepsWhatWasRecorded() throws Exception {
    Path dir = folder.newFolder().toPath();
    try (LoanBook book = LoanBook.open(dir, PSEUDONYMS)) {
      book.record("customer-1", "loan-1", 7_000);
    }
    try (LoanBook book = LoanBook.open(dir, PSEUDONYMS)) {
      assertEquals(7_000, book.outstandingCents("customer-1"));
    }
  }

  @Test
  public void record_negativeOrTooLargeAmount_throwsNamingTheLoanAndWritesNothing() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
          () -> book.record("customer-1", "loan-1", -1));
      assertTrue(negative.getMessage(), negative.getMessage().contains("loan-1"));
      assertThrows(IllegalArgumentException.class,
          () -> book.record("customer-1", "loan-1", LoanBook.MAX_LOAN_CENTS + 1));
      assertEquals(0, book.loans());
    }
  }

  @Test
  public void record_totalPastTheBound_throwsAndKeepsTheEarlierLoans() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      for (int i = 0; i < 100; i++) {
        book.record("customer-1", "loan-" + i, LoanBook.MAX_LOAN_CENTS);
      }
      assertThrows(IllegalArgumentException.class, () -> book.record("customer-1", "loan-x", 1));
      assertEquals(LoanBook.MAX_TOTAL_CENTS, book.outstandingCents("customer-1"));
    }
  }

  @Test
  public void record_loanOfAnotherCustomer_throws() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      book.record("customer-1", "loan-1", 10);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> book.record("customer-2", "loan-1", 10));
      assertFalse("the message does not name customers", e.getMessage().contains("customer-1"));
      assertEquals(10, book.outstandingCents("customer-1"));
    }
  }

  @Test
  public void outstanding_malformedCustomerId_throws() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      assertThrows(IllegalArgumentException.class, () -> book.outstandingCents("drop table; --"));
      assertThrows(IllegalArgumentException.class, () -> book.outstandingCents(""));
    }
  }

  @Test
  public void aCustomerIsFoundByPseudonymOnly_withTheConsentKeyOnFile() throws Exception {
    try (LoanBook book = LoanBook.open(folder.newFolder().toPath(), PSEUDONYMS)) {
      book.record("customer-1", "loan-1", 1_000);
      book.record("customer-1", "loan-2", 2_500);
      assertFalse("no consent key yet", book.findByPseudonym(PSEUDONYMS.pseudonym("customer-1")).orElseThrow()
          .consentKey().isPresent());
      Ed25519PrivateKey customer = Ed25519PrivateKey.generate(new SecureRandom());
      book.recordConsentKey("customer-1", customer.publicKey());

      LoanBook.Holding holding = book.findByPseudonym(PSEUDONYMS.pseudonym("customer-1")).orElseThrow();
      assertEquals("customer-1", holding.customerId());
      assertEquals(3_500, holding.outstandingCents());
      assertEquals(customer.publicKey(), holding.consentKey().orElseThrow());
      assertFalse("the holding's text shows neither id nor amount", holding.toString().contains("customer-1")
          || holding.toString().contains("3500"));
      assertTrue(book.findByPseudonym(PSEUDONYMS.pseudonym("customer-2")).isEmpty());
      PseudonymKey otherConsortium = PseudonymKey.generate(new SecureRandom());
      assertTrue("a pseudonym under another key finds nobody",
          book.findByPseudonym(otherConsortium.pseudonym("customer-1")).isEmpty());
      assertThrows(IllegalArgumentException.class, () -> book.findByPseudonym(new byte[31]));
    }
  }
}
