package dev.consilium.runtime.session;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.session.SessionOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class ReasonsTest {
  @Test
  public void fit_shortReason_unchangedButControlCharactersBecomeSpaces() {
    assertEquals("late", Reasons.fit("late"));
    assertEquals("a b c", Reasons.fit("a\nb\u0000c"));
    assertEquals("lone   surrogate", Reasons.fit("lone \ud800 surrogate"));
  }

  @Test
  public void fit_longMultiByteReason_cutAtCharacterWithinTheLedgersBound() {
    String fitted = Reasons.fit("\u00e9".repeat(400)); // 800 bytes
    int bytes = fitted.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes + " bytes", bytes <= SessionOutcome.MAX_REASON_BYTES);
    assertTrue(fitted.endsWith("\u00e9…"));
    assertEquals(254 * 2 + 3, bytes); // as many 2-byte characters as fit before the 3-byte ellipsis
  }
}
