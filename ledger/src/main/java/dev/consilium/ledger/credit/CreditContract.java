package dev.consilium.ledger.credit;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.mpc.canonical.CanonicalDecoder;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * Joint credit investigations (DESIGN §6). Actions, each with its payload class:
 * <ul>
 *   <li>{@code register-key} ({@link #registerKeyPayload}: an encoded Paillier public key), by an admitted
 *       institution: a key it will ask under. Each key is registered once, by one bank; a bank keeps its
 *       newest {@link RegisteredKeys#MAX_KEYS_PER_INSTITUTION} ({@link RegisteredKeys}).
 *   <li>{@code open} ({@link OpenInquiry}), by an admitted institution, the asker, about 1 to
 *       {@link OpenInquiry#MAX_CUSTOMERS} customers at once (a batch), with one consent each, under a key
 *       the asker registered and still keeps. The participants
 *       must be admitted institutions; the asker may be one of them, to count its own book in the total.
 *   <li>{@code contribute} ({@link EncryptedShare}), once per participant, while OPEN and before the deadline;
 *       it carries exactly the inquiry's {@code ciphertextsPerShare} ciphertexts, each in Z*_{n²} of the
 *       asker's key. The contract multiplies them into the totals, index by index; when every participant has
 *       contributed the inquiry is CLOSED.
 *   <li>{@code expire} ({@link #expirePayload}: the inquiry id), by any admitted member, while OPEN, at or
 *       after the deadline: it ends the contribution phase. Fewer than the minimum contributed: the inquiry
 *       ends INSUFFICIENT and nothing is decrypted. At least the minimum: it becomes CORRECTING, which freezes
 *       the set of contributors. Any member, so an inquiry whose asker vanished still ends.
 *   <li>{@code correct} ({@link EncryptedShare}), once per contributor, only while CORRECTING: removes that
 *       bank's masks with the banks that did not contribute. When every contributor has corrected the inquiry
 *       is CLOSED.
 *   <li>{@code report} ({@link InquiryReport}), by the asker, once, after CLOSED.
 *   <li>{@code decision} ({@link CreditDecision}), by the asker, once, after the report, one per customer:
 *       the regulator
 *       holds the total before the decision it justifies. An INSUFFICIENT inquiry has no total, so it takes
 *       no report and no decision on the ledger; the asker decides that case off-ledger.
 * </ul>
 * The deadline is compared with the block timestamp only: contributions are accepted while
 * {@code timestamp < deadline}, expiry once {@code timestamp >= deadline}.
 *
 * <p>Why corrections wait for {@code expire}: a contributor computes its correction from the contributors it
 * has seen, yet a contribution in a block stamped before the deadline may commit after it looked. Once
 * {@code expire} has made the inquiry CORRECTING no contribution can commit any more, so every correction is
 * computed from the same, final set of contributors, the one recorded in the inquiry.
 */
public final class CreditContract implements Contract<CreditState> {
  public static final String NAME = "credit";
  public static final String REGISTER_KEY = "register-key";
  public static final String OPEN = "open";
  public static final String CONTRIBUTE = "contribute";
  public static final String CORRECT = "correct";
  public static final String EXPIRE = "expire";
  public static final String REPORT = "report";
  public static final String DECISION = "decision";
  /**
   * Bounds the state, which is encoded whole for its hash and for snapshots, in one byte array. An inquiry
   * of one customer among 4 banks under a 2048-bit key takes about 2 KB (about 200 MB at the bound); one with
   * the full 64 participants, a 3072-bit key and every DID list full about 14 KB, which keeps even the worst
   * case (1.4 GB) under Java's 2 GB array limit. Batches are bounded apart, by their customers and
   * ciphertexts ({@link CreditBounds}). Ended inquiries are kept whole: pruning them is future work.
   */
  public static final int MAX_INQUIRIES = 100_000;

  private final CreditBounds bounds;

  public CreditContract() {
    this(CreditBounds.STANDARD);
  }

  /** For tests of the bound; every replica of one ledger must use the same. */
  CreditContract(int maxInquiries) {
    this(new CreditBounds(maxInquiries, CreditBounds.STANDARD.maxHeldCustomers(),
        CreditBounds.STANDARD.maxHeldCiphertexts()));
  }

  /** For tests of the bounds; every replica of one ledger must use the same. */
  CreditContract(CreditBounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CreditState initialState(GenesisConfig genesis) {
    return CreditState.empty();
  }

  /** The payload of {@code register-key}: the encoded Paillier public key ({@code PaillierPublicKey.toBytes}). */
  public static byte[] registerKeyPayload(byte[] publicKey) {
    if (publicKey.length == 0 || publicKey.length > OpenInquiry.MAX_PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("a Paillier public key is 1 to " + OpenInquiry.MAX_PUBLIC_KEY_BYTES
          + " bytes, not " + publicKey.length);
    }
    return new CanonicalWriter().writeBytes(publicKey).toByteArray();
  }

  public static byte[] openPayload(OpenInquiry open) {
    return open.toCanonicalBytes();
  }

  /** The payload of {@code contribute} and of {@code correct}. */
  public static byte[] sharePayload(EncryptedShare share) {
    return share.toCanonicalBytes();
  }

  public static byte[] expirePayload(String inquiryId) {
    return new CanonicalWriter().writeString(InquiryIds.require(inquiryId))
        .toByteArray();
  }

  public static byte[] reportPayload(InquiryReport report) {
    return report.toCanonicalBytes();
  }

  public static byte[] decisionPayload(CreditDecision decision) {
    return decision.toCanonicalBytes();
  }

  /**
   * The inquiry a payload of any credit action is about: every payload starts with the inquiry id. Throws
   * when the payload does not start with a valid one.
   */
  public static String inquiryIdOf(byte[] payload) throws CanonicalFormatException {
    // register-key is the one action about no inquiry: callers look at its action first.
    return InquiryIds.read(new CanonicalReader(payload));
  }

  @Override
  public void validate(CreditState state, Entry entry, ExecutionContext context) throws PreconditionFailedException {
    if (entry.action().equals(REGISTER_KEY)) {
      InquirySteps.registerKey(state, registeredKey(entry), entry.submitter(), context);
      return;
    }
    step(state, entry, context);
  }

  @Override
  public CreditState apply(CreditState state, Entry entry, ExecutionContext context) {
    try {
      if (entry.action().equals(REGISTER_KEY)) {
        byte[] publicKey = registeredKey(entry);
        InquirySteps.registerKey(state, publicKey, entry.submitter(), context);
        return state.withKey(entry.submitter(), publicKey);
      }
      Step step = step(state, entry, context);
      return entry.action().equals(OPEN)
          ? state.withNew(step.inquiryId(), step.inquiry())
          : state.withUpdated(step.inquiryId(), step.inquiry());
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("apply called for an entry validate refused: " + e.getMessage(), e);
    }
  }

  @Override
  public CreditState readState(CanonicalReader reader) throws CanonicalFormatException {
    return CreditState.read(reader, bounds);
  }

  private record Step(String inquiryId, Inquiry inquiry) {}

  private Step step(CreditState state, Entry entry, ExecutionContext context) throws PreconditionFailedException {
    switch (entry.action()) {
      case OPEN -> {
        OpenInquiry open = payload(entry, OpenInquiry::read, "an inquiry to open");
        return new Step(open.inquiryId(), InquirySteps.open(state, open, entry.submitter(), context, bounds));
      }
      case CONTRIBUTE -> {
        EncryptedShare share = payload(entry, EncryptedShare::read, "a contribution");
        return new Step(share.inquiryId(), InquirySteps.contribute(state, share, entry.submitter(), context));
      }
      case CORRECT -> {
        EncryptedShare share = payload(entry, EncryptedShare::read, "a correction");
        return new Step(share.inquiryId(), InquirySteps.correct(state, share, entry.submitter(), context));
      }
      case EXPIRE -> {
        String inquiryId = payload(entry, InquiryIds::read, "an inquiry id");
        return new Step(inquiryId, InquirySteps.expire(state, inquiryId, entry.submitter(), context));
      }
      case REPORT -> {
        InquiryReport report = payload(entry, InquiryReport::read, "a report");
        return new Step(report.inquiryId(), InquirySteps.report(state, report, entry.submitter()));
      }
      case DECISION -> {
        CreditDecision decision = payload(entry, CreditDecision::read, "a decision");
        return new Step(decision.inquiryId(), InquirySteps.decide(state, decision, entry.submitter()));
      }
      default -> throw new PreconditionFailedException("credit has no action '" + entry.action() + "'; its actions"
          + " are " + String.join(", ", REGISTER_KEY, OPEN, CONTRIBUTE, CORRECT, EXPIRE, REPORT, DECISION));
    }
  }

  private static byte[] registeredKey(Entry entry) throws PreconditionFailedException {
    return payload(entry, r -> r.readBytes(OpenInquiry.MAX_PUBLIC_KEY_BYTES), "a Paillier public key");
  }

  private static <T> T payload(Entry entry, CanonicalDecoder<T> decoder, String what)
      throws PreconditionFailedException {
    try {
      return CanonicalReader.decode(entry.payload(), decoder);
    } catch (CanonicalFormatException e) {
      throw new PreconditionFailedException("payload of " + entry.action() + " is not " + what + ": "
          + e.getMessage());
    }
  }
}
