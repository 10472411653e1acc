package dev.consilium.roles.institution;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * An institution's credit decision from the consortium-wide total (DESIGN §6 step 6): refuse when what the
 * applicant already owes everywhere, plus the new loan, exceeds {@code maxDebtToIncome} times the declared
 * annual income. Integer arithmetic in cents and hundredths, so every member computes the same verdict.
 */
public record CreditRule(int maxDebtToIncomeHundredths) {
  public static final String SETTING = "consilium.institution.credit-rule.max-debt-to-income";

  /** The verdict and the figures it came from (for the report and the audit, never the raw amounts of others). */
  public record Verdict(boolean approved, String reason) {}

  public CreditRule {
    if (maxDebtToIncomeHundredths < 1 || maxDebtToIncomeHundredths > 10_000) {
      throw new IllegalArgumentException(SETTING + " must be in (0, 100], was " + maxDebtToIncomeHundredths / 100.0);
    }
  }

  /** Reads the multiple (for example 5.0) from {@code config}; a bad value names the setting. */
  public static CreditRule fromConfig(Config config) {
    double multiple = config.getDouble(SETTING);
    long hundredths = Math.round(multiple * 100);
    if (hundredths < 1 || hundredths > 10_000) {
      throw new ConfigException.BadValue(SETTING, "must be in (0, 100], was " + multiple);
    }
    return new CreditRule((int) hundredths);
  }

  /**
   * The decision for a new loan of {@code requestedCents} to an applicant who owes {@code totalDebtCents} in
   * all and declares {@code annualIncomeCents}.
   */
  public Verdict decide(long totalDebtCents, long requestedCents, long annualIncomeCents) {
    if (totalDebtCents < 0 || requestedCents <= 0 || annualIncomeCents < 0) {
      throw new IllegalArgumentException("debt and income must not be negative and the request must be positive");
    }
    // Compared in hundredths of cents: debt × 100 against income × multiple-in-hundredths, overflow-checked.
    long exposure = Math.addExact(totalDebtCents, requestedCents);
    long lhs = Math.multiplyExact(exposure, 100L);
    long rhs = Math.multiplyExact(annualIncomeCents, (long) maxDebtToIncomeHundredths);
    if (lhs > rhs) {
      return new Verdict(false, "debt-to-income above " + maxDebtToIncomeHundredths / 100.0);
    }
    return new Verdict(true, "debt-to-income within " + maxDebtToIncomeHundredths / 100.0);
  }
}
