package dev.consilium.ledger.storage;

import java.util.Optional;

/** The journal schema could not be created; the node must not start. The message names the SQL error. */
public final class JournalSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String statement;

  JournalSchemaException(String message, String statement, Throwable cause) {
    super(message, cause);
    this.statement = statement;
  }

  /** The statement that failed, or empty when the failure was connecting or disconnecting. */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }
}
