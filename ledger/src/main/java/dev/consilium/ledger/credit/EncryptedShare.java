package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * The payload of {@code contribute} and {@code correct}: a Paillier ciphertext under the asker's key, for one
 * inquiry. The contract checks the ciphertext against the key; this class only bounds its size.
 */
public final class EncryptedShare extends InquiryCiphertext {
  /** A 3072-bit key's ciphertext is 777 bytes. */
  public static final int MAX_CIPHERTEXT_BYTES = 1_024;
  private static final String WHAT = "a ciphertext";

  public EncryptedShare(String inquiryId, byte[] ciphertext) {
    super(inquiryId, ciphertext, MAX_CIPHERTEXT_BYTES, WHAT);
  }

  public static EncryptedShare read(CanonicalReader reader) throws CanonicalFormatException {
    return read(reader, MAX_CIPHERTEXT_BYTES, WHAT, EncryptedShare::new);
  }
}
