package dev.consilium.simulator.simulation;

/**
 * One inquiry of the simulated workload: which bank asks, about which customer, for how much, and when
 * (milliseconds after the run's start).
 */
public record WorkItem(String inquiryId, int bank, String customerId, long requestedCents, long annualIncomeCents,
    long dueOffsetMs) {}
