package dev.consilium.roles.credit;

import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.CreditDecision;
import dev.consilium.ledger.credit.CustomerDecision;
import dev.consilium.ledger.credit.EncryptedShare;
import dev.consilium.ledger.credit.Inquiry;
import dev.consilium.ledger.credit.InquiryReport;
import dev.consilium.ledger.credit.OpenInquiry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.mask.ZeroSumMask;
import dev.consilium.mpc.paillier.MaskedPlaintext;
import dev.consilium.mpc.paillier.PaillierCiphertext;
import dev.consilium.mpc.paillier.PaillierDecrypter;
import dev.consilium.mpc.paillier.PaillierEncrypter;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import dev.consilium.mpc.signature.Ed25519PublicKey;
import dev.consilium.roles.customer.Consent;
import dev.consilium.roles.customer.PseudonymKey;
import dev.consilium.roles.institution.CreditRule;
import dev.consilium.roles.institution.LoanBook;
import dev.consilium.roles.institution.PaillierKeyRing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The work behind each step of a credit inquiry on one institution: reading its loan book, masking,
 * encrypting, decrypting, sealing the report. Each method builds the payload of one ledger entry from
 * committed state and this bank's secrets, and runs off the desk's actor; all of it is thread-safe.
 * A step this bank will not take throws {@link StepRefusal}.
 */
public final class InquiryWork {
  static final String INSTITUTION = "institution";
  static final String REGULATOR = "regulator";

  private final Did self;
  private final X25519PrivateKey agreementKey;
  private final PseudonymKey pseudonyms;
  private final LoanBook book;
  private final PaillierKeyRing keys;
  private final EncrypterCache encrypters;
  private final DeskSettings settings;
  private final Clock clock;
  private final SecureRandom random;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final LongAdder cryptoNanos = new LongAdder();

  public InquiryWork(Did self, X25519PrivateKey agreementKey, PseudonymKey pseudonyms, LoanBook book,
      PaillierKeyRing keys, DeskSettings settings, Clock clock, SecureRandom random) {
    this.self = self;
    this.agreementKey = agreementKey;
    this.pseudonyms = pseudonyms;
    this.book = book;
    this.keys = keys;
    this.encrypters = new EncrypterCache(settings.encrypterCache(), settings.naiveBaseline());
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /** CPU time spent in cryptography so far, in nanoseconds. */
  long cryptoNanos() {
    return cryptoNanos.sum();
  }

  /**
   * The {@code open} entry of {@code application}: every admitted institution (this one included) takes
   * part, under this bank's current Paillier key; the consent must be the customer's, for this inquiry and
   * this bank. One customer, so one pseudonym, one consent and one ciphertext per share: this desk does not
   * batch.
   */
  byte[] open(Application application, LedgerState state, long deadlineMs) {
    byte[] pseudonym = pseudonyms.pseudonym(application.customerId());
    Consent consent = application.consent();
    if (!Arrays.equals(pseudonym, consent.pseudonym())) {
      throw new StepRefusal("the consent for inquiry " + application.inquiryId() + " names another customer");
    }
    // A customer on file must have signed with the key on file; a new applicant with the key they applied with.
    Optional<LoanBook.Holding> holding = book.findByPseudonym(pseudonym);
    checkConsent(consent, holding.flatMap(LoanBook.Holding::consentKey).orElse(consent.customerKey()),
        application.inquiryId(), self);
    List<Did> participants = new ArrayList<>();
    for (MemberDocument member : state.membership().admittedWithRole(INSTITUTION)) {
      participants.add(member.did());
    }
    participants.sort(null);
    PaillierPublicKey key = keys.current();
    return CreditContract.openPayload(new OpenInquiry(application.inquiryId(), List.of(pseudonym), key.toBytes(),
        List.of(consent.toCanonicalBytes()), participants, deadlineMs, settings.minContributors(participants.size()),
        1));
  }

  /**
   * This bank's {@code contribute} entry: what the customer owes here (0 when nothing, so absence is hidden),
   * plus its zero-sum mask, encrypted under the asker's key. A customer on file is answered for only with
   * their valid consent.
   */
  byte[] contribution(Inquiry inquiry, String inquiryId, byte[] consentBytes, LedgerState state) {
    requireSingleCustomer(inquiry, inquiryId);
    byte[] pseudonym = inquiry.pseudonyms().get(0);
    Optional<LoanBook.Holding> holding = book.findByPseudonym(pseudonym);
    long amount = 0;
    if (holding.isPresent()) {
      if (consentBytes == null) {
        throw new StepRefusal("inquiry " + inquiryId + " concerns a customer on file, and this bank has not seen"
            + " its consent");
      }
      Consent consent;
      try {
        consent = Consent.fromBytes(consentBytes);
      } catch (CanonicalFormatException e) {
        throw new StepRefusal("the consent of inquiry " + inquiryId + " does not read: " + e.getMessage());
      }
      if (!Arrays.equals(consent.pseudonym(), pseudonym)) {
        throw new StepRefusal("the consent of inquiry " + inquiryId + " names another customer");
      }
      checkConsent(consent, holding.get().consentKey().orElseThrow(() -> new StepRefusal("inquiry " + inquiryId
          + " concerns a customer on file without a consent key; this bank cannot check the consent")),
          inquiryId, inquiry.asker());
      amount = holding.get().outstandingCents();
    }
    long value = amount;
    PaillierEncrypter encrypter = encrypter(inquiry);
    List<X25519PublicKey> banks = agreementKeys(inquiry, state.membership());
    int position = inquiry.participants().indexOf(self);
    byte[] ciphertext = timed(() -> {
      try {
        return (settings.naiveBaseline() ? encrypter.encryptSigned(value)
            : maskedShare(agreementKey, position, banks, inquiryId, value, encrypter)).toBytes();
      } catch (InvalidKeyException e) {
        throw new StepRefusal("a participant's agreement key is unusable: " + e.getMessage());
      }
    });
    return CreditContract.sharePayload(new EncryptedShare(inquiryId, List.of(ciphertext)));
  }

  /**
   * {@code amount} plus this bank's zero-sum mask for the inquiry, encrypted: alone it decrypts to a number
   * uniform mod n; the masks of all {@code banks} (in the inquiry's order) cancel in the sum.
   */
  static PaillierCiphertext maskedShare(X25519PrivateKey mine, int position, List<X25519PublicKey> banks,
      String inquiryId, long amount, PaillierEncrypter encrypter) throws InvalidKeyException {
    BigInteger mask = ZeroSumMask.totalMask(mine, position, banks, idBytes(inquiryId),
        encrypter.publicKey().modulus());
    return MaskedPlaintext.encrypt(encrypter, amount, mask);
  }

  /** This bank's {@code correct} entry: the negation of its masks with the participants that never contributed. */
  byte[] correction(Inquiry inquiry, String inquiryId, LedgerState state) {
    requireSingleCustomer(inquiry, inquiryId);
    Set<Integer> missing = new HashSet<>();
    for (int i = 0; i < inquiry.participants().size(); i++) {
      if (!inquiry.contributors().contains(inquiry.participants().get(i))) {
        missing.add(i);
      }
    }
    PaillierEncrypter encrypter = encrypter(inquiry);
    List<X25519PublicKey> banks = agreementKeys(inquiry, state.membership());
    int position = inquiry.participants().indexOf(self);
    byte[] ciphertext = timed(() -> {
      try {
        BigInteger correction = settings.naiveBaseline() ? BigInteger.ZERO : ZeroSumMask.correction(agreementKey,
            position, banks, missing, idBytes(inquiryId), encrypter.publicKey().modulus());
        return MaskedPlaintext.encryptCorrection(encrypter, correction).toBytes();
      } catch (InvalidKeyException e) {
        throw new StepRefusal("a participant's agreement key is unusable: " + e.getMessage());
      }
    });
    return CreditContract.sharePayload(new EncryptedShare(inquiryId, List.of(ciphertext)));
  }

  /** The consortium-wide total of an inquiry this bank asked, decrypted with the key it was asked under. */
  long decryptTotal(Inquiry inquiry, String inquiryId) {
    PaillierPublicKey key;
    try {
      key = PaillierPublicKey.fromBytes(inquiry.askerKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("inquiry " + inquiryId + " carries an invalid key: " + e.getMessage(), e);
    }
    PaillierDecrypter decrypter = keys.decrypterFor(key).orElseThrow(() -> new StepRefusal("inquiry " + inquiryId
        + " was asked under key " + key.fingerprintHex() + ", which this bank no longer holds"));
    long total = timed(() -> {
      try {
        return decrypter.decryptLong(PaillierCiphertext.fromBytes(inquiry.total().get(0), key));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the total of inquiry " + inquiryId + " does not decrypt: " + e.getMessage(),
            e);
      }
    });
    // Every bank's amount is in [0, MAX_TOTAL_CENTS]: a total outside their sum means the masks did not cancel.
    long bound = Math.multiplyExact(LoanBook.MAX_TOTAL_CENTS, (long) inquiry.contributors().size());
    if (total < 0 || total > bound) {
      throw new IllegalStateException("the total of inquiry " + inquiryId + " is outside [0, " + bound
          + "]: the contributions' masks did not cancel");
    }
    return total;
  }

  /** The {@code report} entry: the total sealed to the regulator's agreement key. */
  byte[] report(String inquiryId, long totalCents, LedgerState state) {
    List<MemberDocument> regulators = state.membership().admittedWithRole(REGULATOR);
    if (regulators.isEmpty()) {
      throw new StepRefusal("no admitted regulator to report inquiry " + inquiryId + " to");
    }
    // One report per inquiry: to the first regulator in DID order, the same for every bank.
    MemberDocument regulator = regulators.stream().min((a, b) -> a.did().compareTo(b.did())).orElseThrow();
    byte[] sealed = timed(() -> ReportSeal.seal(regulator.agreementKey(), new ReportContent(inquiryId, totalCents),
        random));
    return CreditContract.reportPayload(new InquiryReport(inquiryId, sealed));
  }

  /** The {@code decision} entry, by this bank's rule; a code only, never an amount. */
  byte[] decision(String inquiryId, Application application, long totalCents) {
    CreditRule.Verdict verdict = settings.rule().decide(totalCents, application.requestedCents(),
        application.annualIncomeCents());
    return CreditContract.decisionPayload(new CreditDecision(inquiryId, List.of(new CustomerDecision(
        verdict.approved(), verdict.approved() ? "within-debt-limit" : "over-debt-limit"))));
  }

  /**
   * This desk answers and asks about one customer at a time, with one ciphertext per share: a batch inquiry
   * (another asker's layout of packed amounts) is one it cannot compute a share for, so it stays out.
   */
  private static void requireSingleCustomer(Inquiry inquiry, String inquiryId) {
    if (inquiry.customerCount() != 1 || inquiry.ciphertextsPerShare() != 1) {
      throw new StepRefusal("inquiry " + inquiryId + " covers " + inquiry.customerCount() + " customers with "
          + inquiry.ciphertextsPerShare() + " ciphertexts per share; this bank answers only single-customer"
          + " inquiries");
    }
  }

  private void checkConsent(Consent consent, Ed25519PublicKey keyOnFile,
      String inquiryId, Did asker) {
    timed(() -> {
      try {
        consent.verify(keyOnFile, inquiryId, asker, clock.millis());
        return null;
      } catch (GeneralSecurityException e) {
        throw new StepRefusal("the consent of inquiry " + inquiryId + " does not hold: " + e.getMessage());
      }
    });
  }

  private PaillierEncrypter encrypter(Inquiry inquiry) {
    try {
      PaillierPublicKey key = PaillierPublicKey.fromBytes(inquiry.askerKey());
      return timed(() -> encrypters.forKey(key));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a committed inquiry carries an invalid key: " + e.getMessage(), e);
    }
  }

  /** Every participant's agreement key, in the inquiry's participant (DID) order. */
  private static List<X25519PublicKey> agreementKeys(Inquiry inquiry, MembershipState membership) {
    List<X25519PublicKey> keys = new ArrayList<>(inquiry.participants().size());
    for (Did participant : inquiry.participants()) {
      keys.add(membership.find(participant).orElseThrow(() -> new StepRefusal("participant " + participant
          + " is not a member")).document().agreementKey());
    }
    return keys;
  }

  /** Runs {@code work}, counting the CPU time this thread spends in it (not wall time: threads share cores). */
  private <T> T timed(Supplier<T> work) {
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      return work.get();
    } finally {
      cryptoNanos.add(THREADS.getCurrentThreadCpuTime() - start);
    }
  }

  private static byte[] idBytes(String inquiryId) {
    return inquiryId.getBytes(StandardCharsets.UTF_8);
  }
}
