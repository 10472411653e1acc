package dev.consilium.roles.credit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.consilium.mpc.paillier.PaillierParameters;
import dev.consilium.roles.institution.CreditRule;

/**
 * An institution's credit desk settings, {@code consilium.institution.credit.*} (see reference.conf), checked
 * once at start-up: a bad value names its setting.
 */
public record DeskSettings(long inquiryTimeoutMs, double minContributorShare, long expireGraceMs, long tickIntervalMs,
    PaillierParameters paillier, long rotateEveryMs, long retainMs, int encrypterCache, CreditRule rule,
    boolean naiveBaseline) {
  private static final String PREFIX = "consilium.institution.credit.";

  public DeskSettings {
    positive("inquiry-timeout", inquiryTimeoutMs);
    positive("expire-grace", expireGraceMs);
    positive("tick-interval", tickIntervalMs);
    positive("paillier.rotate-every", rotateEveryMs);
    positive("paillier.retain", retainMs);
    positive("encrypter-cache", encrypterCache);
    if (!(minContributorShare > 0 && minContributorShare <= 1)) {
      throw new ConfigException.BadValue(PREFIX + "min-contributor-share", "must be in (0, 1], was "
          + minContributorShare);
    }
    if (retainMs < inquiryTimeoutMs + expireGraceMs) {
      throw new ConfigException.BadValue(PREFIX + "paillier.retain", "must cover an inquiry's timeout plus the"
          + " expire grace (" + (inquiryTimeoutMs + expireGraceMs) + " ms), was " + retainMs + " ms");
    }
  }

  public static DeskSettings fromConfig(Config config) {
    int bits = config.getInt(PREFIX + "paillier.modulus-bits");
    PaillierParameters paillier;
    try {
      paillier = PaillierParameters.forModulusBits(bits);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PREFIX + "paillier.modulus-bits", e.getMessage());
    }
    boolean naive = config.getBoolean(PREFIX + "naive-baseline");
    if (naive && !config.hasPath("consilium.simulation.member")) {
      // It gives every contribution away to the asker: a benchmark's yardstick, never a member's setting.
      throw new ConfigException.BadValue(PREFIX + "naive-baseline", "is only for benchmark simulations "
          + "(consilium.simulation.member set); it lets the asker read every bank's amount");
    }
    return new DeskSettings(millis(config, "inquiry-timeout"), config.getDouble(PREFIX + "min-contributor-share"),
        millis(config, "expire-grace"), millis(config, "tick-interval"), paillier,
        millis(config, "paillier.rotate-every"), millis(config, "paillier.retain"),
        config.getInt(PREFIX + "encrypter-cache"), CreditRule.fromConfig(config), naive);
  }

  /** The minimum number of contributors for an inquiry among {@code participants}. */
  public int minContributors(int participants) {
    return Math.max(1, Math.min(participants, (int) Math.ceil(minContributorShare * participants - 1e-9)));
  }

  private static long millis(Config config, String key) {
    return config.getDuration(PREFIX + key).toMillis();
  }

  private static void positive(String key, long value) {
    if (value < 1) {
      throw new ConfigException.BadValue(PREFIX + key, "must be positive, was " + value);
    }
  }
}
