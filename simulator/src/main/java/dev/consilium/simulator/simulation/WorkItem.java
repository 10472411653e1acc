package dev.consilium.simulator.simulation;

import java.util.List;

/**
 * One inquiry of the simulated workload: which bank asks, about which customers (one, or a batch), for how
 * much, and when (milliseconds after the run's start).
 */
public record WorkItem(String inquiryId, int bank, List<Customer> customers, long dueOffsetMs) {
  public WorkItem {
    customers = List.copyOf(customers);
  }

  /** One customer of the inquiry: who, the amount asked for and the declared annual income. */
  public record Customer(String customerId, long requestedCents, long annualIncomeCents) {}
}
