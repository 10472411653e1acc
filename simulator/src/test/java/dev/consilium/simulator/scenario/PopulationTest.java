package dev.consilium.simulator.scenario;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.roles.customer.PseudonymKey;
import dev.consilium.roles.institution.LoanBook;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PopulationTest {
  private static final PseudonymKey PSEUDONYMS = PseudonymKey.generate(new SecureRandom());
  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void generate_sameSeed_samePopulation() {
    assertEquals(Population.generate(7, 500, 4).loans(), Population.generate(7, 500, 4).loans());
  }

  @Test
  public void generate_manyCustomers_includesMultiHeadBorrowersAndCustomersWithoutLoans() {
    Population population = Population.generate(11, 2_000, 4);
    long none = population.customers().stream().filter(c -> population.lenderCount(c.id()) == 0).count();
    long several = population.customers().stream().filter(c -> population.lenderCount(c.id()) >= 2).count();
    // Expected shares: 25% without a loan, 30% at two banks or more; a wide margin keeps the test exact.
    assertTrue("customers without a loan: " + none, none > 400 && none < 600);
    assertTrue("multi-head borrowers: " + several, several > 500 && several < 700);
  }

  @Test
  public void writeBook_eachBankGetsOnlyItsLoans_andTheBooksAddUpToTheGroundTruth() throws Exception {
    Population population = Population.generate(3, 300, 3);
    List<LoanBook> books = new ArrayList<>();
    try {
      for (int bank = 0; bank < 3; bank++) {
        LoanBook book = LoanBook.open(folder.newFolder("bank-" + bank).toPath(), PSEUDONYMS);
        books.add(book);
        population.writeBook(bank, book);
        int bankIndex = bank;
        assertEquals(population.loans().stream().filter(l -> l.bank() == bankIndex).count(), book.loans());
      }
      for (Population.Customer customer : population.customers()) {
        long sum = 0;
        for (LoanBook book : books) {
          sum += book.outstandingCents(customer.id());
        }
        assertEquals(customer.id(), population.totalOwedCents(customer.id()), sum);
      }
    } finally {
      books.forEach(LoanBook::close);
    }
  }

  @Test
  public void generate_fewerThanTwoBanks_throws() {
    assertThrows(IllegalArgumentException.class, () -> Population.generate(1, 10, 1));
  }
}
