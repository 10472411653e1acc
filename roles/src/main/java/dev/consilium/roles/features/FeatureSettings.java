package dev.consilium.roles.features;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.consilium.mpc.prg.PrgAlgorithm;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A member's shared-feature-learning settings, {@code consilium.features.*} (see reference.conf), checked once
 * at start-up: a bad value names its setting.
 */
public record FeatureSettings(Optional<Path> table, PrgAlgorithm prg, long lookupTimeoutMs, long lookupRetryMs,
    boolean allowPlainBaseline) {
  private static final String PREFIX = "consilium.features.";

  public FeatureSettings {
    if (lookupTimeoutMs < 1) {
      throw new ConfigException.BadValue(PREFIX + "lookup-timeout", "must be positive, was " + lookupTimeoutMs + " ms");
    }
    if (lookupRetryMs < 1) {
      throw new ConfigException.BadValue(PREFIX + "lookup-retry", "must be positive, was " + lookupRetryMs + " ms");
    }
  }

  public static FeatureSettings fromConfig(Config config) {
    String table = config.getString(PREFIX + "table").strip();
    PrgAlgorithm prg;
    try {
      prg = PrgAlgorithm.valueOf(config.getString(PREFIX + "prg"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PREFIX + "prg", "must be AES_128_CTR or CHACHA20, was "
          + config.getString(PREFIX + "prg"));
    }
    boolean plain = config.getBoolean(PREFIX + "allow-plain-baseline");
    if (plain && !config.hasPath("consilium.simulation.member")) {
      // It hands Z_i to the owner: a benchmark's yardstick, never a member's setting.
      throw new ConfigException.BadValue(PREFIX + "allow-plain-baseline", "is only for benchmark simulations "
          + "(consilium.simulation.member set); it shows the holder's Z_i to the task owner");
    }
    return new FeatureSettings(table.isEmpty() ? Optional.empty() : Optional.of(Path.of(table)), prg,
        config.getDuration(PREFIX + "lookup-timeout").toMillis(), config.getDuration(PREFIX + "lookup-retry").toMillis(),
        plain);
  }
}
