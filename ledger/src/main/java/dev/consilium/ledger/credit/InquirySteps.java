package dev.consilium.ledger.credit;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.mpc.paillier.WrongKeyException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of each credit action, as functions from the inquiry before to the inquiry after. Validate and
 * apply both run them, so a rule cannot be checked one way and applied another; each refusal names its
 * rule and the values that broke it.
 */
final class InquirySteps {
  static final String INSTITUTION = "institution";

  private InquirySteps() {}

  static Inquiry open(CreditState state, OpenInquiry open, Did asker, ExecutionContext context,
      CreditBounds bounds) throws PreconditionFailedException {
    MembershipState members = context.membership();
    if (!members.isAdmittedWithRole(asker, INSTITUTION)) {
      throw refused("only an admitted institution may open an inquiry; " + asker + " is not one");
    }
    if (state.find(open.inquiryId()).isPresent()) {
      throw refused("inquiry " + open.inquiryId() + " already exists; inquiry ids are never reused");
    }
    if (state.size() >= bounds.maxInquiries()) {
      throw refused("the credit contract holds its maximum of " + bounds.maxInquiries() + " inquiries");
    }
    if ((long) state.heldCustomers() + open.customerCount() > bounds.maxHeldCustomers()) {
      throw refused("inquiry " + open.inquiryId() + " has " + open.customerCount() + " customers; the credit"
          + " contract holds " + state.heldCustomers() + " of its maximum of " + bounds.maxHeldCustomers());
    }
    if ((long) state.heldCiphertexts() + open.ciphertextsPerShare() > bounds.maxHeldCiphertexts()) {
      throw refused("inquiry " + open.inquiryId() + " has " + open.ciphertextsPerShare() + " ciphertexts per"
          + " share; the credit contract's totals hold " + state.heldCiphertexts() + " of its maximum of "
          + bounds.maxHeldCiphertexts());
    }
    for (Did participant : open.participants()) {
      if (!members.isAdmittedWithRole(participant, INSTITUTION)) {
        throw refused("participant " + participant + " of inquiry " + open.inquiryId()
            + " is not an admitted institution");
      }
    }
    if (open.deadlineMs() <= context.timestampMs()) {
      throw refused("inquiry " + open.inquiryId() + " has deadline " + open.deadlineMs()
          + " ms, not after the block timestamp " + context.timestampMs() + " ms");
    }
    if (!state.keys().isRegistered(asker, open.askerKey())) {
      throw refused("inquiry " + open.inquiryId() + " is asked under Paillier key " + fingerprint(open.askerKey())
          + ", which " + asker + " has not registered (or registered " + RegisteredKeys.MAX_KEYS_PER_INSTITUTION
          + " newer keys since); register-key first");
    }
    return Inquiry.opened(open, asker, context.height());
  }

  /**
   * {@code register-key}: an admitted institution registers a Paillier public key to ask under. The key must
   * be valid and new: a key belongs to one bank, registered once.
   */
  static void registerKey(CreditState state, byte[] publicKey, Did institution, ExecutionContext context)
      throws PreconditionFailedException {
    if (!context.membership().isAdmittedWithRole(institution, INSTITUTION)) {
      throw refused("only an admitted institution may register a Paillier key; " + institution + " is not one");
    }
    try {
      CheckedPaillier.key(publicKey);
    } catch (InvalidKeyException e) {
      throw refused("the Paillier public key " + institution + " registers is invalid: " + e.getMessage());
    }
    if (state.keys().isRegisteredByAnyone(publicKey)) {
      throw refused("Paillier key " + fingerprint(publicKey) + " is already registered; a key is registered once,"
          + " by one institution");
    }
    if (state.keys().of(institution).isEmpty()
        && state.keys().institutionCount() >= RegisteredKeys.MAX_INSTITUTIONS) {
      throw refused("the credit contract holds keys of its maximum of " + RegisteredKeys.MAX_INSTITUTIONS
          + " institutions");
    }
  }

  /** Names a key in a refusal by a short hash, which the key's holder can match against its own. */
  private static String fingerprint(byte[] publicKey) {
    return Sha256.digest(publicKey).toHex().substring(0, 16);
  }

  static Inquiry contribute(CreditState state, EncryptedShare share, Did bank, ExecutionContext context)
      throws PreconditionFailedException {
    Inquiry inquiry = existing(state, share.inquiryId());
    requireInstitution(context, bank, "contribute to");
    if (!inquiry.participants().contains(bank)) {
      throw refused(bank + " is not a participant of inquiry " + share.inquiryId());
    }
    if (inquiry.contributors().contains(bank)) {
      throw refused(bank + " already contributed to inquiry " + share.inquiryId() + "; one contribution per bank");
    }
    requireOpen(inquiry, share.inquiryId(), "contribution");
    if (context.timestampMs() >= inquiry.deadlineMs()) {
      throw refused("inquiry " + share.inquiryId() + " passed its deadline " + inquiry.deadlineMs()
          + " ms at block timestamp " + context.timestampMs() + " ms; contributions are closed");
    }
    return inquiry.withContribution(bank, addToTotal(inquiry, share, "contribution"));
  }

  static Inquiry correct(CreditState state, EncryptedShare share, Did bank, ExecutionContext context)
      throws PreconditionFailedException {
    Inquiry inquiry = existing(state, share.inquiryId());
    requireInstitution(context, bank, "correct");
    if (!inquiry.contributors().contains(bank)) {
      throw refused(bank + " did not contribute to inquiry " + share.inquiryId() + "; only contributors correct");
    }
    if (inquiry.correctors().contains(bank)) {
      throw refused(bank + " already corrected inquiry " + share.inquiryId() + "; one correction per bank");
    }
    if (inquiry.status() == InquiryStatus.OPEN) {
      throw refused("inquiry " + share.inquiryId() + " is OPEN with " + inquiry.contributors().size() + " of "
          + inquiry.participants().size() + " contributors; corrections wait until it is expired at its deadline "
          + inquiry.deadlineMs() + " ms (block timestamp " + context.timestampMs() + " ms), which freezes its"
          + " contributors");
    }
    if (inquiry.status() != InquiryStatus.CORRECTING) {
      throw ended(inquiry, share.inquiryId(), "correction");
    }
    // CORRECTING is reached only by expire at or after the deadline, with at least the minimum contributors
    // (Inquiry's invariants), and block timestamps never decrease: no deadline or minimum check is left here.
    return inquiry.withCorrection(bank, addToTotal(inquiry, share, "correction"));
  }

  static Inquiry expire(CreditState state, String inquiryId, Did submitter, ExecutionContext context)
      throws PreconditionFailedException {
    Inquiry inquiry = existing(state, inquiryId);
    if (!context.membership().isAdmitted(submitter)) {
      throw refused("only an admitted member may expire an inquiry; " + submitter + " is not one");
    }
    if (inquiry.status() == InquiryStatus.CORRECTING) {
      throw refused("inquiry " + inquiryId + " is CORRECTING; it was already expired, with "
          + inquiry.contributors().size() + " contributors, at least its minimum of " + inquiry.minContributors()
          + ", and closes by corrections");
    }
    requireOpen(inquiry, inquiryId, "expiry");
    if (context.timestampMs() < inquiry.deadlineMs()) {
      throw refused("inquiry " + inquiryId + " expires only at or after its deadline " + inquiry.deadlineMs()
          + " ms; the block timestamp is " + context.timestampMs() + " ms");
    }
    return inquiry.contributors().size() < inquiry.minContributors() ? inquiry.insufficient() : inquiry.correcting();
  }

  static Inquiry report(CreditState state, InquiryReport report, Did submitter) throws PreconditionFailedException {
    Inquiry inquiry = existing(state, report.inquiryId());
    requireAsker(inquiry, report.inquiryId(), submitter, "report");
    if (inquiry.status() != InquiryStatus.CLOSED) {
      throw refused("inquiry " + report.inquiryId() + " is " + inquiry.status()
          + "; a report is filed once, after the inquiry CLOSED");
    }
    return inquiry.reported(Sha256.digest(report.ciphertext()));
  }

  static Inquiry decide(CreditState state, CreditDecision decision, Did submitter) throws PreconditionFailedException {
    Inquiry inquiry = existing(state, decision.inquiryId());
    requireAsker(inquiry, decision.inquiryId(), submitter, "decide");
    if (inquiry.status() != InquiryStatus.REPORTED) {
      throw refused("inquiry " + decision.inquiryId() + " is " + inquiry.status()
          + "; a decision is recorded once, after the report is filed");
    }
    if (decision.decisions().size() != inquiry.customerCount()) {
      throw refused("the decision on inquiry " + decision.inquiryId() + " has " + decision.decisions().size()
          + " customer decisions; the inquiry has " + inquiry.customerCount() + " customers, one decision each");
    }
    return inquiry.decided(decision.decisions());
  }

  private static Inquiry existing(CreditState state, String inquiryId) throws PreconditionFailedException {
    return state.find(inquiryId).orElseThrow(() -> refused("no inquiry " + inquiryId));
  }

  private static void requireInstitution(ExecutionContext context, Did submitter, String verb)
      throws PreconditionFailedException {
    if (!context.membership().isAdmittedWithRole(submitter, INSTITUTION)) {
      throw refused("only an admitted institution may " + verb + " an inquiry; " + submitter + " is not one");
    }
  }

  private static void requireAsker(Inquiry inquiry, String inquiryId, Did submitter, String verb)
      throws PreconditionFailedException {
    if (!inquiry.asker().equals(submitter)) {
      throw refused("only the asker " + inquiry.asker() + " may " + verb + " on inquiry " + inquiryId
          + ", not " + submitter);
    }
  }

  private static void requireOpen(Inquiry inquiry, String inquiryId, String what) throws PreconditionFailedException {
    if (inquiry.status() == InquiryStatus.CORRECTING) {
      throw refused("inquiry " + inquiryId + " is CORRECTING; no " + what + " after it expired at its deadline "
          + inquiry.deadlineMs() + " ms");
    }
    if (inquiry.status() != InquiryStatus.OPEN) {
      throw ended(inquiry, inquiryId, what);
    }
  }

  private static PreconditionFailedException ended(Inquiry inquiry, String inquiryId, String what) {
    return refused("inquiry " + inquiryId + " is " + inquiry.status() + "; no " + what + " after it ends");
  }

  /**
   * The total times the share, index by index, after checking the share has the inquiry's count of ciphertexts
   * and each is in Z*_{n²} of the asker's key. Before the first contribution the share is the total.
   */
  private static List<byte[]> addToTotal(Inquiry inquiry, EncryptedShare share, String what)
      throws PreconditionFailedException {
    List<byte[]> ciphertexts = share.ciphertexts();
    if (ciphertexts.size() != inquiry.ciphertextsPerShare()) {
      throw refused("the " + what + " to inquiry " + share.inquiryId() + " has " + ciphertexts.size()
          + " ciphertexts; the inquiry carries " + inquiry.ciphertextsPerShare() + " per share");
    }
    PaillierPublicKey key = askerKey(inquiry);
    List<PaillierCiphertext> added = new ArrayList<>(ciphertexts.size());
    for (int i = 0; i < ciphertexts.size(); i++) {
      try {
        added.add(CheckedPaillier.ciphertext(ciphertexts.get(i), key));
      } catch (WrongKeyException e) {
        throw refused("ciphertext " + i + " of the " + what + " to inquiry " + share.inquiryId()
            + " is not under the asker's key: " + e.getMessage());
      } catch (GeneralSecurityException e) {
        throw refused("ciphertext " + i + " of the " + what + " to inquiry " + share.inquiryId()
            + " is not a valid ciphertext: " + e.getMessage());
      }
    }
    List<byte[]> total = inquiry.total();
    List<byte[]> next = new ArrayList<>(added.size());
    for (int i = 0; i < added.size(); i++) {
      next.add(total.isEmpty() ? added.get(i).toBytes() : multiplied(total.get(i), added.get(i), key,
          share.inquiryId(), i));
    }
    return next;
  }

  private static byte[] multiplied(byte[] stored, PaillierCiphertext added, PaillierPublicKey key, String inquiryId,
      int index) {
    try {
      PaillierCiphertext product = CheckedPaillier.ciphertext(stored, key).add(added);
      byte[] bytes = product.toBytes();
      CheckedPaillier.remember(product, bytes);
      return bytes;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored total " + index + " of inquiry " + inquiryId + " does not read back"
          + " under its key: " + e.getMessage(), e);
    }
  }

  private static PaillierPublicKey askerKey(Inquiry inquiry) {
    try {
      return CheckedPaillier.key(inquiry.askerKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a stored asker key no longer reads: " + e.getMessage(), e);
    }
  }

  private static PreconditionFailedException refused(String reason) {
    return new PreconditionFailedException(reason);
  }
}
