package dev.consilium.roles.credit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.Test;

public class DeskSettingsTest {
  @Test
  public void defaults_readFromReferenceConf() {
    DeskSettings settings = DeskSettings.fromConfig(ConfigFactory.load());
    assertEquals(10_000, settings.inquiryTimeoutMs());
    assertFalse(settings.naiveBaseline());
    assertEquals("half of 4, rounded up", 2, settings.minContributors(4));
    assertEquals("half of 5, rounded up", 3, settings.minContributors(5));
    assertEquals("at least one", 1, settings.minContributors(1));
  }

  @Test
  public void badValues_nameTheirSetting() {
    ConfigException.BadValue share = assertThrows(ConfigException.BadValue.class, () -> DeskSettings.fromConfig(
        ConfigFactory.parseString("consilium.institution.credit.min-contributor-share = 1.5")
            .withFallback(ConfigFactory.load())));
    assertTrue(share.getMessage(), share.getMessage().contains("min-contributor-share"));
    ConfigException.BadValue retain = assertThrows(ConfigException.BadValue.class, () -> DeskSettings.fromConfig(
        ConfigFactory.parseString("consilium.institution.credit.paillier.retain = 1s")
            .withFallback(ConfigFactory.load())));
    assertTrue(retain.getMessage(), retain.getMessage().contains("paillier.retain"));
  }

  @Test
  public void naiveBaseline_isRefusedOutsideASimulation() {
    ConfigException.BadValue naive = assertThrows(ConfigException.BadValue.class, () -> DeskSettings.fromConfig(
        ConfigFactory.parseString("consilium.institution.credit.naive-baseline = on")
            .withFallback(ConfigFactory.load())));
    assertTrue(naive.getMessage(), naive.getMessage().contains("only for benchmark simulations"));
    assertTrue(DeskSettings.fromConfig(ConfigFactory.parseString("consilium.institution.credit.naive-baseline = on\n"
        + "consilium.simulation.member = bank-1").withFallback(ConfigFactory.load())).naiveBaseline());
  }
}
