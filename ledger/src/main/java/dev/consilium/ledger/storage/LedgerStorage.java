package dev.consilium.ledger.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.Objects;

/**
 * Start-up of the ledger's storage, in this order, before the ActorSystem exists:
 *
 * <pre>{@code
 * Config config = LedgerStorage.configure(ConfigFactory.load());
 * LedgerStorage.start(config);                      // settings checked, schema created, or it throws
 * ActorSystem.create(guardian, name,
 *     ActorSystemSetup.create(BootstrapSetup.create(config)).and(canonicalTypes));
 * }</pre>
 */
public final class LedgerStorage {
  static final String WIRING = "consilium/ledger-storage.conf";

  private LedgerStorage() {}

  /**
   * The member's config (resolved or not) with akka-persistence-jdbc wired to {@code
   * consilium.ledger.storage}: journal and snapshot plugins, one shared pool. The wiring wins over the
   * member's config; a member changes the database through {@code consilium.ledger.storage} only.
   */
  public static Config configure(Config memberConfig) {
    Objects.requireNonNull(memberConfig, "memberConfig");
    Config wiring = ConfigFactory.parseResources(LedgerStorage.class.getClassLoader(), WIRING,
        ConfigParseOptions.defaults().setAllowMissing(false));
    return ConfigFactory.load(wiring.withFallback(memberConfig));
  }

  /**
   * Checks the settings and creates the schema. Throws {@link com.typesafe.config.ConfigException} naming
   * a bad setting or {@link JournalSchemaException} naming the failed SQL; either must stop start-up.
   */
  public static StorageSettings start(Config configured) {
    StorageSettings settings = StorageSettings.fromConfig(configured);
    JournalSchema.create(settings);
    return settings;
  }
}
