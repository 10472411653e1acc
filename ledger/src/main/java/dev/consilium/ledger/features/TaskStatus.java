package dev.consilium.ledger.features;

/** Where a task stands: it runs from registration until {@code end-task}, after which nothing is accepted. */
public enum TaskStatus {
  RUNNING,
  ENDED
}
