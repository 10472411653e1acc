package dev.consilium.simulator.scenario;

import dev.consilium.roles.institution.LoanBook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic population of loan applicants with its ground truth, reproducible from a seed: the scenario the
 * credit investigation exists for. Some customers borrow nowhere, many at one bank, and a fraction at several
 * banks at once (multi-head lending), which no single bank can see from its own book.
 */
public final class Population {
  /** Share of customers without any loan, with loans at one bank, and at several banks. */
  static final double NO_LOAN = 0.25;
  static final double ONE_BANK = 0.45;
  private static final int MAX_LOANS_PER_BANK = 2;

  /** A customer: id, declared annual income, and the new loan applied for. */
  public record Customer(String id, long annualIncomeCents, long requestedCents) {}

  /** One loan in one bank's book. */
  public record Loan(String customerId, int bank, String loanId, long outstandingCents) {}

  private final List<Customer> customers;
  private final List<Loan> loans;
  private final Map<String, Long> totals;
  private final Map<String, Integer> lenderCounts;
  private final int banks;

  private Population(List<Customer> customers, List<Loan> loans, int banks) {
    this.customers = List.copyOf(customers);
    this.loans = List.copyOf(loans);
    this.banks = banks;
    Map<String, Long> sums = new HashMap<>();
    Map<String, Set<Integer>> lenders = new HashMap<>();
    for (Loan loan : loans) {
      sums.merge(loan.customerId(), loan.outstandingCents(), Math::addExact);
      lenders.computeIfAbsent(loan.customerId(), id -> new HashSet<>()).add(loan.bank());
    }
    this.totals = Map.copyOf(sums);
    Map<String, Integer> counts = new HashMap<>();
    lenders.forEach((id, set) -> counts.put(id, set.size()));
    this.lenderCounts = Map.copyOf(counts);
  }

  /** {@code customers} customers over {@code banks} banks, the same for the same seed. */
  public static Population generate(long seed, int customers, int banks) {
    if (customers < 1 || banks < 2) {
      throw new IllegalArgumentException("a population needs at least 1 customer and 2 banks, got "
          + customers + " and " + banks);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Customer> people = new ArrayList<>(customers);
    List<Loan> loans = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String id = String.format("customer-%07d", c);
      // Incomes from 12,000 to about 250,000 a year, skewed low.
      long income = 12_000_00L + (long) (Math.pow(random.nextDouble(), 2) * 238_000_00L);
      long requested = 1_000_00L + random.nextLong(60_000_00L);
      people.add(new Customer(id, income, requested));
      for (int bank : lenders(random, banks)) {
        int count = 1 + random.nextInt(MAX_LOANS_PER_BANK);
        for (int k = 0; k < count; k++) {
          long outstanding = 500_00L + random.nextLong(income / 2 + 1);
          loans.add(new Loan(id, bank, id + "-b" + bank + "-" + k, outstanding));
        }
      }
    }
    return new Population(people, loans, banks);
  }

  private static List<Integer> lenders(SplittableRandom random, int banks) {
    double draw = random.nextDouble();
    int count = draw < NO_LOAN ? 0 : draw < NO_LOAN + ONE_BANK ? 1 : 2 + random.nextInt(banks - 1);
    List<Integer> all = new ArrayList<>();
    for (int b = 0; b < banks; b++) {
      all.add(b);
    }
    // A partial Fisher-Yates shuffle picks count distinct banks.
    for (int i = 0; i < count; i++) {
      Collections.swap(all, i, i + random.nextInt(banks - i));
    }
    return all.subList(0, count);
  }

  public List<Customer> customers() {
    return customers;
  }

  public List<Loan> loans() {
    return loans;
  }

  /** The ground truth: what {@code customerId} owes across the consortium, in cents. */
  public long totalOwedCents(String customerId) {
    return totals.getOrDefault(customerId, 0L);
  }

  /** What {@code customerId} owes at the banks numbered in {@code banks}, in cents. */
  public long totalOwedCents(String customerId, Set<Integer> banks) {
    long total = 0;
    for (Loan loan : loans) {
      if (loan.customerId().equals(customerId) && banks.contains(loan.bank())) {
        total = Math.addExact(total, loan.outstandingCents());
      }
    }
    return total;
  }

  /** How many banks {@code customerId} borrows from. */
  public int lenderCount(String customerId) {
    return lenderCounts.getOrDefault(customerId, 0);
  }

  /** Writes bank {@code bank}'s loans, and nothing of any other bank, into its book. */
  public void writeBook(int bank, LoanBook book) {
    if (bank < 0 || bank >= banks) {
      throw new IllegalArgumentException("bank " + bank + " is not in 0.." + (banks - 1));
    }
    for (Loan loan : loans) {
      if (loan.bank() == bank) {
        book.record(loan.customerId(), loan.loanId(), loan.outstandingCents());
      }
    }
  }
}
