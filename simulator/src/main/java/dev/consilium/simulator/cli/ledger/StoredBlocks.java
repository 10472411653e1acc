package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.replica.BlockAppended;
import dev.consilium.ledger.replica.LedgerReplica;
import dev.consilium.ledger.verify.JournalRow;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel's stored blocks, looked up by height with plain JDBC for {@code show} and {@code proof}: a
 * block of a long ledger without reading the rows before it. Decoded only, never verified; that is
 * {@code verify}'s job. Portable SQL, as in {@link dev.consilium.ledger.verify.JournalReader}.
 */
final class StoredBlocks {
  private static final int FETCH_SIZE = 64;
  private static final int MAX_CHANNELS_LISTED = 10;
  // Quoted lower-case names: the schema creates them so, and H2 would otherwise fold them to upper case.
  private static final String COLUMNS = "SELECT \"sequence_number\", \"deleted\", \"event_ser_manifest\","
      + " \"event_payload\" FROM \"event_journal\" WHERE \"persistence_id\" = ?";

  private final Connection connection;
  private final String channel;
  private final String persistenceId;

  StoredBlocks(Connection connection, String channel) {
    this.connection = connection;
    this.channel = channel;
    this.persistenceId = LedgerReplica.persistenceId(channel).id();
  }

  /** What one row holds: its block, or why it holds none; and whether the row is marked deleted. */
  record Stored(long height, Block block, String problem, boolean deleted) {}

  /** Receives rows in height order. */
  interface Visitor {
    void visit(Stored stored) throws SQLException;
  }

  /** The highest stored height; a channel without rows is an error that names the channels there are. */
  long topHeight() throws SQLException, LedgerReadException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT MAX(\"sequence_number\") FROM \"event_journal\" WHERE \"persistence_id\" = ?")) {
      statement.setString(1, persistenceId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long top = rows.getLong(1);
        if (rows.wasNull()) {
          throw noBlocks(connection, channel);
        }
        return top - 1;
      }
    }
  }

  /** The row of {@code height}, holding its block. */
  Stored at(long height) throws SQLException, LedgerReadException {
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS + " AND \"sequence_number\" = ?")) {
      statement.setString(1, persistenceId);
      statement.setLong(2, height + 1);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new LedgerReadException("no block at height " + height + ": the highest stored height of channel '"
              + channel + "' is " + topHeight());
        }
        Stored stored = decode(row(rows));
        if (stored.block() == null) {
          throw new LedgerReadException("the row of height " + height + " holds no block: " + stored.problem());
        }
        return stored;
      }
    }
  }

  /** Every stored row from {@code height} on, in order, decoded. */
  void forEachFrom(long height, Visitor visitor) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        COLUMNS + " AND \"sequence_number\" > ? ORDER BY \"sequence_number\"")) {
      statement.setFetchSize(FETCH_SIZE);
      statement.setString(1, persistenceId);
      statement.setLong(2, height);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          visitor.visit(decode(row(rows)));
        }
      }
    }
  }

  /** The error for a channel without rows: most often a mistyped channel, so it lists the channels there are. */
  static LedgerReadException noBlocks(Connection connection, String channel) throws SQLException {
    List<String> channels = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT DISTINCT \"persistence_id\" FROM \"event_journal\" ORDER BY \"persistence_id\"")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next() && channels.size() < MAX_CHANNELS_LISTED) {
          // Other entities may share the journal: keep the ids that are some channel's ledger.
          String id = rows.getString(1);
          String candidate = id.substring(id.indexOf('|') + 1);
          if (LedgerReplica.persistenceId(candidate).id().equals(id)) {
            channels.add(candidate);
          }
        }
      }
    }
    return new LedgerReadException("the journal holds no block of channel '" + channel + "'"
        + (channels.isEmpty() ? ", nor of any other" : "; it holds channel " + String.join(", ", channels)));
  }

  private static JournalRow row(ResultSet rows) throws SQLException {
    return new JournalRow(rows.getLong(1), rows.getBoolean(2), rows.getString(3), rows.getBytes(4));
  }

  private static Stored decode(JournalRow row) {
    long height = row.sequenceNumber() - 1;
    if (!BlockAppended.MANIFEST.equals(row.manifest())) {
      return new Stored(height, null, "its manifest is '" + row.manifest() + "', not '" + BlockAppended.MANIFEST + "'",
          row.deleted());
    }
    try {
      return new Stored(height, Block.fromBytes(row.payload()), null, row.deleted());
    } catch (CanonicalFormatException e) {
      return new Stored(height, null, "it does not decode: " + e.getMessage(), row.deleted());
    }
  }
}
