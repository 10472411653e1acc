package dev.consilium.runtime.replication;

/**
 * An entry that did not get a receipt. {@link #retryable()} says whether submitting a new entry for the same
 * action may succeed (no sequencer answered, the sequencer moved or was overloaded) or will be refused again
 * (the ledger refused the entry, naming its reason).
 */
public final class SubmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public SubmissionException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
