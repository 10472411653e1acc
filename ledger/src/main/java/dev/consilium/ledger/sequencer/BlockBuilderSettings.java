package dev.consilium.ledger.sequencer;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * When the block builder cuts a block: at {@code maxEntries} entries or {@code maxDelayMs} after the first
 * entry of a block arrived, whichever comes first. Validated once, when read.
 */
public record BlockBuilderSettings(int maxEntries, long maxDelayMs) {
  public BlockBuilderSettings {
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
    return new BlockBuilderSettings(block.getInt("max-entries"), block.getDuration("max-delay").toMillis());
  }

  Duration maxDelay() {
    return Duration.ofMillis(maxDelayMs);
  }
}
