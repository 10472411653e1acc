package dev.consilium.runtime.replication;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The replicated ledger's timing and batch settings ({@code consilium.ledger.replication}), checked once at
 * start-up; a bad value stops the node with an exception naming the setting.
 */
public record ReplicationSettings(
    long promiseTimeoutMs,
    long replicateRetryMs,
    long catchUpIntervalMs,
    long catchUpTimeoutMs,
    int catchUpBatchBlocks,
    long catchUpBatchBytes,
    long localAskTimeoutMs,
    long electionBackoffMs,
    long submitTimeoutMs,
    int submitAttempts) {
  public static final String SECTION = "consilium.ledger.replication";

  public ReplicationSettings {
    positive("promise-timeout", promiseTimeoutMs);
    positive("replicate-retry", replicateRetryMs);
    positive("catch-up-interval", catchUpIntervalMs);
    positive("catch-up-timeout", catchUpTimeoutMs);
    positive("catch-up-batch-blocks", catchUpBatchBlocks);
    positive("catch-up-batch-bytes", catchUpBatchBytes);
    positive("local-ask-timeout", localAskTimeoutMs);
    positive("election-backoff", electionBackoffMs);
    positive("submit-timeout", submitTimeoutMs);
    positive("submit-attempts", submitAttempts);
  }

  public static ReplicationSettings fromConfig(Config config) {
    Config section = config.getConfig(SECTION);
    return new ReplicationSettings(
        millis(section, "promise-timeout"),
        millis(section, "replicate-retry"),
        millis(section, "catch-up-interval"),
        millis(section, "catch-up-timeout"),
        section.getInt("catch-up-batch-blocks"),
        section.getBytes("catch-up-batch-bytes"),
        millis(section, "local-ask-timeout"),
        millis(section, "election-backoff"),
        millis(section, "submit-timeout"),
        section.getInt("submit-attempts"));
  }

  public Duration localAskTimeout() {
    return Duration.ofMillis(localAskTimeoutMs);
  }

  private static long millis(Config section, String key) {
    return section.getDuration(key).toMillis();
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new ConfigException.BadValue(SECTION + "." + key, "must be positive, was " + value);
    }
  }
}
