package dev.consilium.runtime.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.consilium.ledger.storage.LedgerStorage;
import java.util.Objects;

/**
 * A member's complete config: its own settings under the cluster wiring ({@code consilium/cluster.conf}:
 * cluster provider, Split Brain Resolver, large-message channel) and the ledger's storage wiring. The wiring
 * wins over the member's settings; a member changes what it may through {@code consilium.*} and its own
 * cluster settings (host, port, seed nodes, roles).
 */
public final class ClusterWiring {
  static final String WIRING = "consilium/cluster.conf";

  private ClusterWiring() {}

  /** {@code memberConfig} may be unresolved; the result is resolved over every reference.conf. */
  public static Config configure(Config memberConfig) {
    Objects.requireNonNull(memberConfig, "memberConfig");
    Config wiring = ConfigFactory.parseResources(ClusterWiring.class.getClassLoader(), WIRING,
        ConfigParseOptions.defaults().setAllowMissing(false));
    return LedgerStorage.configure(wiring.withFallback(memberConfig));
  }
}
