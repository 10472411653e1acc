package dev.consilium.ledger.contract;

/** A contract refused an entry; the message says which rule it broke. */
public final class PreconditionFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super(message);
  }
}
