package dev.consilium.ledger.storage;

import akka.persistence.typed.PersistenceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a journal's events above a sequence number, and the snapshots taken there, in one transaction.
 * Akka Persistence can only delete a prefix; a replica needs to drop a suffix when a block it persisted was
 * never committed and a later epoch's sequencer committed another block at that height (the ledger's
 * failover, DESIGN §4). Only the replica's owner calls it, while the replica actor is stopped; it never
 * touches a committed block, which the caller asserts before it calls.
 */
public final class JournalTruncation {
  private static final Logger log = LoggerFactory.getLogger(JournalTruncation.class);
  // Quoted lower-case names, as the schema creates them (H2 would otherwise fold them to upper case).
  private static final String DELETE_EVENTS =
      "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" > ?";
  private static final String DELETE_SNAPSHOTS =
      "DELETE FROM \"snapshot\" WHERE \"persistence_id\" = ? AND \"sequence_number\" > ?";

  private JournalTruncation() {}

  /**
   * Deletes {@code persistenceId}'s events and snapshots with a sequence number above {@code keepUpTo};
   * returns the number of events deleted.
   */
  public static int truncateAbove(StorageSettings settings, PersistenceId persistenceId, long keepUpTo)
      throws SQLException {
    if (keepUpTo < 1) {
      throw new IllegalArgumentException("a journal keeps at least its first event, keepUpTo was " + keepUpTo);
    }
    try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
      connection.setAutoCommit(false);
      try (PreparedStatement events = connection.prepareStatement(DELETE_EVENTS);
          PreparedStatement snapshots = connection.prepareStatement(DELETE_SNAPSHOTS)) {
        events.setString(1, persistenceId.id());
        events.setLong(2, keepUpTo);
        int deleted = events.executeUpdate();
        snapshots.setString(1, persistenceId.id());
        snapshots.setLong(2, keepUpTo);
        int snapshotsDeleted = snapshots.executeUpdate();
        connection.commit();
        log.warn("Truncated journal {} above sequence number {}: {} events and {} snapshots removed",
            persistenceId.id(), keepUpTo, deleted, snapshotsDeleted);
        return deleted;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
