package dev.consilium.roles.credit;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.hpke.SealedBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/**
 * The report of an inquiry's total to the regulator (DESIGN §6 step 5): an HPKE sealed box to the regulator's
 * X25519 agreement key (from its DID document), bound to this use by its info and to the inquiry by its
 * associated data, so a report cannot be replayed under another inquiry. The ledger entry's signature says
 * who sent it.
 */
public final class ReportSeal {
  static final byte[] INFO = "consilium/credit/report/v1".getBytes(StandardCharsets.UTF_8);

  private ReportSeal() {}

  public static byte[] seal(X25519PublicKey regulator, ReportContent content, SecureRandom random) {
    try {
      return SealedBox.seal(regulator, INFO, aad(content.inquiryId()), content.toCanonicalBytes(), random);
    } catch (InvalidKeyException e) {
      throw new StepRefusal("the regulator's agreement key is unusable: " + e.getMessage());
    }
  }

  /**
   * The content of the report of {@code inquiryId}; throws when it was not sealed to {@code regulator}, was
   * changed, belongs to another inquiry or does not read.
   */
  public static ReportContent open(X25519PrivateKey regulator, String inquiryId, byte[] sealed)
      throws GeneralSecurityException {
    byte[] plaintext = SealedBox.open(regulator, INFO, aad(inquiryId), sealed);
    ReportContent content;
    try {
      content = CanonicalReader.decode(plaintext, ReportContent::read);
    } catch (CanonicalFormatException e) {
      throw new GeneralSecurityException("the report of inquiry " + inquiryId + " does not read: " + e.getMessage(), e);
    }
    if (!content.inquiryId().equals(inquiryId)) {
      throw new GeneralSecurityException("the report filed under inquiry " + inquiryId + " names another inquiry");
    }
    return content;
  }

  private static byte[] aad(String inquiryId) {
    return inquiryId.getBytes(StandardCharsets.UTF_8);
  }
}
