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

/**
 * The rules of each credit action, as functions from the inquiry before to the inquiry after. Validate and
 * apply both run them, so a rule cannot be checked one way and applied another; each refusal names its
 * rule and the values that broke it.
 */
final class InquirySteps {
  static final String INSTITUTION = "institution";

  private InquirySteps() {}

  static Inquiry open(CreditState state, OpenInquiry open, Did asker, ExecutionContext context, int maxInquiries)
      throws PreconditionFailedException {
    MembershipState members = context.membership();
    if (!members.isAdmittedWithRole(asker, INSTITUTION)) {
      throw refused("only an admitted institution may open an inquiry; " + asker + " is not one");
    }
    if (state.find(open.inquiryId()).isPresent()) {
      throw refused("inquiry " + open.inquiryId() + " already exists; inquiry ids are never reused");
    }
    if (state.size() >= maxInquiries) {
      throw refused("the credit contract holds its maximum of " + maxInquiries + " inquiries");
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
    try {
      PaillierPublicKey.fromBytes(open.askerKey());
    } catch (InvalidKeyException e) {
      throw refused("the asker's Paillier public key for inquiry " + open.inquiryId() + " is invalid: "
          + e.getMessage());
    }
    return Inquiry.opened(open, asker, Sha256.digest(open.consent()), context.height());
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
    requireOpen(inquiry, share.inquiryId(), "correction");
    requireDeadlinePassed(inquiry, share.inquiryId(), context, "corrections");
    if (inquiry.contributors().size() < inquiry.minContributors()) {
      throw refused("inquiry " + share.inquiryId() + " has " + inquiry.contributors().size()
          + " contributors, below its minimum of " + inquiry.minContributors() + "; it can only expire");
    }
    return inquiry.withCorrection(bank, addToTotal(inquiry, share, "correction"));
  }

  static Inquiry expire(CreditState state, String inquiryId, Did submitter, ExecutionContext context)
      throws PreconditionFailedException {
    Inquiry inquiry = existing(state, inquiryId);
    if (!context.membership().isAdmitted(submitter)) {
      throw refused("only an admitted member may expire an inquiry; " + submitter + " is not one");
    }
    requireOpen(inquiry, inquiryId, "expiry");
    requireDeadlinePassed(inquiry, inquiryId, context, "expiry");
    if (inquiry.contributors().size() >= inquiry.minContributors()) {
      throw refused("inquiry " + inquiryId + " has " + inquiry.contributors().size() + " contributors, at least its"
          + " minimum of " + inquiry.minContributors() + "; it closes by corrections, not expiry");
    }
    return inquiry.insufficient();
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
    return inquiry.decided(decision.approved(), decision.reasonCode());
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
    if (inquiry.status() != InquiryStatus.OPEN) {
      throw refused("inquiry " + inquiryId + " is " + inquiry.status() + "; no " + what + " after it ends");
    }
  }

  private static void requireDeadlinePassed(Inquiry inquiry, String inquiryId, ExecutionContext context, String what)
      throws PreconditionFailedException {
    if (context.timestampMs() < inquiry.deadlineMs()) {
      throw refused(what + " of inquiry " + inquiryId + " wait for its deadline " + inquiry.deadlineMs()
          + " ms; the block timestamp is " + context.timestampMs() + " ms");
    }
  }

  /** The total times the share's ciphertext, after checking the share is in Z*_{n²} of the asker's key. */
  private static byte[] addToTotal(Inquiry inquiry, EncryptedShare share, String what)
      throws PreconditionFailedException {
    PaillierPublicKey key = askerKey(inquiry);
    PaillierCiphertext added;
    try {
      added = PaillierCiphertext.fromBytes(share.ciphertext(), key);
    } catch (WrongKeyException e) {
      throw refused("the " + what + " to inquiry " + share.inquiryId() + " is not under the asker's key: "
          + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw refused("the " + what + " to inquiry " + share.inquiryId() + " is not a valid ciphertext: "
          + e.getMessage());
    }
    byte[] total = inquiry.total();
    if (total.length == 0) {
      return added.toBytes();
    }
    try {
      return PaillierCiphertext.fromBytes(total, key).add(added).toBytes();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored total of inquiry " + share.inquiryId() + " does not read back under"
          + " its key: " + e.getMessage(), e);
    }
  }

  private static PaillierPublicKey askerKey(Inquiry inquiry) {
    try {
      return PaillierPublicKey.fromBytes(inquiry.askerKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a stored asker key no longer reads: " + e.getMessage(), e);
    }
  }

  private static PreconditionFailedException refused(String reason) {
    return new PreconditionFailedException(reason);
  }
}
