package dev.consilium.simulator.cli.ledger;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.storage.Dialect;
import dev.consilium.ledger.storage.LedgerStorage;
import dev.consilium.ledger.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the ledger copy is, for the commands that read one: {@code --data DIR}, a member's data directory
 * or a copy of it, whose H2 database is opened read-only; or {@code --jdbc URL} for another database, such
 * as PostgreSQL. And which channel's ledger to read.
 */
final class LedgerSource {
  // H2's code for a database file locked by another process (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1).
  private static final int H2_DATABASE_IN_USE = 90020;
  private static final String H2_FILE_PREFIX = "jdbc:h2:file:";
  private static final String H2_FILE_SUFFIX = ".mv.db";
  // Read-only; never create an empty database where the user mistyped a directory; and no trace file
  // written next to the database when a query fails.
  private static final String H2_READ_ONLY = ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";

  @Option(names = "--data", paramLabel = "DIR",
      description = "A member's data directory, or a copy of it; its H2 database is opened read-only.")
  Path dataDir;

  @Option(names = "--jdbc", paramLabel = "URL",
      description = "The ledger database's JDBC URL instead, e.g. jdbc:postgresql://host/consilium.")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER", description = "Database user, with --jdbc.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
      description = "Database password, with --jdbc; given without a value, it is asked for.")
  char[] password;

  @Option(names = "--channel", paramLabel = "NAME", defaultValue = "main",
      description = "The channel whose ledger to read (default: ${DEFAULT-VALUE}).")
  String channel;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  String channel() {
    return channel;
  }

  /**
   * Opens the copy for reading: read-only, and outside auto-commit so that PostgreSQL streams rows at the
   * reader's fetch size instead of loading the whole journal. A wrong combination of options is a usage error.
   */
  Connection open() throws LedgerReadException {
    if (dataDir == null && jdbcUrl == null) {
      throw usage("give --data DIR (a member's data directory) or --jdbc URL");
    }
    if (dataDir != null && jdbcUrl != null) {
      throw usage("--data and --jdbc are alternatives: give one");
    }
    if (dataDir != null && (user != null || password != null)) {
      throw usage("--user and --password go with --jdbc; --data opens the H2 copy with the member's settings");
    }
    Connection connection = dataDir != null ? openH2Copy() : openJdbc();
    try {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new LedgerReadException("cannot open the ledger database read-only: " + firstLine(e));
    }
  }

  private Connection openH2Copy() throws LedgerReadException {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new LedgerReadException(dir + " is not a directory");
    }
    if (dir.toString().indexOf(';') >= 0) {
      // H2 would read what follows the ';' as settings of its URL, some of which run code.
      throw new LedgerReadException("cannot open a directory whose path holds ';': " + dir);
    }
    StorageSettings settings = settings(dir);
    String fileUrl = h2FileUrl(settings);
    Path database = Path.of(fileUrl.substring(H2_FILE_PREFIX.length()) + H2_FILE_SUFFIX);
    if (!Files.isRegularFile(database)) {
      throw new LedgerReadException("no ledger database in " + dir + ": " + database.getFileName()
          + " is missing (--data takes a member's data directory)");
    }
    try {
      return DriverManager.getConnection(fileUrl + H2_READ_ONLY, settings.user(), settings.password());
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_DATABASE_IN_USE) {
        throw new LedgerReadException(database + " is in use, probably by a running member;"
            + " copy the directory and read the copy");
      }
      throw new LedgerReadException("cannot open " + database + ": " + firstLine(e));
    }
  }

  /**
   * The member's own H2 URL, from the ledger's settings, so the file name is defined in one place; its
   * options (write delay, close on exit) concern writers and are dropped.
   */
  private static String h2FileUrl(StorageSettings settings) throws LedgerReadException {
    String url = settings.url();
    if (settings.dialect() != Dialect.H2 || !url.startsWith(H2_FILE_PREFIX)) {
      throw new LedgerReadException("--data reads an H2 file, but " + StorageSettings.URL
          + " is not one here (dialect " + settings.dialect().configName() + "); use --jdbc");
    }
    int options = url.indexOf(';');
    return options < 0 ? url : url.substring(0, options);
  }

  private static StorageSettings settings(Path dir) throws LedgerReadException {
    try {
      // Unresolved, so that the data directory is in place before reference.conf's URL is resolved.
      return StorageSettings.fromConfig(LedgerStorage.configure(
          ConfigFactory.parseMap(Map.of("consilium.data-dir", dir.toString()))));
    } catch (ConfigException e) {
      throw new LedgerReadException("the ledger's storage settings are invalid: " + e.getMessage());
    }
  }

  private Connection openJdbc() throws LedgerReadException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", new String(password));
    }
    try {
      return DriverManager.getConnection(jdbcUrl, properties);
    } catch (SQLException e) {
      // The URL is not repeated: it may carry a password.
      throw new LedgerReadException("cannot connect to the --jdbc database: " + firstLine(e));
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  /** The part of a database error a user reads; H2 appends the statement on the following lines. */
  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.endsWith("; SQL statement:") ? first.substring(0, first.length() - "; SQL statement:".length()) : first;
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Already failing with a clearer message.
    }
  }
}
