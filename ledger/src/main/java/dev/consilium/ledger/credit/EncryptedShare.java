package dev.consilium.ledger.credit;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The payload of {@code contribute} and {@code correct}: Paillier ciphertexts under the asker's key, for one
 * inquiry, exactly as many as the inquiry's {@link OpenInquiry#ciphertextsPerShare()}. The contract checks the
 * count and each ciphertext against the key; this class only bounds them. The largest share (1,000
 * ciphertexts of 1,024 bytes, each length-prefixed) is about 1,004 KiB, under an entry's 1 MiB payload.
 * Immutable: arrays are copied in and out.
 */
public final class EncryptedShare implements CanonicalEncodable {
  /** A 3072-bit key's ciphertext is 777 bytes. */
  public static final int MAX_CIPHERTEXT_BYTES = 1_024;

  private final String inquiryId;
  private final List<byte[]> ciphertexts;

  public EncryptedShare(String inquiryId, List<byte[]> ciphertexts) {
    InquiryIds.require(inquiryId);
    String problem = ciphertextsProblem(ciphertexts);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    this.inquiryId = inquiryId;
    this.ciphertexts = OpenInquiry.copy(ciphertexts);
  }

  public static EncryptedShare read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = InquiryIds.read(reader);
    List<byte[]> ciphertexts = reader.readList(r -> r.readBytes(MAX_CIPHERTEXT_BYTES),
        OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE);
    String problem = ciphertextsProblem(ciphertexts);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new EncryptedShare(inquiryId, ciphertexts);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeList(ciphertexts, CanonicalWriter::writeBytes);
  }

  public String inquiryId() {
    return inquiryId;
  }

  /** The ciphertexts, in the layout the asker chose; index i multiplies into index i of the total. */
  public List<byte[]> ciphertexts() {
    return OpenInquiry.copy(ciphertexts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedShare other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCanonicalBytes());
  }

  @Override
  public String toString() {
    return "EncryptedShare[" + inquiryId + ", " + ciphertexts.size() + " ciphertexts]";
  }

  /** Why {@code ciphertexts} cannot be a share's or a total's, or null when they can. */
  static String ciphertextsProblem(List<byte[]> ciphertexts) {
    if (ciphertexts.isEmpty() || ciphertexts.size() > OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE) {
      return "a share carries 1 to " + OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE + " ciphertexts, not "
          + ciphertexts.size();
    }
    for (int i = 0; i < ciphertexts.size(); i++) {
      int length = ciphertexts.get(i).length;
      if (length == 0 || length > MAX_CIPHERTEXT_BYTES) {
        return "ciphertext " + i + " has 1 to " + MAX_CIPHERTEXT_BYTES + " bytes, not " + length;
      }
    }
    return null;
  }
}
