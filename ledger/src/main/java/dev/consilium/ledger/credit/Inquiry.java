package dev.consilium.ledger.credit;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the ledger keeps of one inquiry. Immutable: each step returns a new Inquiry. Its invariants
 * (contributors and correctors among the participants, correctors among the contributors, a total once
 * anyone contributed, a status that agrees with who contributed and corrected, a report once reported) are
 * checked when it is built, so both on apply and on reading a snapshot.
 *
 * <p>The total is the running product of the contributions and corrections, as ciphertext bytes; it is
 * empty until the first contribution. The report and the consent are kept as hashes: the bytes stay in
 * their entries.
 */
public final class Inquiry implements CanonicalEncodable {
  private static final byte[] NONE = new byte[0];

  private final Did asker;
  private final byte[] pseudonym;
  private final byte[] askerKey;
  private final Sha256Hash consentHash;
  private final List<Did> participants;
  private final long deadlineMs;
  private final int minContributors;
  private final long openedAtHeight;
  private final SortedSet<Did> contributors;
  private final SortedSet<Did> correctors;
  private final byte[] total;
  private final InquiryStatus status;
  private final byte[] reportHash;
  private final boolean approved;
  private final String reasonCode;

  private Inquiry(Did asker, byte[] pseudonym, byte[] askerKey, Sha256Hash consentHash, List<Did> participants,
      long deadlineMs, int minContributors, long openedAtHeight, SortedSet<Did> contributors,
      SortedSet<Did> correctors, byte[] total, InquiryStatus status, byte[] reportHash, boolean approved,
      String reasonCode) {
    this.asker = asker;
    this.pseudonym = pseudonym;
    this.askerKey = askerKey;
    this.consentHash = consentHash;
    this.participants = List.copyOf(participants);
    this.deadlineMs = deadlineMs;
    this.minContributors = minContributors;
    this.openedAtHeight = openedAtHeight;
    this.contributors = Collections.unmodifiableSortedSet(new TreeSet<>(contributors));
    this.correctors = Collections.unmodifiableSortedSet(new TreeSet<>(correctors));
    this.total = total;
    this.status = status;
    this.reportHash = reportHash;
    this.approved = approved;
    this.reasonCode = reasonCode;
    String problem = invariantProblem();
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** A fresh inquiry from an accepted {@code open}. */
  static Inquiry opened(OpenInquiry open, Did asker, Sha256Hash consentHash, long height) {
    return new Inquiry(asker, open.pseudonym(), open.askerKey(), consentHash, open.participants(),
        open.deadlineMs(), open.minContributors(), height, new TreeSet<>(), new TreeSet<>(), NONE,
        InquiryStatus.OPEN, NONE, false, "");
  }

  static Inquiry read(CanonicalReader reader) throws CanonicalFormatException {
    Did asker = Did.read(reader);
    byte[] pseudonym = reader.readFixedBytes(OpenInquiry.PSEUDONYM_BYTES);
    byte[] askerKey = reader.readBytes(OpenInquiry.MAX_PUBLIC_KEY_BYTES);
    Sha256Hash consentHash = Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
    List<Did> participants = reader.readList(Did::read, OpenInquiry.MAX_PARTICIPANTS);
    long deadlineMs = reader.readI64();
    int minContributors = reader.readI32();
    long openedAtHeight = reader.readI64();
    SortedSet<Did> contributors = readSortedDids(reader, "contributors");
    SortedSet<Did> correctors = readSortedDids(reader, "correctors");
    byte[] total = reader.readBytes(EncryptedShare.MAX_CIPHERTEXT_BYTES);
    int tag = reader.readU8();
    if (tag >= InquiryStatus.values().length) {
      throw reader.malformed("unknown inquiry status " + tag);
    }
    byte[] reportHash = reader.readBytes(Sha256Hash.LENGTH_BYTES);
    boolean approved = reader.readBoolean();
    String reasonCode = reader.readString(CreditDecision.MAX_REASON_CHARS);
    try {
      return new Inquiry(asker, pseudonym, askerKey, consentHash, participants, deadlineMs, minContributors,
          openedAtHeight, contributors, correctors, total, InquiryStatus.values()[tag], reportHash, approved,
          reasonCode);
    } catch (IllegalStateException e) {
      throw reader.malformed(e.getMessage());
    }
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    asker.writeTo(writer);
    writer.writeFixedBytes(pseudonym).writeBytes(askerKey).writeFixedBytes(consentHash.toByteArray());
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeI64(deadlineMs).writeI32(minContributors).writeI64(openedAtHeight);
    writer.writeList(List.copyOf(contributors), (w, d) -> d.writeTo(w));
    writer.writeList(List.copyOf(correctors), (w, d) -> d.writeTo(w));
    writer.writeBytes(total).writeU8(status.ordinal()).writeBytes(reportHash).writeBoolean(approved)
        .writeString(reasonCode);
  }

  Inquiry withContribution(Did contributor, byte[] newTotal) {
    SortedSet<Did> next = new TreeSet<>(contributors);
    if (!next.add(contributor)) {
      throw new IllegalStateException(contributor + " already contributed; validate must refuse a second");
    }
    InquiryStatus nextStatus = next.size() == participants.size() ? InquiryStatus.CLOSED : status;
    return new Inquiry(asker, pseudonym, askerKey, consentHash, participants, deadlineMs, minContributors,
        openedAtHeight, next, correctors, newTotal.clone(), nextStatus, reportHash, approved, reasonCode);
  }

  Inquiry withCorrection(Did contributor, byte[] newTotal) {
    SortedSet<Did> next = new TreeSet<>(correctors);
    if (!next.add(contributor)) {
      throw new IllegalStateException(contributor + " already corrected; validate must refuse a second");
    }
    InquiryStatus nextStatus = next.size() == contributors.size() ? InquiryStatus.CLOSED : status;
    return new Inquiry(asker, pseudonym, askerKey, consentHash, participants, deadlineMs, minContributors,
        openedAtHeight, contributors, next, newTotal.clone(), nextStatus, reportHash, approved, reasonCode);
  }

  /** Expired with at least the minimum contributors: the contributors are frozen, corrections may start. */
  Inquiry correcting() {
    return withStatus(InquiryStatus.CORRECTING, reportHash, approved, reasonCode);
  }

  Inquiry insufficient() {
    return withStatus(InquiryStatus.INSUFFICIENT, reportHash, approved, reasonCode);
  }

  Inquiry reported(Sha256Hash report) {
    return withStatus(InquiryStatus.REPORTED, report.toByteArray(), approved, reasonCode);
  }

  Inquiry decided(boolean approve, String reason) {
    return withStatus(InquiryStatus.DECIDED, reportHash, approve, reason);
  }

  public Did asker() {
    return asker;
  }

  public byte[] pseudonym() {
    return pseudonym.clone();
  }

  public byte[] askerKey() {
    return askerKey.clone();
  }

  public Sha256Hash consentHash() {
    return consentHash;
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

  public long openedAtHeight() {
    return openedAtHeight;
  }

  public SortedSet<Did> contributors() {
    return contributors;
  }

  public SortedSet<Did> correctors() {
    return correctors;
  }

  /** The encrypted running total; empty before the first contribution. */
  public byte[] total() {
    return total.clone();
  }

  public InquiryStatus status() {
    return status;
  }

  /** SHA-256 of the report ciphertext; empty before the report. */
  public byte[] reportHash() {
    return reportHash.clone();
  }

  /** Meaningful only once {@link #status()} is DECIDED. */
  public boolean approved() {
    return approved;
  }

  /** Empty until DECIDED. */
  public String reasonCode() {
    return reasonCode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Inquiry other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toCanonicalBytes());
  }

  /** No pseudonym, no ciphertexts: only what a log line needs. */
  @Override
  public String toString() {
    return "Inquiry[" + status + ", asker=" + asker + ", " + contributors.size() + "/" + participants.size()
        + " contributed, " + correctors.size() + " corrected]";
  }

  private Inquiry withStatus(InquiryStatus next, byte[] report, boolean approve, String reason) {
    return new Inquiry(asker, pseudonym, askerKey, consentHash, participants, deadlineMs, minContributors,
        openedAtHeight, contributors, correctors, total, next, report, approve, reason);
  }

  /**
   * Whether the status agrees with who contributed and corrected. Corrections happen only while CORRECTING,
   * which needs at least the minimum contributors and a missing participant; CLOSED and after need every
   * participant's contribution or every contributor's correction.
   */
  private String statusProblem() {
    boolean allContributed = contributors.size() == participants.size();
    boolean enoughContributed = contributors.size() >= minContributors;
    boolean allCorrected = enoughContributed && correctors.size() == contributors.size();
    switch (status) {
      case OPEN -> {
        if (allContributed) {
          return "an OPEN inquiry has a participant yet to contribute, but all " + participants.size() + " did";
        }
        if (!correctors.isEmpty()) {
          return "an OPEN inquiry has no corrections (they wait until it is CORRECTING), yet it has "
              + correctors.size();
        }
      }
      case CORRECTING -> {
        if (!enoughContributed) {
          return "a CORRECTING inquiry has at least " + minContributors + " contributors, not " + contributors.size();
        }
        if (allContributed) {
          return "a CORRECTING inquiry has a participant who did not contribute, but all " + participants.size()
              + " did";
        }
        if (correctors.size() >= contributors.size()) {
          return "a CORRECTING inquiry has a contributor yet to correct, but all " + contributors.size() + " did";
        }
      }
      case INSUFFICIENT -> {
        if (enoughContributed) {
          return "an INSUFFICIENT inquiry has fewer than " + minContributors + " contributors, not "
              + contributors.size();
        }
      }
      default -> {
        if (!allContributed && !allCorrected) {
          return "a " + status + " inquiry needs every participant's contribution or every contributor's correction;"
              + " it has " + contributors.size() + "/" + participants.size() + " contributions and "
              + correctors.size() + " corrections";
        }
      }
    }
    if (!correctors.isEmpty() && allContributed) {
      return "corrections exist only when a participant is missing, yet all " + participants.size() + " contributed";
    }
    return null;
  }

  private static SortedSet<Did> readSortedDids(CanonicalReader reader, String what) throws CanonicalFormatException {
    List<Did> list = reader.readList(Did::read, OpenInquiry.MAX_PARTICIPANTS);
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
        throw reader.malformed(what + " must be sorted by DID and distinct; " + list.get(i) + " follows "
            + list.get(i - 1));
      }
    }
    return new TreeSet<>(list);
  }

  private String invariantProblem() {
    if (pseudonym.length != OpenInquiry.PSEUDONYM_BYTES) {
      return "pseudonym of " + pseudonym.length + " bytes";
    }
    for (int i = 1; i < participants.size(); i++) {
      if (participants.get(i - 1).compareTo(participants.get(i)) >= 0) {
        return "participants must be sorted by DID and distinct; " + participants.get(i) + " follows "
            + participants.get(i - 1);
      }
    }
    if (participants.isEmpty() || minContributors < 1 || minContributors > participants.size()) {
      return "minimum contributors " + minContributors + " outside 1.." + participants.size();
    }
    if (openedAtHeight < 1) {
      return "an inquiry is opened at height 1 or later, not " + openedAtHeight;
    }
    if (!participants.containsAll(contributors)) {
      return "contributors " + contributors + " are not all participants";
    }
    if (!contributors.containsAll(correctors)) {
      return "correctors " + correctors + " are not all contributors";
    }
    if (contributors.isEmpty() != (total.length == 0)) {
      return "a total exists exactly when someone contributed: " + contributors.size() + " contributors, total of "
          + total.length + " bytes";
    }
    String statusProblem = statusProblem();
    if (statusProblem != null) {
      return statusProblem;
    }
    boolean reported = status == InquiryStatus.REPORTED || status == InquiryStatus.DECIDED;
    if (reported != (reportHash.length == Sha256Hash.LENGTH_BYTES) || (!reported && reportHash.length != 0)) {
      return "status " + status + " with a report hash of " + reportHash.length + " bytes";
    }
    if ((status == InquiryStatus.DECIDED) == reasonCode.isEmpty()) {
      return "status " + status + " with reason code '" + reasonCode + "'";
    }
    if (status != InquiryStatus.DECIDED && approved) {
      return "status " + status + " cannot be approved";
    }
    if (!reasonCode.isEmpty() && CreditDecision.reasonProblem(reasonCode) != null) {
      return CreditDecision.reasonProblem(reasonCode);
    }
    return null;
  }
}
