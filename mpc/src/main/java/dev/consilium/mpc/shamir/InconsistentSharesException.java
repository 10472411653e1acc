package dev.consilium.mpc.shamir;

import java.security.GeneralSecurityException;

/**
 * The shares do not all lie on one polynomial of the sharing's degree: at least one is corrupted or forged.
 * Checked, like an authentication failure, because the caller must decide whom to distrust.
 */
public final class InconsistentSharesException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  private final int offendingX;

  public InconsistentSharesException(int offendingX, String message) {
    super(message);
    this.offendingX = offendingX;
  }

  /** The x of the first share found off the polynomial the first t shares define. */
  public int offendingX() {
    return offendingX;
  }
}
