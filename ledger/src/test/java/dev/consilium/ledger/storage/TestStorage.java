package dev.consilium.ledger.storage;

import akka.actor.BootstrapSetup;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Configs and ActorSystems the way a member builds them, on a data directory of the test's own. */
final class TestStorage {
  private static final Config LOGGING = ConfigFactory.parseString(
      "akka.loggers = [\"akka.event.slf4j.Slf4jLogger\"]\n"
          + "akka.logging-filter = \"akka.event.slf4j.Slf4jLoggingFilter\"\n"
          + "akka.loglevel = INFO\n");

  private TestStorage() {}

  /** Loaded explicitly: ActorTestKit's own default would read application-test.conf instead. */
  static Config config(File dataDir) {
    return config(dataDir, ConfigFactory.empty());
  }

  static Config config(File dataDir, Config overrides) {
    return LedgerStorage.configure(overrides
        .withFallback(ConfigFactory.parseMap(Map.of("consilium.data-dir", dataDir.getAbsolutePath())))
        .withFallback(LOGGING));
  }

  /** conf/persistence-postgres.conf, as shipped, beside this module. */
  static File postgresConf() {
    Path module = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    return module.resolveSibling("conf").resolve("persistence-postgres.conf").toFile();
  }

  /**
   * conf/persistence-postgres.conf pointed at CONSILIUM_TEST_POSTGRES_URL, _USER and _PASSWORD, or null
   * when no test database is given. Not CONSILIUM_DB_URL: a member's real database must stay untouched.
   */
  static Config postgresConfigFromEnvironment() {
    String url = System.getenv("CONSILIUM_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    Map<String, String> database = Map.of(
        StorageSettings.URL, url,
        StorageSettings.USER, System.getenv().getOrDefault("CONSILIUM_TEST_POSTGRES_USER", "consilium"),
        StorageSettings.PASSWORD, System.getenv().getOrDefault("CONSILIUM_TEST_POSTGRES_PASSWORD", ""));
    return LedgerStorage.configure(ConfigFactory.parseMap(database)
        .withFallback(ConfigFactory.parseFile(postgresConf(), ConfigParseOptions.defaults().setAllowMissing(false)))
        .withFallback(LOGGING));
  }

  static CanonicalTypes types() {
    return CanonicalTypes.builder()
        .register(Counted.MANIFEST, Counted.class, Counted::readFrom)
        .register(Tally.MANIFEST, Tally.class, Tally::readFrom)
        .build();
  }

  /** An ActorSystem with our storage: the start-up order a member follows. */
  static ActorTestKit start(String name, Config config) {
    LedgerStorage.start(config);
    return startWithoutSchema(name, config);
  }

  static ActorTestKit startWithoutSchema(String name, Config config) {
    ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(config)).and(types());
    return ActorTestKit.create(ActorSystem.create(Behaviors.empty(), name, setup));
  }
}
