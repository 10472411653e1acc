package dev.consilium.runtime.session;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.typesafe.config.ConfigFactory;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.runtime.discovery.DirectorySettings;
import java.security.SecureRandom;
import java.util.List;
import org.junit.Test;

public class SessionSettingsTest {
  @Test
  public void fromConfig_referenceDefaults_valid() {
    SessionSettings sessions = SessionSettings.fromConfig(ConfigFactory.load());
    assertEquals(1024, sessions.maxSessions());
    assertEquals(1000, sessions.retryIntervalMs());
    assertEquals(3000, DirectorySettings.fromConfig(ConfigFactory.load()).lookupTimeoutMs());
  }

  @Test
  public void fromConfig_badValue_namesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionSettings.fromConfig(
        ConfigFactory.parseString("consilium.sessions.retry-interval-ms = 0").withFallback(ConfigFactory.load())));
    assertEquals("consilium.sessions.retry-interval-ms must be between 1 and 3600000, was 0", e.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> new DirectorySettings(5, 0));
    assertEquals("consilium.discovery.max-subscribers must be between 1 and 100000, was 0", d.getMessage());
  }

  @Test
  public void plan_actorOutsideParticipants_refusedNamingIt() {
    TestConsortium consortium = new TestConsortium(new SecureRandom());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionPlan.of("p-1", "tally",
        consortium.bankA.did, List.of(consortium.bankB.did), 1,
        PhasePlan.of("contribute", 1_000, List.of(consortium.bankC.did))));
    assertEquals("phase contribute of session p-1 names actors that are not participants: [" + consortium.bankC.did
        + "]", e.getMessage());
  }
}
