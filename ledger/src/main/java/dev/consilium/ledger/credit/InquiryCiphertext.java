package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * What the payloads that carry one ciphertext for one inquiry share: the inquiry id and 1 to {@code maxBytes}
 * bytes, written as they are. The subclasses say which ciphertext it is and how large it may be.
 */
abstract sealed class InquiryCiphertext implements CanonicalEncodable permits EncryptedShare, InquiryReport {
  private final String inquiryId;
  private final byte[] ciphertext;

  InquiryCiphertext(String inquiryId, byte[] ciphertext, int maxBytes, String what) {
    this.inquiryId = InquiryIds.require(inquiryId);
    if (ciphertext.length == 0 || ciphertext.length > maxBytes) {
      throw new IllegalArgumentException(sizeProblem(what, maxBytes, ciphertext.length));
    }
    this.ciphertext = ciphertext.clone();
  }

  /** Reads the id and at most {@code maxBytes} bytes, refusing none, and builds the payload with {@code make}. */
  static <T extends InquiryCiphertext> T read(CanonicalReader reader, int maxBytes, String what,
      BiFunction<String, byte[], T> make) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    byte[] ciphertext = reader.readBytes(maxBytes);
    if (ciphertext.length == 0) {
      throw reader.malformed(sizeProblem(what, maxBytes, 0));
    }
    return make.apply(inquiryId, ciphertext);
  }

  @Override
  public final void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeBytes(ciphertext);
  }

  public final String inquiryId() {
    return inquiryId;
  }

  public final byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && inquiryId.equals(((InquiryCiphertext) o).inquiryId)
        && Arrays.equals(ciphertext, ((InquiryCiphertext) o).ciphertext);
  }

  @Override
  public final int hashCode() {
    return inquiryId.hashCode() * 31 + Arrays.hashCode(ciphertext);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + inquiryId + ", " + ciphertext.length + " bytes]";
  }

  private static String sizeProblem(String what, int maxBytes, int length) {
    return what + " has 1 to " + maxBytes + " bytes, not " + length;
  }
}
