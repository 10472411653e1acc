package dev.consilium.ledger.credit;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The payload of {@code open}. The pseudonym is a keyed hash computed off-ledger, never the raw customer id;
 * the consent is the customer's signed bytes, of which the ledger keeps only the hash. Immutable: arrays are
 * copied in and out.
 */
public final class OpenInquiry implements CanonicalEncodable {
  public static final int PSEUDONYM_BYTES = 32;
  /** A 3072-bit key is 387 bytes; room for that and no more than twice it. */
  public static final int MAX_PUBLIC_KEY_BYTES = 1_024;
  public static final int MAX_CONSENT_BYTES = 4_096;
  public static final int MAX_PARTICIPANTS = 64;

  private final String inquiryId;
  private final byte[] pseudonym;
  private final byte[] askerKey;
  private final byte[] consent;
  private final List<Did> participants;
  private final long deadlineMs;
  private final int minContributors;

  public OpenInquiry(String inquiryId, byte[] pseudonym, byte[] askerKey, byte[] consent, List<Did> participants,
      long deadlineMs, int minContributors) {
    String problem = problem(inquiryId, pseudonym, askerKey, consent, participants, minContributors);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    this.inquiryId = inquiryId;
    this.pseudonym = pseudonym.clone();
    this.askerKey = askerKey.clone();
    this.consent = consent.clone();
    this.participants = List.copyOf(participants);
    this.deadlineMs = deadlineMs;
    this.minContributors = minContributors;
  }

  public static OpenInquiry read(CanonicalReader reader) throws CanonicalFormatException {
    String inquiryId = reader.readString(InquiryIds.MAX_CHARS);
    byte[] pseudonym = reader.readFixedBytes(PSEUDONYM_BYTES);
    byte[] askerKey = reader.readBytes(MAX_PUBLIC_KEY_BYTES);
    byte[] consent = reader.readBytes(MAX_CONSENT_BYTES);
    List<Did> participants = reader.readList(Did::read, MAX_PARTICIPANTS);
    long deadlineMs = reader.readI64();
    int minContributors = reader.readI32();
    String problem = problem(inquiryId, pseudonym, askerKey, consent, participants, minContributors);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new OpenInquiry(inquiryId, pseudonym, askerKey, consent, participants, deadlineMs, minContributors);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(inquiryId).writeFixedBytes(pseudonym).writeBytes(askerKey).writeBytes(consent);
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeI64(deadlineMs).writeI32(minContributors);
  }

  public String inquiryId() {
    return inquiryId;
  }

  public byte[] pseudonym() {
    return pseudonym.clone();
  }

  public byte[] askerKey() {
    return askerKey.clone();
  }

  public byte[] consent() {
    return consent.clone();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenInquiry other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCanonicalBytes());
  }

  /** Names the inquiry only: the pseudonym and consent stay out of logs. */
  @Override
  public String toString() {
    return "OpenInquiry[" + inquiryId + ", " + participants.size() + " participants]";
  }

  private static String problem(String inquiryId, byte[] pseudonym, byte[] askerKey, byte[] consent,
      List<Did> participants, int minContributors) {
    String idProblem = InquiryIds.problem(inquiryId);
    if (idProblem != null) {
      return idProblem;
    }
    if (pseudonym.length != PSEUDONYM_BYTES) {
      return "a pseudonym has " + PSEUDONYM_BYTES + " bytes, not " + pseudonym.length;
    }
    if (askerKey.length > MAX_PUBLIC_KEY_BYTES) {
      return "the asker's key has " + askerKey.length + " bytes, over the limit of " + MAX_PUBLIC_KEY_BYTES;
    }
    if (consent.length == 0 || consent.length > MAX_CONSENT_BYTES) {
      return "the consent must have 1 to " + MAX_CONSENT_BYTES + " bytes, not " + consent.length;
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
    return null;
  }
}
