package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Arrays;

/**
 * The payload of {@code contribute} and {@code correct}: a Paillier ciphertext under the asker's key, for one
 * inquiry. The contract checks the ciphertext against the key; this class only bounds its size.
 */
public final class EncryptedShare implements CanonicalEncodable {
  /** A 3072-bit key's ciphertext is 777 bytes. */
  public static final int MAX_CIPHERTEXT_BYTES = 1_024;

  private final String inquiryId;
  private final byte[] ciphertext;

  public EncryptedShare(String inquiryId, byte[] ciphertext) {
    this.inquiryId = InquiryIds.require(inquiryId);
    if (ciphertext.length == 0 || ciphertext.length > MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException(sizeProblem(ciphertext.length));
    }
    this.ciphertext = ciphertext.clone();
  }

  public static EncryptedShare read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    byte[] ciphertext = reader.readBytes(MAX_CIPHERTEXT_BYTES);
    if (ciphertext.length == 0) {
      throw reader.malformed(sizeProblem(0));
    }
    return new EncryptedShare(inquiryId, ciphertext);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeBytes(ciphertext);
  }

  public String inquiryId() {
    return inquiryId;
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedShare other && inquiryId.equals(other.inquiryId)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return inquiryId.hashCode() * 31 + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "EncryptedShare[" + inquiryId + ", " + ciphertext.length + " bytes]";
  }

  private static String sizeProblem(int length) {
    return "a ciphertext has 1 to " + MAX_CIPHERTEXT_BYTES + " bytes, not " + length;
  }
}
