package dev.consilium.runtime.observer;

import com.typesafe.config.Config;
import java.util.Objects;

/**
 * The observer's settings, from {@code consilium.observer} (defaults in the runtime's reference.conf), checked
 * once when the node starts: a bad value fails with a message naming the setting.
 *
 * @param host the address to bind; loopback by default, as the API has no authentication of its own
 * @param port the port to bind, or 0 for no observer
 */
public record ObserverSettings(String host, int port) {
  private static final String PATH = "consilium.observer.";

  public ObserverSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(PATH + "port must be between 0 (off) and 65535, was " + port);
    }
    if (port > 0 && host.isBlank()) {
      throw new IllegalArgumentException(PATH + "host must name an address to bind when " + PATH + "port is set");
    }
  }

  public static ObserverSettings fromConfig(Config config) {
    return new ObserverSettings(config.getString(PATH + "host"), config.getInt(PATH + "port"));
  }

  /** Whether a port is set, so that the observer is served. */
  public boolean enabled() {
    return port > 0;
  }
}
