package dev.consilium.roles.regulator;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.roles.credit.ReportSeal;
import dev.consilium.runtime.observer.ReportOpener;
import dev.consilium.runtime.observer.ReportTotal;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Opens the credit reports filed to this regulator ({@link ReportSeal}) for its observer's {@code /reports}.
 * A report that does not open (sealed to another key, changed, filed under another inquiry than it names)
 * answers why, never throws: it is an asking bank's misstep to show the regulator, not a fault of the observer.
 * Totals are the customers' consortium-wide debts: nothing here logs them, and {@link ReportTotal} does not
 * print them.
 */
public final class RegulatorReports implements ReportOpener {
  private final X25519PrivateKey agreementKey;

  /** Opens with {@code agreementKey}, the private half of the agreement key in the regulator's DID document. */
  public RegulatorReports(X25519PrivateKey agreementKey) {
    this.agreementKey = Objects.requireNonNull(agreementKey, "agreementKey");
  }

  @Override
  public ReportTotal open(String inquiryId, byte[] sealed) {
    try {
      return ReportTotal.opened(ReportSeal.open(agreementKey, inquiryId, sealed).totalsCents());
    } catch (GeneralSecurityException e) {
      return ReportTotal.notOpened("the report of inquiry " + inquiryId + " does not open with this regulator's key: "
          + e.getMessage());
    } catch (IllegalArgumentException e) {
      // SealedBox refuses some inputs by argument checks (an inquiry id too long for its associated data).
      return ReportTotal.notOpened("the report of inquiry " + inquiryId + " cannot be opened: " + e.getMessage());
    }
  }

  /** Names the key by its public half only. */
  @Override
  public String toString() {
    return "RegulatorReports[" + agreementKey.publicKey() + "]";
  }
}
