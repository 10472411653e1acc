package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.Test;

public class PsiSettingsTest {
  @Test
  public void fromConfig_referenceDefaults_fitArteryFrames() {
    PsiSettings settings = PsiSettings.fromConfig(ConfigFactory.load());
    assertEquals(4096, settings.chunkPoints());
    assertEquals(131_072, settings.chunkBytes());
    assertTrue(settings.chunkBytes() + PsiSettings.MESSAGE_OVERHEAD_BYTES
        <= ConfigFactory.load().getBytes("akka.remote.artery.advanced.maximum-frame-size"));
  }

  @Test
  public void fromConfig_chunkOverTheFrameSize_namesBothSettings() {
    Config config = ConfigFactory.parseMap(Map.of("consilium.psi.chunk-points", 9000)).withFallback(ConfigFactory.load());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiSettings.fromConfig(config));
    assertTrue(e.getMessage(), e.getMessage().startsWith("consilium.psi.chunk-points (9000)"));
    assertTrue(e.getMessage(), e.getMessage().contains("akka.remote.artery.advanced.maximum-frame-size"));
  }

  @Test
  public void constructor_badValues_nameTheSetting() {
    assertEquals("consilium.psi.chunk-points must be between 1 and 65536, was 0",
        assertThrows(IllegalArgumentException.class,
            () -> new PsiSettings(0, 4, 10, 4, 4, 1_000, 1_000, 10_000, 100)).getMessage());
    assertEquals("consilium.psi.max-parties must be between 2 and 256, was 1",
        assertThrows(IllegalArgumentException.class,
            () -> new PsiSettings(64, 4, 10, 1, 4, 1_000, 1_000, 10_000, 100)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new PsiSettings(64, 4, 10, 4, 4, 1_000, 1_000, 10_000, 1_000)).getMessage()
        .startsWith("consilium.psi.retry-interval-ms (1000) must be below consilium.psi.chunk-timeout-ms (1000)"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new PsiSettings(64, 4, 10, 4, 4, 20_000, 1_000, 10_000, 100)).getMessage()
        .startsWith("consilium.psi.invite-timeout-ms (20000) must not exceed"));
  }
}
