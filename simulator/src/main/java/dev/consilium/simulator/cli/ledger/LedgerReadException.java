package dev.consilium.simulator.cli.ledger;

/**
 * The ledger copy cannot be read as asked: no database there, a database in use, a channel without blocks,
 * a height beyond the head. The message is the one line the user reads, after the command's name.
 */
final class LedgerReadException extends Exception {
  private static final long serialVersionUID = 1L;

  LedgerReadException(String message) {
    super(message);
  }
}
