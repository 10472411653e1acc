package dev.consilium.ledger.storage;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A database the ledger can store its journal in, and what akka-persistence-jdbc needs to reach it. */
public enum Dialect {
  H2("h2", "slick.jdbc.H2Profile$", "org.h2.Driver", "jdbc:h2:"),
  POSTGRES("postgres", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "jdbc:postgresql:");

  private final String configName;
  private final String slickProfile;
  private final String driver;
  private final String urlPrefix;

  Dialect(String configName, String slickProfile, String driver, String urlPrefix) {
    this.configName = configName;
    this.slickProfile = slickProfile;
    this.driver = driver;
    this.urlPrefix = urlPrefix;
  }

  /** The dialect called {@code name} in configuration, if any. */
  public static Optional<Dialect> fromConfigName(String name) {
    return Arrays.stream(values()).filter(d -> d.configName.equals(name)).findFirst();
  }

  /** The names accepted by {@link #fromConfigName}, for error messages. */
  public static String configNames() {
    return Arrays.stream(values()).map(d -> d.configName).collect(Collectors.joining(", "));
  }

  public String configName() {
    return configName;
  }

  /** The Slick profile object that akka-persistence-jdbc must use for this database. */
  public String slickProfile() {
    return slickProfile;
  }

  /** The JDBC driver class for this database. */
  public String driver() {
    return driver;
  }

  /** How every JDBC URL of this database begins. */
  public String urlPrefix() {
    return urlPrefix;
  }

  /** Classpath resource holding our idempotent schema script for this database. */
  public String schemaResource() {
    return "consilium/schema/" + configName + ".sql";
  }
}
