package dev.consilium.roles.psi;

import com.typesafe.config.Config;
import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.mpc.psi.PsiPoints;

/**
 * A member's PSI settings, {@code consilium.psi.*} (defaults in the roles' reference.conf), checked once when
 * built: a bad value fails with a message naming the setting. The chunk size, window and session deadline a
 * leader uses travel in its invitation; an invited member accepts them only up to its own.
 *
 * @param chunkPoints points per chunk message (32 bytes each); the most this member accepts when invited
 * @param maxInFlightChunks chunks sent and not yet settled, per transfer; the most this member accepts
 * @param maxIds ids one party may bring to a session
 * @param maxParties parties in one session, the leader included
 * @param maxSessions sessions this member takes part in at once, as leader or not
 * @param inviteTimeoutMs how long a leader waits for every party to accept, and an invited member for its
 *     policy to answer
 * @param chunkTimeoutMs how long a chunk may go unanswered before the session ends as timed out
 * @param sessionTimeoutMs the longest a session may take from invitation to result
 * @param retryIntervalMs how often unanswered messages are sent again (messages are at most once); chunks
 *     wait longer, see {@link #chunkRetryMs()}
 */
public record PsiSettings(int chunkPoints, int maxInFlightChunks, int maxIds, int maxParties, int maxSessions,
    long inviteTimeoutMs, long chunkTimeoutMs, long sessionTimeoutMs, long retryIntervalMs) {
  private static final String PATH = "consilium.psi.";
  /** Room for a chunk message's other fields and its CBOR framing, below Artery's frame size. */
  static final int MESSAGE_OVERHEAD_BYTES = 4_096;
  private static final String FRAME_SIZE = "akka.remote.artery.advanced.maximum-frame-size";

  public PsiSettings {
    requireBetween("chunk-points", chunkPoints, 1, 1 << 16);
    requireBetween("max-in-flight-chunks", maxInFlightChunks, 1, 1_024);
    requireBetween("max-ids", maxIds, 0, 100_000_000);
    requireBetween("max-parties", maxParties, 2, SessionOutcome.MAX_PARTICIPANTS);
    requireBetween("max-sessions", maxSessions, 1, 100_000);
    requireBetween("invite-timeout-ms", inviteTimeoutMs, 1, 24L * 3_600_000);
    requireBetween("chunk-timeout-ms", chunkTimeoutMs, 1, 24L * 3_600_000);
    requireBetween("session-timeout-ms", sessionTimeoutMs, 1, 7L * 24 * 3_600_000);
    requireBetween("retry-interval-ms", retryIntervalMs, 1, 3_600_000);
    if (retryIntervalMs >= chunkTimeoutMs) {
      throw new IllegalArgumentException(PATH + "retry-interval-ms (" + retryIntervalMs + ") must be below "
          + PATH + "chunk-timeout-ms (" + chunkTimeoutMs + "), or a lost chunk is never sent again in time");
    }
    if (inviteTimeoutMs > sessionTimeoutMs) {
      throw new IllegalArgumentException(PATH + "invite-timeout-ms (" + inviteTimeoutMs + ") must not exceed "
          + PATH + "session-timeout-ms (" + sessionTimeoutMs + ")");
    }
  }

  /**
   * The settings under {@code consilium.psi}; also checks that a chunk fits Artery's frame size
   * ({@value #FRAME_SIZE}) when the config sets one.
   */
  public static PsiSettings fromConfig(Config config) {
    PsiSettings settings = new PsiSettings(config.getInt(PATH + "chunk-points"),
        config.getInt(PATH + "max-in-flight-chunks"), config.getInt(PATH + "max-ids"),
        config.getInt(PATH + "max-parties"), config.getInt(PATH + "max-sessions"),
        config.getLong(PATH + "invite-timeout-ms"), config.getLong(PATH + "chunk-timeout-ms"),
        config.getLong(PATH + "session-timeout-ms"), config.getLong(PATH + "retry-interval-ms"));
    if (config.hasPath(FRAME_SIZE)) {
      long frameBytes = config.getBytes(FRAME_SIZE);
      long messageBytes = settings.chunkBytes() + MESSAGE_OVERHEAD_BYTES;
      if (messageBytes > frameBytes) {
        throw new IllegalArgumentException(PATH + "chunk-points (" + settings.chunkPoints() + ") makes chunk messages"
            + " of about " + messageBytes + " bytes, over " + FRAME_SIZE + " (" + frameBytes + " bytes)");
      }
    }
    return settings;
  }

  /**
   * How long a chunk goes unanswered before it is sent again: {@code retryIntervalMs}, but at least a quarter
   * of {@code chunkTimeoutMs}. Blinding a full chunk can take longer than the retry interval on a busy
   * member, and sending 128 KiB again every second while it works only costs bandwidth; a chunk actually
   * lost still gets three more tries before its deadline.
   */
  public long chunkRetryMs() {
    return Math.max(retryIntervalMs, chunkTimeoutMs / 4);
  }

  /** The bytes of points in a full chunk. */
  public long chunkBytes() {
    return (long) chunkPoints * PsiPoints.POINT_BYTES;
  }

  private static void requireBetween(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(PATH + name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
