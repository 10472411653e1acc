package dev.consilium.ledger.sequencer;

import com.typesafe.config.Config;
import dev.consilium.ledger.entry.Entry;
import java.time.Duration;

/**
 * When the block builder cuts a block: at {@code maxEntries} entries, before its entries pass
 * {@code maxBytes}, or {@code maxDelayMs} after the first entry of a block arrived, whichever comes first.
 * The byte bound keeps every block below the frame size of the network channel that replicates it.
 * Validated once, when read.
 */
public record BlockBuilderSettings(int maxEntries, long maxDelayMs, long maxBytes, int maxInFlight) {
  /** Under Artery's large-message frame (4 MiB in the runtime's wiring), with room for the message around it. */
  public static final long DEFAULT_MAX_BYTES = 3L << 20;
  /** A block must be able to hold the largest entry. */
  public static final long MIN_MAX_BYTES = Entry.MAX_PAYLOAD_BYTES + (64 << 10);

  /** Blocks sent to the replica and not yet answered; more overlap a replicated round trip with sealing. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1;

  public BlockBuilderSettings(int maxEntries, long maxDelayMs) {
    this(maxEntries, maxDelayMs, DEFAULT_MAX_BYTES, DEFAULT_MAX_IN_FLIGHT);
  }

  public BlockBuilderSettings {
    if (maxInFlight < 1 || maxInFlight > 64) {
      throw new IllegalArgumentException("consilium.ledger.block.max-in-flight must be in [1, 64], was " + maxInFlight);
    }
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException("consilium.ledger.block.max-bytes must be at least " + MIN_MAX_BYTES
          + " bytes (the largest entry), was " + maxBytes);
    }
    if (maxEntries < 1 || maxEntries > dev.consilium.ledger.block.Block.MAX_ENTRIES) {
      throw new IllegalArgumentException("consilium.ledger.block.max-entries must be in [1, "
          + dev.consilium.ledger.block.Block.MAX_ENTRIES + "], was " + maxEntries);
    }
    if (maxDelayMs < 1) {
      throw new IllegalArgumentException("consilium.ledger.block.max-delay must be at least 1 ms, was " + maxDelayMs);
    }
  }

  /** Reads {@code consilium.ledger.block.max-entries} and {@code max-delay}. */
  public static BlockBuilderSettings fromConfig(Config config) {
    Config block = config.getConfig("consilium.ledger.block");
    return new BlockBuilderSettings(block.getInt("max-entries"), block.getDuration("max-delay").toMillis(),
        block.getBytes("max-bytes"), block.getInt("max-in-flight"));
  }

  Duration maxDelay() {
    return Duration.ofMillis(maxDelayMs);
  }
}
