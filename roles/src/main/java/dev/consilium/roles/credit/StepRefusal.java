package dev.consilium.roles.credit;

/**
 * This bank will not take a step of an inquiry, for a reason it may state (no valid consent for a customer
 * it holds, a key it no longer has): the inquiry goes on without the step. The message names no customer
 * and no amount.
 */
final class StepRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StepRefusal(String message) {
    super(message);
  }
}
