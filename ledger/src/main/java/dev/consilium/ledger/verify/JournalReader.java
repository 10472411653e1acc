package dev.consilium.ledger.verify;

import dev.consilium.ledger.replica.LedgerReplica;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads one channel's journal rows in sequence-number order with plain JDBC, so a ledger copy can be checked
 * with nothing but its database. Portable SQL only: the same reader serves H2 and PostgreSQL. Rows stream
 * through the iterator one at a time (fetch size bounded), so a long ledger never has to fit in memory.
 */
public final class JournalReader implements AutoCloseable {
  private static final int FETCH_SIZE = 256;
  // Quoted lower-case names: the schema creates them so, and H2 would otherwise fold them to upper case.
  private static final String QUERY = "SELECT \"sequence_number\", \"deleted\", \"event_ser_manifest\","
      + " \"event_payload\" FROM \"event_journal\" WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\"";

  private final PreparedStatement statement;
  private final ResultSet rows;

  private JournalReader(PreparedStatement statement, ResultSet rows) {
    this.statement = statement;
    this.rows = rows;
  }

  /** Opens the rows of {@code channel}'s ledger; the caller keeps {@code connection} open while reading. */
  public static JournalReader open(Connection connection, String channel) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(QUERY);
    try {
      statement.setFetchSize(FETCH_SIZE);
      statement.setString(1, LedgerReplica.persistenceId(channel).id());
      return new JournalReader(statement, statement.executeQuery());
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** The rows; a database error while reading surfaces as {@link JournalReadException}. */
  public Iterator<JournalRow> rows() {
    return new Iterator<>() {
      private JournalRow next = advance();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public JournalRow next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        JournalRow current = next;
        next = advance();
        return current;
      }
    };
  }

  private JournalRow advance() {
    try {
      if (!rows.next()) {
        return null;
      }
      return new JournalRow(rows.getLong(1), rows.getBoolean(2), rows.getString(3), rows.getBytes(4));
    } catch (SQLException e) {
      throw new JournalReadException("reading the journal failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      rows.close();
    } finally {
      statement.close();
    }
  }

  /** A database error while the rows were being read. */
  public static final class JournalReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JournalReadException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
