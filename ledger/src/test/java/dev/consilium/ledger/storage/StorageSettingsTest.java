package dev.consilium.ledger.storage;

import static dev.consilium.ledger.storage.MessageAssert.assertMentions;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.util.Map;
import org.junit.Test;

public class StorageSettingsTest {
  private static final String JOURNAL_URL = "akka-persistence-jdbc.shared-databases.slick.db.url";
  private static final File DATA_DIR = new File("/var/lib/consilium/bank-1");

  @Test
  public void defaults_h2FileUnderTheDataDirectory_andTheJournalOnTheSameUrl() {
    Config config = TestStorage.config(DATA_DIR);
    StorageSettings settings = StorageSettings.fromConfig(config);
    assertEquals(Dialect.H2, settings.dialect());
    assertEquals("jdbc:h2:file:/var/lib/consilium/bank-1/ledger;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        settings.url());
    assertEquals(settings.url(), config.getString(JOURNAL_URL));
    assertEquals("slick.jdbc.H2Profile$", config.getString("akka-persistence-jdbc.shared-databases.slick.profile"));
    assertEquals("jdbc-journal", config.getString("akka.persistence.journal.plugin"));
    assertEquals("jdbc-snapshot-store", config.getString("akka.persistence.snapshot-store.plugin"));
  }

  @Test
  public void postgresConf_parsesIntoValidPostgresSettings() {
    File file = TestStorage.postgresConf();
    assertTrue("missing " + file, file.isFile());
    Config config = LedgerStorage.configure(ConfigFactory.parseFile(file,
        ConfigParseOptions.defaults().setAllowMissing(false)));
    StorageSettings settings = StorageSettings.fromConfig(config);
    assertEquals(Dialect.POSTGRES, settings.dialect());
    assertTrue(settings.url(), settings.url().startsWith("jdbc:postgresql://"));
    assertEquals("slick.jdbc.PostgresProfile$",
        config.getString("akka-persistence-jdbc.shared-databases.slick.profile"));
    assertEquals("org.postgresql.Driver", config.getString("akka-persistence-jdbc.shared-databases.slick.db.driver"));
    assertEquals(settings.url(), config.getString(JOURNAL_URL));
  }

  @Test
  public void fromConfig_unknownDialect_throwsNamingTheSetting() {
    ConfigException e = assertBad(Map.of(StorageSettings.DIALECT, "sqlite"));
    assertMentions(e, StorageSettings.DIALECT, "sqlite", "h2, postgres");
  }

  @Test
  public void fromConfig_urlOfAnotherDatabase_throwsNamingTheSetting() {
    ConfigException e = assertBad(Map.of(StorageSettings.URL, "jdbc:mysql://localhost/ledger"));
    assertMentions(e, StorageSettings.URL, "jdbc:mysql://localhost/ledger", "jdbc:h2:");
  }

  @Test
  public void fromConfig_postgresDialectWithH2Profile_throwsNamingTheProfile() {
    ConfigException e = assertBad(Map.of(StorageSettings.DIALECT, "postgres",
        StorageSettings.URL, "jdbc:postgresql://localhost/ledger"));
    assertMentions(e, StorageSettings.SLICK_PROFILE, "slick.jdbc.PostgresProfile$");
  }

  @Test
  public void configure_winsOverTheMembersAkkaSide() {
    Config config = TestStorage.config(DATA_DIR,
        ConfigFactory.parseMap(Map.of(JOURNAL_URL, "jdbc:h2:mem:x")));
    assertEquals(StorageSettings.fromConfig(config).url(),
        config.getString(JOURNAL_URL));
  }

  @Test
  public void fromConfig_journalOnAnotherUrlAfterConfigure_throwsNamingBoth() {
    Config config =
        ConfigFactory.parseMap(Map.of(JOURNAL_URL, "jdbc:h2:mem:x")).withFallback(TestStorage.config(DATA_DIR));
    ConfigException e = assertThrows(ConfigException.class, () -> StorageSettings.fromConfig(config));
    assertMentions(e, JOURNAL_URL, StorageSettings.URL, "jdbc:h2:mem:x");
  }

  @Test
  public void fromConfig_configNotThroughConfigure_throwsNamingThePlugin() {
    Config plain = ConfigFactory.load();
    ConfigException e = assertThrows(ConfigException.class, () -> StorageSettings.fromConfig(plain));
    assertMentions(e, "akka.persistence.journal.plugin", "LedgerStorage.configure");
  }

  @Test
  public void fromConfig_renamedJournalTable_throwsNamingIt() {
    ConfigException e = assertBad(Map.of("jdbc-journal.tables.event_journal.tableName", "journal2"));
    assertMentions(e, "jdbc-journal.tables.event_journal.tableName", "journal2");
  }

  @Test
  public void fromConfig_noConnections_throwsNamingTheSetting() {
    assertMentions(assertBad(Map.of(StorageSettings.MAX_CONNECTIONS, 0)), StorageSettings.MAX_CONNECTIONS);
  }

  @Test
  public void messages_neverShowThePassword() {
    ConfigException e = assertBad(Map.of(StorageSettings.URL, "jdbc:mysql://db/ledger?user=a&password=hunter2"));
    assertFalse(e.getMessage(), e.getMessage().contains("hunter2"));
    StorageSettings settings = StorageSettings.fromConfig(TestStorage.config(DATA_DIR,
        ConfigFactory.parseMap(Map.of(StorageSettings.PASSWORD, "hunter2"))));
    assertFalse(settings.toString(), settings.toString().contains("hunter2"));
  }

  private static ConfigException assertBad(Map<String, ?> overrides) {
    Config config = TestStorage.config(DATA_DIR, ConfigFactory.parseMap(overrides));
    return assertThrows(ConfigException.class, () -> StorageSettings.fromConfig(config));
  }
}
