package dev.consilium.mpc.hpke;

import java.security.GeneralSecurityException;

/**
 * A sealed box that cannot be a box {@link SealedBox#seal} made: too short, too long, or carrying a low-order
 * encapsulated key. Distinct from {@link javax.crypto.AEADBadTagException}, which means a well-formed box does
 * not open with this key, info and aad.
 */
public final class MalformedSealedBoxException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public MalformedSealedBoxException(String message) {
    super(message);
  }
}
