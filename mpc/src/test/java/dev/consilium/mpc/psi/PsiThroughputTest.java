package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.Test;

/** The measurement's result, not its speed: it must run the protocol and find the overlap it built. */
public class PsiThroughputTest {
  @Test
  public void twoParties_findsTheBuiltOverlapInSeveralChunks() throws GeneralSecurityException {
    PsiThroughput.Measurement m = PsiThroughput.twoParties(300, 120, 64, new SecureRandom());
    assertEquals(300, m.itemsPerParty());
    assertEquals(120, m.expectedCommon());
    assertEquals(120, m.foundCommon());
    assertTrue(m.wallMs() >= 0);
    assertTrue(m.idsPerSecond() > 0);
  }

  @Test
  public void twoParties_noOverlapAndEmpty() throws GeneralSecurityException {
    assertEquals(0, PsiThroughput.twoParties(50, 0, 16, new SecureRandom()).foundCommon());
    assertEquals(0, PsiThroughput.twoParties(0, 0, 16, new SecureRandom()).foundCommon());
  }

  @Test
  public void twoParties_badCounts_throw() {
    assertThrows(IllegalArgumentException.class, () -> PsiThroughput.twoParties(10, 11, 16, new SecureRandom()));
    assertThrows(IllegalArgumentException.class, () -> PsiThroughput.twoParties(10, 1, 0, new SecureRandom()));
  }
}
