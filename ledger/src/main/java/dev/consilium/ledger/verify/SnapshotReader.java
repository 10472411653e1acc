package dev.consilium.ledger.verify;

import dev.consilium.ledger.replica.LedgerReplica;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the newest snapshot of one channel's ledger with plain JDBC. The journal alone cannot show that its
 * last blocks were removed, since the chain then just ends earlier; the replica's newest snapshot names a
 * head that the journal must still reach. Portable SQL only, like {@link JournalReader}.
 */
public final class SnapshotReader {
  // Quoted lower-case names: the schema creates them so, and H2 would otherwise fold them to upper case.
  private static final String QUERY = "SELECT \"sequence_number\", \"snapshot_ser_manifest\", \"snapshot_payload\""
      + " FROM \"snapshot\" WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\" DESC";

  private SnapshotReader() {}

  /** The snapshot with the highest sequence number of {@code channel}'s ledger, if there is one. */
  public static Optional<SnapshotRow> newest(Connection connection, String channel) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
      // Only the first row is read; older snapshots may be large and are not needed.
      statement.setMaxRows(1);
      statement.setString(1, LedgerReplica.persistenceId(channel).id());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new SnapshotRow(rows.getLong(1), rows.getString(2), rows.getBytes(3)));
      }
    }
  }
}
