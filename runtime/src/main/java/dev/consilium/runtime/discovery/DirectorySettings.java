package dev.consilium.runtime.discovery;

import com.typesafe.config.Config;

/**
 * The directory's settings, from {@code consilium.discovery} (defaults in the runtime's reference.conf),
 * checked once when built: a bad value fails with a message naming the setting.
 *
 * @param lookupTimeoutMs how long a lookup waits for the Receptionist before answering "none found"
 * @param maxSubscribers how many actors may subscribe to lost members; one per protocol actor is typical
 */
public record DirectorySettings(long lookupTimeoutMs, int maxSubscribers) {
  private static final String PATH = "consilium.discovery.";

  public DirectorySettings {
    requireBetween("lookup-timeout-ms", lookupTimeoutMs, 1, 60_000);
    requireBetween("max-subscribers", maxSubscribers, 1, 100_000);
  }

  public static DirectorySettings fromConfig(Config config) {
    return new DirectorySettings(config.getLong(PATH + "lookup-timeout-ms"), config.getInt(PATH + "max-subscribers"));
  }

  private static void requireBetween(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(PATH + name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
