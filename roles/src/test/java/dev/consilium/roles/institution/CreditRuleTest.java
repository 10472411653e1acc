package dev.consilium.roles.institution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.Test;

public class CreditRuleTest {
  private final CreditRule fiveTimes = new CreditRule(500);

  @Test
  public void decide_exposureAtTheLimit_approves() {
    // 40,000 owed + 10,000 requested = 50,000 = 5 × 10,000 income.
    assertTrue(fiveTimes.decide(40_000_00, 10_000_00, 10_000_00).approved());
  }

  @Test
  public void decide_exposureOneCentAboveTheLimit_refuses() {
    CreditRule.Verdict verdict = fiveTimes.decide(40_000_00, 10_000_01, 10_000_00);
    assertFalse(verdict.approved());
    assertTrue(verdict.reason(), verdict.reason().contains("5.0"));
  }

  @Test
  public void decide_noIncome_refusesAnyLoan() {
    assertFalse(fiveTimes.decide(0, 1, 0).approved());
  }

  @Test
  public void decide_negativeDebtOrEmptyRequest_throws() {
    assertThrows(IllegalArgumentException.class, () -> fiveTimes.decide(-1, 100, 100));
    assertThrows(IllegalArgumentException.class, () -> fiveTimes.decide(0, 0, 100));
  }

  @Test
  public void decide_amountsThatWouldOverflow_throwInsteadOfWrapping() {
    assertThrows(ArithmeticException.class, () -> fiveTimes.decide(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 1));
  }

  @Test
  public void fromConfig_referenceDefault_isFiveTimesIncome() {
    assertEquals(500, CreditRule.fromConfig(ConfigFactory.load()).maxDebtToIncomeHundredths());
  }

  @Test
  public void fromConfig_zeroMultiple_namesTheSetting() {
    ConfigException e = assertThrows(ConfigException.class, () -> CreditRule.fromConfig(
        ConfigFactory.parseString(CreditRule.SETTING + " = 0").withFallback(ConfigFactory.load())));
    assertTrue(e.getMessage(), e.getMessage().contains(CreditRule.SETTING));
  }
}
