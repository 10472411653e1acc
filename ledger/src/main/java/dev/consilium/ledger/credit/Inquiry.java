package dev.consilium.ledger.credit;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256;
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
 * <p>An inquiry covers 1 to {@link OpenInquiry#MAX_CUSTOMERS} customers, by pseudonym in the asker's order.
 * The total is the running product, index by index, of the contributions' and corrections' ciphertexts: a
 * list of {@link #ciphertextsPerShare()} ciphertexts, empty until the first contribution. The report and the
 * consents are kept as hashes (one over all the consents, {@link OpenInquiry#consentsHash()}): the bytes stay
 * in their entries. The decision is one {@link CustomerDecision} per customer, empty until DECIDED.
 */
public final class Inquiry implements CanonicalEncodable {
  private static final byte[] NONE = new byte[0];

  private final Did asker;
  private final List<byte[]> pseudonyms;
  private final byte[] askerKey;
  private final Sha256Hash consentsHash;
  private final List<Did> participants;
  private final long deadlineMs;
  private final int minContributors;
  private final int ciphertextsPerShare;
  private final long openedAtHeight;
  private final SortedSet<Did> contributors;
  private final SortedSet<Did> correctors;
  private final List<byte[]> total;
  private final InquiryStatus status;
  private final byte[] reportHash;
  private final List<CustomerDecision> decisions;
  // Immutable, so its hash never changes: the state's hash reads it at every block, computed at most once.
  private volatile Sha256Hash hash;

  private Inquiry(Did asker, List<byte[]> pseudonyms, byte[] askerKey, Sha256Hash consentsHash,
      List<Did> participants, long deadlineMs, int minContributors, int ciphertextsPerShare, long openedAtHeight,
      SortedSet<Did> contributors, SortedSet<Did> correctors, List<byte[]> total, InquiryStatus status,
      byte[] reportHash, List<CustomerDecision> decisions) {
    this.asker = asker;
    this.pseudonyms = List.copyOf(pseudonyms);
    this.askerKey = askerKey;
    this.consentsHash = consentsHash;
    this.participants = List.copyOf(participants);
    this.deadlineMs = deadlineMs;
    this.minContributors = minContributors;
    this.ciphertextsPerShare = ciphertextsPerShare;
    this.openedAtHeight = openedAtHeight;
    this.contributors = Collections.unmodifiableSortedSet(new TreeSet<>(contributors));
    this.correctors = Collections.unmodifiableSortedSet(new TreeSet<>(correctors));
    this.total = List.copyOf(total);
    this.status = status;
    this.reportHash = reportHash;
    this.decisions = List.copyOf(decisions);
    String problem = invariantProblem();
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** The SHA-256 of this inquiry's canonical bytes, for the credit state's hash; computed once. */
  Sha256Hash hash() {
    Sha256Hash h = hash;
    if (h == null) {
      h = Sha256.digest(toCanonicalBytes());
      hash = h;
    }
    return h;
  }

  /** A fresh inquiry from an accepted {@code open}. */
  static Inquiry opened(OpenInquiry open, Did asker, long height) {
    return new Inquiry(asker, open.pseudonyms(), open.askerKey(), open.consentsHash(), open.participants(),
        open.deadlineMs(), open.minContributors(), open.ciphertextsPerShare(), height, new TreeSet<>(),
        new TreeSet<>(), List.of(), InquiryStatus.OPEN, NONE, List.of());
  }

  static Inquiry read(CanonicalReader reader) throws CanonicalFormatException {
    Did asker = Did.read(reader);
    List<byte[]> pseudonyms = reader.readList(r -> r.readFixedBytes(OpenInquiry.PSEUDONYM_BYTES),
        OpenInquiry.MAX_CUSTOMERS);
    byte[] askerKey = reader.readBytes(OpenInquiry.MAX_PUBLIC_KEY_BYTES);
    Sha256Hash consentsHash = Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
    List<Did> participants = reader.readList(Did::read, OpenInquiry.MAX_PARTICIPANTS);
    long deadlineMs = reader.readI64();
    int minContributors = reader.readI32();
    int ciphertextsPerShare = reader.readI32();
    long openedAtHeight = reader.readI64();
    SortedSet<Did> contributors = readSortedDids(reader, "contributors");
    SortedSet<Did> correctors = readSortedDids(reader, "correctors");
    List<byte[]> total = reader.readList(r -> r.readBytes(EncryptedShare.MAX_CIPHERTEXT_BYTES),
        OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE);
    int tag = reader.readU8();
    if (tag >= InquiryStatus.values().length) {
      throw reader.malformed("unknown inquiry status " + tag);
    }
    byte[] reportHash = reader.readBytes(Sha256Hash.LENGTH_BYTES);
    List<CustomerDecision> decisions = reader.readList(CustomerDecision::read, OpenInquiry.MAX_CUSTOMERS);
    try {
      return new Inquiry(asker, pseudonyms, askerKey, consentsHash, participants, deadlineMs, minContributors,
          ciphertextsPerShare, openedAtHeight, contributors, correctors, total, InquiryStatus.values()[tag],
          reportHash, decisions);
    } catch (IllegalStateException e) {
      throw reader.malformed(e.getMessage());
    }
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    asker.writeTo(writer);
    writer.writeList(pseudonyms, CanonicalWriter::writeFixedBytes);
    writer.writeBytes(askerKey).writeFixedBytes(consentsHash.toByteArray());
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeI64(deadlineMs).writeI32(minContributors).writeI32(ciphertextsPerShare).writeI64(openedAtHeight);
    writer.writeList(List.copyOf(contributors), (w, d) -> d.writeTo(w));
    writer.writeList(List.copyOf(correctors), (w, d) -> d.writeTo(w));
    writer.writeList(total, CanonicalWriter::writeBytes);
    writer.writeU8(status.ordinal()).writeBytes(reportHash);
    writer.writeList(decisions, (w, d) -> d.writeTo(w));
  }

  Inquiry withContribution(Did contributor, List<byte[]> newTotal) {
    SortedSet<Did> next = new TreeSet<>(contributors);
    if (!next.add(contributor)) {
      throw new IllegalStateException(contributor + " already contributed; validate must refuse a second");
    }
    InquiryStatus nextStatus = next.size() == participants.size() ? InquiryStatus.CLOSED : status;
    return new Inquiry(asker, pseudonyms, askerKey, consentsHash, participants, deadlineMs, minContributors,
        ciphertextsPerShare, openedAtHeight, next, correctors, OpenInquiry.copy(newTotal), nextStatus, reportHash,
        decisions);
  }

  Inquiry withCorrection(Did contributor, List<byte[]> newTotal) {
    SortedSet<Did> next = new TreeSet<>(correctors);
    if (!next.add(contributor)) {
      throw new IllegalStateException(contributor + " already corrected; validate must refuse a second");
    }
    InquiryStatus nextStatus = next.size() == contributors.size() ? InquiryStatus.CLOSED : status;
    return new Inquiry(asker, pseudonyms, askerKey, consentsHash, participants, deadlineMs, minContributors,
        ciphertextsPerShare, openedAtHeight, contributors, next, OpenInquiry.copy(newTotal), nextStatus, reportHash,
        decisions);
  }

  /** Expired with at least the minimum contributors: the contributors are frozen, corrections may start. */
  Inquiry correcting() {
    return withStatus(InquiryStatus.CORRECTING, reportHash, decisions);
  }

  Inquiry insufficient() {
    return withStatus(InquiryStatus.INSUFFICIENT, reportHash, decisions);
  }

  Inquiry reported(Sha256Hash report) {
    return withStatus(InquiryStatus.REPORTED, report.toByteArray(), decisions);
  }

  Inquiry decided(List<CustomerDecision> perCustomer) {
    return withStatus(InquiryStatus.DECIDED, reportHash, perCustomer);
  }

  public Did asker() {
    return asker;
  }

  /** The customers' pseudonyms, in the asker's order: index i is customer i of the decision. */
  public List<byte[]> pseudonyms() {
    return OpenInquiry.copy(pseudonyms);
  }

  /** Whether {@code pseudonym} is one of this inquiry's customers. */
  public boolean concerns(byte[] pseudonym) {
    for (byte[] mine : pseudonyms) {
      if (Arrays.equals(mine, pseudonym)) {
        return true;
      }
    }
    return false;
  }

  public int customerCount() {
    return pseudonyms.size();
  }

  public byte[] askerKey() {
    return askerKey.clone();
  }

  /** SHA-256 over all the consents, as {@link OpenInquiry#consentsHash()}. */
  public Sha256Hash consentsHash() {
    return consentsHash;
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

  public int ciphertextsPerShare() {
    return ciphertextsPerShare;
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

  /** The encrypted running totals, {@link #ciphertextsPerShare()} of them; empty before the first contribution. */
  public List<byte[]> total() {
    return OpenInquiry.copy(total);
  }

  public InquiryStatus status() {
    return status;
  }

  /** SHA-256 of the report ciphertext; empty before the report. */
  public byte[] reportHash() {
    return reportHash.clone();
  }

  /** One decision per customer, in the customers' order; empty until DECIDED. */
  public List<CustomerDecision> decisions() {
    return decisions;
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
    return "Inquiry[" + status + ", asker=" + asker + ", " + pseudonyms.size() + " customers, "
        + contributors.size() + "/" + participants.size()
        + " contributed, " + correctors.size() + " corrected]";
  }

  private Inquiry withStatus(InquiryStatus next, byte[] report, List<CustomerDecision> perCustomer) {
    return new Inquiry(asker, pseudonyms, askerKey, consentsHash, participants, deadlineMs, minContributors,
        ciphertextsPerShare, openedAtHeight, contributors, correctors, total, next, report, perCustomer);
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
    String pseudonymsProblem = OpenInquiry.pseudonymsProblem(pseudonyms);
    if (pseudonymsProblem != null) {
      return pseudonymsProblem;
    }
    String perShareProblem = OpenInquiry.ciphertextsPerShareProblem(ciphertextsPerShare);
    if (perShareProblem != null) {
      return perShareProblem;
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
    if (contributors.isEmpty() != total.isEmpty()) {
      return "a total exists exactly when someone contributed: " + contributors.size() + " contributors, total of "
          + total.size() + " ciphertexts";
    }
    if (!total.isEmpty() && total.size() != ciphertextsPerShare) {
      return "the total has " + total.size() + " ciphertexts, not the inquiry's " + ciphertextsPerShare;
    }
    if (!total.isEmpty() && EncryptedShare.ciphertextsProblem(total) != null) {
      return "the total: " + EncryptedShare.ciphertextsProblem(total);
    }
    String statusProblem = statusProblem();
    if (statusProblem != null) {
      return statusProblem;
    }
    boolean reported = status == InquiryStatus.REPORTED || status == InquiryStatus.DECIDED;
    if (reported != (reportHash.length == Sha256Hash.LENGTH_BYTES) || (!reported && reportHash.length != 0)) {
      return "status " + status + " with a report hash of " + reportHash.length + " bytes";
    }
    if (status != InquiryStatus.DECIDED && !decisions.isEmpty()) {
      return "status " + status + " with " + decisions.size() + " decisions; decisions come only when DECIDED";
    }
    if (status == InquiryStatus.DECIDED && decisions.size() != pseudonyms.size()) {
      return "a DECIDED inquiry has one decision per customer: " + pseudonyms.size() + " customers, "
          + decisions.size() + " decisions";
    }
    return null;
  }
}
