package dev.consilium.runtime.session;

import com.typesafe.config.Config;

/**
 * The session framework's settings, from {@code consilium.sessions} (defaults in the runtime's
 * reference.conf), checked once when built; a bad value fails with a message naming the setting.
 *
 * @param maxSessions sessions one coordinator or one participant actor holds at once; more are refused
 * @param maxPhases phases in one session
 * @param maxStepsPerSession steps in one session, counted over every phase's acting parties
 * @param maxPhaseTimeoutMs the longest deadline a phase may have
 * @param retryIntervalMs how often a coordinator asks again for steps not done yet (messages are at most once)
 * @param recordTimeoutMs how long one attempt to record an outcome on the ledger may take
 * @param recordAttempts attempts to record an outcome before the session ends unrecorded
 */
public record SessionSettings(int maxSessions, int maxPhases, int maxStepsPerSession, long maxPhaseTimeoutMs,
    long retryIntervalMs, long recordTimeoutMs, int recordAttempts) {
  private static final String PATH = "consilium.sessions.";

  public SessionSettings {
    requireBetween("max-sessions", maxSessions, 1, 1_000_000);
    requireBetween("max-phases", maxPhases, 1, 10_000);
    requireBetween("max-steps-per-session", maxStepsPerSession, 1, 1_000_000);
    requireBetween("max-phase-timeout-ms", maxPhaseTimeoutMs, 1, 24L * 3_600_000);
    requireBetween("retry-interval-ms", retryIntervalMs, 1, 3_600_000);
    requireBetween("record-timeout-ms", recordTimeoutMs, 1, 3_600_000);
    requireBetween("record-attempts", recordAttempts, 1, 100);
  }

  public static SessionSettings fromConfig(Config config) {
    return new SessionSettings(config.getInt(PATH + "max-sessions"), config.getInt(PATH + "max-phases"),
        config.getInt(PATH + "max-steps-per-session"), config.getLong(PATH + "max-phase-timeout-ms"),
        config.getLong(PATH + "retry-interval-ms"), config.getLong(PATH + "record-timeout-ms"),
        config.getInt(PATH + "record-attempts"));
  }

  private static void requireBetween(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(PATH + name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
