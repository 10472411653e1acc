package dev.consilium.ledger.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Objects;

/**
 * The ledger's storage settings, read from {@code consilium.ledger.storage} and checked once, before the
 * ActorSystem starts. Besides each value on its own, it checks that akka-persistence-jdbc will write to the
 * very tables {@link JournalSchema} creates: same database, same profile, the default table names, one
 * shared pool. Every failure is a {@link ConfigException} naming the setting.
 *
 * <p>Pass the config the ActorSystem gets, as {@link LedgerStorage#configure} returns it.
 */
public final class StorageSettings {
  public static final String SECTION = "consilium.ledger.storage";
  public static final String DIALECT = SECTION + ".dialect";
  public static final String URL = SECTION + ".url";
  public static final String USER = SECTION + ".user";
  public static final String PASSWORD = SECTION + ".password";
  public static final String SLICK_PROFILE = SECTION + ".slick-profile";
  public static final String DRIVER = SECTION + ".driver";
  public static final String MAX_CONNECTIONS = SECTION + ".max-connections";

  private static final String SHARED_DB = "akka-persistence-jdbc.shared-databases.slick";
  private static final String WIRED = "load the config through LedgerStorage.configure";

  private final Dialect dialect;
  private final String url;
  private final String user;
  private final String password;
  private final int maxConnections;

  private StorageSettings(Dialect dialect, String url, String user, String password, int maxConnections) {
    this.dialect = dialect;
    this.url = url;
    this.user = user;
    this.password = password;
    this.maxConnections = maxConnections;
  }

  /** Reads and checks the settings; throws {@link ConfigException} naming the first bad setting. */
  public static StorageSettings fromConfig(Config config) {
    Objects.requireNonNull(config, "config");
    Dialect dialect = readDialect(config);
    String url = config.getString(URL);
    if (!url.startsWith(dialect.urlPrefix())) {
      throw bad(config, URL, "'" + Redaction.url(url) + "' is not a " + dialect.configName()
          + " URL: it must begin with '" + dialect.urlPrefix() + "'");
    }
    requireValue(config, SLICK_PROFILE, dialect.slickProfile(), "the profile of dialect " + dialect.configName());
    requireValue(config, DRIVER, dialect.driver(), "the driver of dialect " + dialect.configName());
    requireOnClasspath(config, DRIVER);
    int maxConnections = config.getInt(MAX_CONNECTIONS);
    if (maxConnections < 1) {
      throw bad(config, MAX_CONNECTIONS, "must be at least 1, was " + maxConnections);
    }
    StorageSettings settings = new StorageSettings(
        dialect, url, config.getString(USER), config.getString(PASSWORD), maxConnections);
    settings.requirePersistenceUsesThisDatabase(config);
    return settings;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL. It may hold credentials: log {@link #toString()} instead. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The database password; never logged or put in a message. */
  public String password() {
    return password;
  }

  public int maxConnections() {
    return maxConnections;
  }

  @Override
  public String toString() {
    return "StorageSettings[dialect=" + dialect.configName() + ", url=" + Redaction.url(url) + ", user=" + user
        + ", maxConnections=" + maxConnections + "]";
  }

  private static Dialect readDialect(Config config) {
    String name = config.getString(DIALECT);
    return Dialect.fromConfigName(name).orElseThrow(() -> bad(config, DIALECT,
        "unknown dialect '" + name + "': expected one of " + Dialect.configNames()));
  }

  /**
   * The schema is created on {@link #url}; the journal must not write anywhere else. {@link
   * LedgerStorage#configure} sets the Akka side from our section, so a mismatch means that the config did
   * not go through it, or that something overrode the Akka side afterwards.
   */
  private void requirePersistenceUsesThisDatabase(Config config) {
    requireValue(config, "akka.persistence.journal.plugin", "jdbc-journal", WIRED);
    requireValue(config, "akka.persistence.snapshot-store.plugin", "jdbc-snapshot-store", WIRED);
    for (String plugin : new String[] {"jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal"}) {
      requireValue(config, plugin + ".use-shared-db", "slick", WIRED);
    }
    requireValue(config, SHARED_DB + ".profile", dialect.slickProfile(), "from " + SLICK_PROFILE);
    requireValue(config, SHARED_DB + ".db.driver", dialect.driver(), "from " + DRIVER);
    requireSame(config, SHARED_DB + ".db.url", url, URL);
    requireSame(config, SHARED_DB + ".db.user", user, USER);
    if (!config.getString(SHARED_DB + ".db.password").equals(password)) {
      throw bad(config, SHARED_DB + ".db.password", "differs from " + PASSWORD);
    }
    requireDefaultTable(config, "jdbc-journal.tables.event_journal", "event_journal");
    requireDefaultTable(config, "jdbc-journal.tables.event_tag", "event_tag");
    requireDefaultTable(config, "jdbc-snapshot-store.tables.snapshot", "snapshot");
  }

  /** Our schema scripts create the default tables in the connection's default schema, nothing else. */
  private static void requireDefaultTable(Config config, String path, String table) {
    requireValue(config, path + ".tableName", table, "the table our schema script creates");
    requireValue(config, path + ".schemaName", "", "our schema script uses the connection's default schema");
  }

  private static void requireValue(Config config, String path, String expected, String because) {
    String actual = config.getString(path);
    if (!actual.equals(expected)) {
      throw bad(config, path, "is '" + actual + "' but must be '" + expected + "' (" + because + ")");
    }
  }

  /** Like {@link #requireValue}, for values that may hold credentials. */
  private static void requireSame(Config config, String path, String expected, String source) {
    String actual = config.getString(path);
    if (!actual.equals(expected)) {
      throw bad(config, path, "is '" + Redaction.url(actual) + "' but must equal " + source + " = '"
          + Redaction.url(expected) + "'");
    }
  }

  private static void requireOnClasspath(Config config, String path) {
    String className = config.getString(path);
    try {
      Class.forName(className, false, StorageSettings.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw bad(config, path, "class '" + className + "' is not on the classpath");
    }
  }

  private static ConfigException bad(Config config, String path, String problem) {
    return new ConfigException.BadValue(config.getValue(path).origin(), path, problem);
  }
}
