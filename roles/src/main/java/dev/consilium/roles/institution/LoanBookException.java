package dev.consilium.roles.institution;

/** The loan book's database failed or holds what it never should; the message names the file. */
public final class LoanBookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LoanBookException(String message, Throwable cause) {
    super(message, cause);
  }
}
