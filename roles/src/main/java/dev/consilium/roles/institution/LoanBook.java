package dev.consilium.roles.institution;

import dev.consilium.mpc.signature.Ed25519PublicKey;
import dev.consilium.roles.customer.PseudonymKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An institution's own loan book: its customers' loans and what is outstanding on each, in an H2 file in
 * the member's data directory, never on the ledger (DESIGN §6). The credit inquiry reads one number from it
 * per customer: the total outstanding, zero when the customer has no loan here, so that absence is hidden.
 *
 * <p>Amounts are in cents and bounded by {@link #MAX_LOAN_CENTS} per loan and {@link #MAX_TOTAL_CENTS} per
 * customer, so that every bank's total, and the consortium's sum of them, fits a signed Paillier plaintext
 * with room to spare. Thread-safe: one connection, used under the book's lock.
 */
public final class LoanBook implements AutoCloseable {
  /** One loan: at most ten trillion (10¹³) cents. */
  public static final long MAX_LOAN_CENTS = 10_000_000_000_000L;
  /** One customer at one bank: at most 10¹⁵ cents. */
  public static final long MAX_TOTAL_CENTS = 1_000_000_000_000_000L;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  // Quoted lower-case names, as the ledger's schema does: H2 would otherwise fold them to upper case.
  private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS \"loan\" ("
      + "\"loan_id\" VARCHAR(64) PRIMARY KEY, "
      + "\"customer_id\" VARCHAR(64) NOT NULL, "
      + "\"outstanding_cents\" BIGINT NOT NULL CHECK (\"outstanding_cents\" >= 0))";
  private static final String INDEX =
      "CREATE INDEX IF NOT EXISTS \"loan_customer_idx\" ON \"loan\" (\"customer_id\")";
  // A customer's pseudonym under the consortium key, so an inquiry (which names only the pseudonym) finds
  // them, and the key they sign consents with, when they gave one.
  private static final String CUSTOMERS = "CREATE TABLE IF NOT EXISTS \"customer\" ("
      + "\"customer_id\" VARCHAR(64) PRIMARY KEY, "
      + "\"pseudonym\" BINARY(32) NOT NULL UNIQUE, "
      + "\"consent_key\" BINARY(32))";
  private static final String ADD_CUSTOMER = "MERGE INTO \"customer\" (\"customer_id\", \"pseudonym\") "
      + "KEY (\"customer_id\") VALUES (?, ?)";
  private static final String SET_CONSENT_KEY =
      "UPDATE \"customer\" SET \"consent_key\" = ? WHERE \"customer_id\" = ?";
  private static final String BY_PSEUDONYM =
      "SELECT \"customer_id\", \"consent_key\" FROM \"customer\" WHERE \"pseudonym\" = ?";
  private static final String UPSERT =
      "MERGE INTO \"loan\" (\"loan_id\", \"customer_id\", \"outstanding_cents\") KEY (\"loan_id\") VALUES (?, ?, ?)";
  private static final String TOTAL =
      "SELECT COALESCE(SUM(\"outstanding_cents\"), 0) FROM \"loan\" WHERE \"customer_id\" = ?";
  private static final String OWNER = "SELECT \"customer_id\" FROM \"loan\" WHERE \"loan_id\" = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM \"loan\"";

  private final Connection connection;
  private final Path file;
  private final PseudonymKey pseudonyms;

  private LoanBook(Connection connection, Path file, PseudonymKey pseudonyms) {
    this.connection = connection;
    this.file = file;
    this.pseudonyms = pseudonyms;
  }

  /** A customer found by pseudonym: who they are here, the key they sign consents with, and what they owe. */
  public record Holding(String customerId, Optional<Ed25519PublicKey> consentKey, long outstandingCents) {
    @Override
    public String toString() {
      return "Holding[customer on file]"; // the id and the amount stay out of logs
    }
  }

  /**
   * Opens (creating if needed) the loan book in {@code dataDir}, which finds customers by their pseudonym
   * under {@code pseudonyms}; fails naming the file if it cannot.
   */
  public static LoanBook open(Path dataDir, PseudonymKey pseudonyms) {
    Path base = dataDir.toAbsolutePath().normalize().resolve("loanbook");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new LoanBookException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
    }
    // WRITE_DELAY=0: a loan recorded is on disk when record() returns.
    String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0";
    try {
      Connection connection = DriverManager.getConnection(url, "sa", "");
      try (Statement statement = connection.createStatement()) {
        statement.execute(SCHEMA);
        statement.execute(INDEX);
        statement.execute(CUSTOMERS);
      }
      return new LoanBook(connection, base, pseudonyms);
    } catch (SQLException e) {
      throw new LoanBookException("cannot open the loan book " + base + ".mv.db: " + e.getMessage(), e);
    }
  }

  /**
   * Records loan {@code loanId} of {@code customerId} with {@code outstandingCents} still owed (replacing an
   * earlier figure for the same loan). Refuses, naming the value, an id that is not 1–64 characters of
   * [A-Za-z0-9._:-], an amount outside [0, MAX_LOAN_CENTS], a loan id that belongs to another customer, or a
   * change that would take the customer's total past MAX_TOTAL_CENTS; nothing is written then.
   */
  public synchronized void record(String customerId, String loanId, long outstandingCents) {
    requireId("customer id", customerId);
    requireId("loan id", loanId);
    if (outstandingCents < 0 || outstandingCents > MAX_LOAN_CENTS) {
      throw new IllegalArgumentException("loan " + loanId + ": outstanding amount " + outstandingCents
          + " cents is outside [0, " + MAX_LOAN_CENTS + "]");
    }
    try {
      String owner = ownerOf(loanId);
      if (owner != null && !owner.equals(customerId)) {
        throw new IllegalArgumentException("loan " + loanId + " belongs to another customer");
      }
      long others = outstandingCents(customerId) - (owner == null ? 0 : amountOf(loanId));
      if (others + outstandingCents > MAX_TOTAL_CENTS) {
        throw new IllegalArgumentException("loan " + loanId + " would take the customer's total past "
            + MAX_TOTAL_CENTS + " cents");
      }
      addCustomer(customerId);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        upsert.setString(1, loanId);
        upsert.setString(2, customerId);
        upsert.setLong(3, outstandingCents);
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new LoanBookException("cannot record loan " + loanId + " in " + file + ": " + e.getMessage(), e);
    }
  }

  /** What {@code customerId} owes this institution in all, in cents; 0 when it has no loan here. */
  public synchronized long outstandingCents(String customerId) {
    requireId("customer id", customerId);
    try (PreparedStatement total = connection.prepareStatement(TOTAL)) {
      total.setString(1, customerId);
      try (ResultSet row = total.executeQuery()) {
        row.next();
        long cents = row.getLong(1);
        // Asserted where it is read as where it was written.
        if (cents < 0 || cents > MAX_TOTAL_CENTS) {
          throw new LoanBookException("the loan book " + file + " holds a total of " + cents
              + " cents for one customer, outside [0, " + MAX_TOTAL_CENTS + "]", null);
        }
        return cents;
      }
    } catch (SQLException e) {
      throw new LoanBookException("cannot read the loan book " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Files the key {@code customerId} signs consents with (replacing an earlier one), so that this bank
   * answers inquiries about them only with their signed consent.
   */
  public synchronized void recordConsentKey(String customerId, Ed25519PublicKey key) {
    requireId("customer id", customerId);
    try {
      addCustomer(customerId);
      try (PreparedStatement update = connection.prepareStatement(SET_CONSENT_KEY)) {
        update.setBytes(1, key.toByteArray());
        update.setString(2, customerId);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new LoanBookException("cannot record a consent key in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The customer behind {@code pseudonym}, if this bank has them on file. */
  public synchronized Optional<Holding> findByPseudonym(byte[] pseudonym) {
    if (pseudonym.length != PseudonymKey.PSEUDONYM_BYTES) {
      throw new IllegalArgumentException("a pseudonym has " + PseudonymKey.PSEUDONYM_BYTES + " bytes, not "
          + pseudonym.length);
    }
    String customerId;
    byte[] key;
    try (PreparedStatement find = connection.prepareStatement(BY_PSEUDONYM)) {
      find.setBytes(1, pseudonym);
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        customerId = row.getString(1);
        key = row.getBytes(2);
      }
    } catch (SQLException e) {
      throw new LoanBookException("cannot read the loan book " + file + ": " + e.getMessage(), e);
    }
    Optional<Ed25519PublicKey> consentKey;
    try {
      consentKey = key == null ? Optional.empty() : Optional.of(Ed25519PublicKey.fromBytes(key));
    } catch (InvalidKeyException e) {
      throw new LoanBookException("the loan book " + file + " holds an invalid consent key: " + e.getMessage(), e);
    }
    return Optional.of(new Holding(customerId, consentKey, outstandingCents(customerId)));
  }

  /** The number of loans recorded. */
  public synchronized int loans() {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(COUNT)) {
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new LoanBookException("cannot read the loan book " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new LoanBookException("cannot close the loan book " + file + ": " + e.getMessage(), e);
    }
  }

  private void addCustomer(String customerId) throws SQLException {
    try (PreparedStatement add = connection.prepareStatement(ADD_CUSTOMER)) {
      add.setString(1, customerId);
      add.setBytes(2, pseudonyms.pseudonym(customerId));
      add.executeUpdate();
    }
  }

  private String ownerOf(String loanId) throws SQLException {
    try (PreparedStatement owner = connection.prepareStatement(OWNER)) {
      owner.setString(1, loanId);
      try (ResultSet row = owner.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private long amountOf(String loanId) throws SQLException {
    try (PreparedStatement amount = connection.prepareStatement(
        "SELECT \"outstanding_cents\" FROM \"loan\" WHERE \"loan_id\" = ?")) {
      amount.setString(1, loanId);
      try (ResultSet row = amount.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static void requireId(String what, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
    }
  }

  @Override
  public String toString() {
    return "LoanBook[" + file + "]";
  }
}
