package dev.consilium.ledger.credit;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The payload of {@code open}: one inquiry about 1 to {@link #MAX_CUSTOMERS} customers (a batch). Each
 * pseudonym is a keyed hash computed off-ledger, never the raw customer id; the pseudonyms are distinct and
 * kept in the order the asker chose, which is the customer index of the decision. Each customer has exactly
 * one consent, the customer's signed bytes, at the same index; the ledger keeps only one hash over them all
 * ({@link #consentsHash()}). Every contribution and correction carries {@link #ciphertextsPerShare()}
 * ciphertexts: the asker may pack several customers' amounts into one plaintext, and the contract needs only
 * the count, not the layout. Immutable: arrays are copied in and out.
 *
 * <p>Size: 1,000 consents of 4 KiB each would be 4 MiB, over an entry's 1 MiB payload, so the consents
 * together are bounded by {@link #MAX_CONSENTS_TOTAL_BYTES}; everything else of the payload (1,000
 * pseudonyms, a key, 64 participants) fits in the 64 KiB left.
 */
public final class OpenInquiry implements CanonicalEncodable {
  public static final int PSEUDONYM_BYTES = 32;
  /** A 3072-bit key is 387 bytes; room for that and no more than twice it. */
  public static final int MAX_PUBLIC_KEY_BYTES = 1_024;
  public static final int MAX_CONSENT_BYTES = 4_096;
  public static final int MAX_PARTICIPANTS = 64;
  public static final int MAX_CUSTOMERS = 1_000;
  public static final int MAX_CIPHERTEXTS_PER_SHARE = 1_000;
  /** 960 KiB: with the rest of the largest payload (about 40 KiB) under Entry.MAX_PAYLOAD_BYTES (1 MiB). */
  public static final int MAX_CONSENTS_TOTAL_BYTES = 960 << 10;

  private final String inquiryId;
  private final List<byte[]> pseudonyms;
  private final byte[] askerKey;
  private final List<byte[]> consents;
  private final List<Did> participants;
  private final long deadlineMs;
  private final int minContributors;
  private final int ciphertextsPerShare;

  public OpenInquiry(String inquiryId, List<byte[]> pseudonyms, byte[] askerKey, List<byte[]> consents,
      List<Did> participants, long deadlineMs, int minContributors, int ciphertextsPerShare) {
    String problem = problem(inquiryId, pseudonyms, askerKey, consents, participants, minContributors,
        ciphertextsPerShare);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    this.inquiryId = inquiryId;
    this.pseudonyms = copy(pseudonyms);
    this.askerKey = askerKey.clone();
    this.consents = copy(consents);
    this.participants = List.copyOf(participants);
    this.deadlineMs = deadlineMs;
    this.minContributors = minContributors;
    this.ciphertextsPerShare = ciphertextsPerShare;
  }

  public static OpenInquiry read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = reader.readString(InquiryIds.MAX_CHARS);
    List<byte[]> pseudonyms = reader.readList(r -> r.readFixedBytes(PSEUDONYM_BYTES), MAX_CUSTOMERS);
    byte[] askerKey = reader.readBytes(MAX_PUBLIC_KEY_BYTES);
    List<byte[]> consents = reader.readList(r -> r.readBytes(MAX_CONSENT_BYTES), MAX_CUSTOMERS);
    List<Did> participants = reader.readList(Did::read, MAX_PARTICIPANTS);
    long deadlineMs = reader.readI64();
    int minContributors = reader.readI32();
    int ciphertextsPerShare = reader.readI32();
    String problem = problem(inquiryId, pseudonyms, askerKey, consents, participants, minContributors,
        ciphertextsPerShare);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new OpenInquiry(inquiryId, pseudonyms, askerKey, consents, participants, deadlineMs, minContributors,
        ciphertextsPerShare);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId);
    writer.writeList(pseudonyms, CanonicalWriter::writeFixedBytes);
    writer.writeBytes(askerKey);
    writer.writeList(consents, CanonicalWriter::writeBytes);
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeI64(deadlineMs).writeI32(minContributors).writeI32(ciphertextsPerShare);
  }

  public String inquiryId() {
    return inquiryId;
  }

  /** The customers' pseudonyms, in the asker's order: index i is customer i of the decision. */
  public List<byte[]> pseudonyms() {
    return copy(pseudonyms);
  }

  public int customerCount() {
    return pseudonyms.size();
  }

  public byte[] askerKey() {
    return askerKey.clone();
  }

  /** One consent per customer, at the customer's index. */
  public List<byte[]> consents() {
    return copy(consents);
  }

  /**
   * What the ledger keeps of the consents: SHA-256 of their canonical list encoding (the count, then each
   * consent length-prefixed, in customer order). One hash rather than one per customer keeps the state at 32
   * bytes per inquiry; the consents themselves stay in the open entry, which anyone checking one needs anyway.
   */
  public Sha256Hash consentsHash() {
    return Sha256.digest(new CanonicalWriter().writeList(consents, CanonicalWriter::writeBytes).toByteArray());
  }

  public List<Did> participants() {
    return participants;
  }

  public long deadlineMs() {
    return deadlineMs;
  }

  public int minContributors() {
    return minContributors;
  }

  /** How many ciphertexts every contribution and correction, and so the total, carries. */
  public int ciphertextsPerShare() {
    return ciphertextsPerShare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenInquiry other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCanonicalBytes());
  }

  /** Names the inquiry and counts only: the pseudonyms and consents stay out of logs. */
  @Override
  public String toString() {
    return "OpenInquiry[" + inquiryId + ", " + pseudonyms.size() + " customers, " + participants.size()
        + " participants]";
  }

  /** Why {@code pseudonyms} is not a batch of customers, or null when it is one. */
  static String pseudonymsProblem(List<byte[]> pseudonyms) {
    if (pseudonyms.isEmpty() || pseudonyms.size() > MAX_CUSTOMERS) {
      return "an inquiry has 1 to " + MAX_CUSTOMERS + " customers, not " + pseudonyms.size();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < pseudonyms.size(); i++) {
      byte[] pseudonym = pseudonyms.get(i);
      if (pseudonym.length != PSEUDONYM_BYTES) {
        return "pseudonym " + i + " has " + pseudonym.length + " bytes, not " + PSEUDONYM_BYTES;
      }
      if (!seen.add(HexFormat.of().formatHex(pseudonym))) {
        return "pseudonym " + i + " repeats an earlier one; the customers of an inquiry are distinct";
      }
    }
    return null;
  }

  /** Why {@code count} is not a number of ciphertexts per share, or null when it is one. */
  static String ciphertextsPerShareProblem(int count) {
    if (count < 1 || count > MAX_CIPHERTEXTS_PER_SHARE) {
      return "a share carries 1 to " + MAX_CIPHERTEXTS_PER_SHARE + " ciphertexts, not " + count;
    }
    return null;
  }

  private static String problem(String inquiryId, List<byte[]> pseudonyms, byte[] askerKey, List<byte[]> consents,
      List<Did> participants, int minContributors, int ciphertextsPerShare) {
    String idProblem = InquiryIds.problem(inquiryId);
    if (idProblem != null) {
      return idProblem;
    }
    String pseudonymsProblem = pseudonymsProblem(pseudonyms);
    if (pseudonymsProblem != null) {
      return pseudonymsProblem;
    }
    if (askerKey.length > MAX_PUBLIC_KEY_BYTES) {
      return "the asker's key has " + askerKey.length + " bytes, over the limit of " + MAX_PUBLIC_KEY_BYTES;
    }
    String consentsProblem = consentsProblem(consents, pseudonyms.size());
    if (consentsProblem != null) {
      return consentsProblem;
    }
    if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
      return "an inquiry has 1 to " + MAX_PARTICIPANTS + " participants, not " + participants.size();
    }
    for (int i = 1; i < participants.size(); i++) {
      if (participants.get(i - 1).compareTo(participants.get(i)) >= 0) {
        return "participants must be sorted by DID and distinct; " + participants.get(i) + " follows "
            + participants.get(i - 1);
      }
    }
    if (minContributors < 1 || minContributors > participants.size()) {
      return "minimum contributors must be 1 to " + participants.size() + ", not " + minContributors;
    }
    return ciphertextsPerShareProblem(ciphertextsPerShare);
  }

  private static String consentsProblem(List<byte[]> consents, int customers) {
    if (consents.size() != customers) {
      return "an inquiry has one consent per customer: " + customers + " customers, " + consents.size()
          + " consents";
    }
    long totalBytes = 0;
    for (int i = 0; i < consents.size(); i++) {
      int length = consents.get(i).length;
      if (length == 0 || length > MAX_CONSENT_BYTES) {
        return "consent " + i + " must have 1 to " + MAX_CONSENT_BYTES + " bytes, not " + length;
      }
      totalBytes += length;
    }
    if (totalBytes > MAX_CONSENTS_TOTAL_BYTES) {
      return "the consents have " + totalBytes + " bytes together, over the limit of " + MAX_CONSENTS_TOTAL_BYTES;
    }
    return null;
  }

  /** Copies of the arrays, in an unmodifiable list. */
  static List<byte[]> copy(List<byte[]> arrays) {
    List<byte[]> copy = new ArrayList<>(arrays.size());
    for (byte[] array : arrays) {
      copy.add(array.clone());
    }
    return List.copyOf(copy);
  }
}
