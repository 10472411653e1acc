package dev.consilium.runtime.session;

/**
 * A participant refuses its step, for a reason that may be told to the coordinator and written on the
 * ledger: it must say what is wrong ("no consent for this inquiry"), never reveal a private value.
 */
public final class StepRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StepRefusedException(String publicReason) {
    super(publicReason);
  }
}
