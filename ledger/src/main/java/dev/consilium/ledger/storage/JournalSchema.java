package dev.consilium.ledger.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables akka-persistence-jdbc 5.1's default DAOs use ({@code event_journal}, {@code event_tag},
 * {@code snapshot}) with our own script for the configured dialect, over plain JDBC, before the ActorSystem
 * starts. Every statement is idempotent, so it runs at every start-up. We do not use the plugin's
 * {@code SchemaUtils}: it is test-only, logs SQL errors at DEBUG and carries on, and its H2 script fails on
 * a second run; a journal without its tables would only fail later, at the first persist or recovery.
 */
public final class JournalSchema {
  private static final Logger log = LoggerFactory.getLogger(JournalSchema.class);

  private JournalSchema() {}

  /**
   * Runs the dialect's schema script. Any SQL error stops here with a {@link JournalSchemaException} naming
   * the URL, the statement and the database's message; start-up must not go on.
   */
  public static void create(StorageSettings settings) {
    String resource = settings.dialect().schemaResource();
    execute(settings, resource, statements(readResource(resource)));
  }

  /** The seam for tests: runs {@code statements} as {@link #create} runs the script's. */
  static void execute(StorageSettings settings, String source, List<String> statements) {
    String url = Redaction.url(settings.url());
    try (Connection connection = connect(settings, url); Statement jdbc = connection.createStatement()) {
      for (int i = 0; i < statements.size(); i++) {
        String statement = statements.get(i);
        try {
          jdbc.execute(statement);
        } catch (SQLException e) {
          throw new JournalSchemaException("schema statement " + (i + 1) + " of " + statements.size()
              + " in " + source + " failed on " + url + ": " + describe(e) + "; statement: " + statement,
              statement, e);
        }
      }
    } catch (SQLException e) {
      // Creating or closing the statement or connection: not one of the script's statements.
      throw new JournalSchemaException("the schema connection to " + url + " failed: " + describe(e), null, e);
    }
    log.info("Journal schema ready: {} statements from {} on {}", statements.size(), source, url);
  }

  /** Splits a script into statements: each ends with ';' at the end of a line; '--' lines are dropped. */
  static List<String> statements(String script) {
    String withoutComments = script.lines()
        .filter(line -> !line.strip().startsWith("--"))
        .collect(Collectors.joining("\n"));
    return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  private static Connection connect(StorageSettings settings, String url) {
    try {
      // Loading the class registers the driver even where the JDBC service loader does not see it.
      Class.forName(settings.dialect().driver());
      return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    } catch (ClassNotFoundException e) {
      throw new JournalSchemaException("JDBC driver " + settings.dialect().driver() + " for "
          + StorageSettings.URL + " is not on the classpath", null, e);
    } catch (SQLException e) {
      throw new JournalSchemaException("cannot connect to " + StorageSettings.URL + " = " + url + " as user '"
          + settings.user() + "': " + describe(e), null, e);
    }
  }

  private static String describe(SQLException e) {
    return e.getMessage() + " (SQLState " + e.getSQLState() + ", error code " + e.getErrorCode() + ")";
  }

  private static String readResource(String resource) {
    try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema script " + resource, e);
    }
  }
}
