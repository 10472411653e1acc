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

  /** The key this bank asks under now; it rotates on schedule, and must be registered on the ledger first. */
  PaillierPublicKey currentKey() {
    return keys.current();
  }

  /** Whether this bank still holds the private key of {@code askerKey} (an encoded public key). */
  boolean holdsKey(byte[] askerKey) {
    return keys.holds(askerKey);
  }

  /** The {@code register-key} entry for {@code key}. */
  static byte[] keyRegistration(PaillierPublicKey key) {
    return CreditContract.registerKeyPayload(key.toBytes());
  }

  /**
   * The {@code open} entry of {@code application}: every admitted institution (this one included) takes
   * part, under {@code key} (this bank's, registered on the ledger); each consent must be its customer's, for
   * this inquiry and this bank. The amounts are packed ({@link InquiryPacking}), so the share of a batch is a
   * few ciphertexts.
   */
  byte[] open(Application application, PaillierPublicKey key, LedgerState state, long deadlineMs) {
    String inquiryId = application.inquiryId();
    List<byte[]> pseudonymList = new ArrayList<>(application.applicants().size());
    List<byte[]> consentList = new ArrayList<>(application.applicants().size());
    List<ConsentCheck> checks = new ArrayList<>(application.applicants().size());
    for (int i = 0; i < application.applicants().size(); i++) {
      Applicant applicant = application.applicants().get(i);
      byte[] pseudonym = pseudonyms.pseudonym(applicant.customerId());
      Consent consent = applicant.consent();
      if (!Arrays.equals(pseudonym, consent.pseudonym())) {
        throw new StepRefusal("the consent of applicant " + i + " of inquiry " + inquiryId
            + " names another customer");
      }
      // A customer on file must have signed with the key on file; a new applicant with the key they applied with.
      Optional<LoanBook.Holding> holding = book.findByPseudonym(pseudonym);
      checks.add(new ConsentCheck(i, consent,
          holding.flatMap(LoanBook.Holding::consentKey).orElse(consent.customerKey())));
      pseudonymList.add(pseudonym);
      consentList.add(consent.toCanonicalBytes());
    }
    checkConsents(checks, inquiryId, self);
    List<Did> participants = new ArrayList<>();
    for (MemberDocument member : state.membership().admittedWithRole(INSTITUTION)) {
      participants.add(member.did());
    }
    participants.sort(null);
    InquiryPacking packing = InquiryPacking.of(key.parameters(), participants.size(), pseudonymList.size());
    return CreditContract.openPayload(new OpenInquiry(inquiryId, pseudonymList, key.toBytes(), consentList,
        participants, deadlineMs, settings.minContributors(participants.size()), packing.ciphertexts()));
  }

  /**
   * This bank's {@code contribute} entry: what each customer owes here (0 when nothing, so absence is
   * hidden), packed, each ciphertext plus this bank's zero-sum mask for it, encrypted under the asker's key.
   * A customer on file is answered for only with their valid consent.
   */
  byte[] contribution(Inquiry inquiry, String inquiryId, List<byte[]> consents, LedgerState state) {
    int customers = inquiry.customerCount();
    if (consents.size() != customers) {
      throw new StepRefusal("inquiry " + inquiryId + " concerns " + customers + " customers, and this bank has "
          + consents.size() + " consents for it");
    }
    PaillierEncrypter encrypter = encrypter(inquiry);
    InquiryPacking packing = packing(inquiry, inquiryId, encrypter.publicKey());
    long[] amounts = new long[customers];
    List<byte[]> inquiryPseudonyms = inquiry.pseudonyms(); // a copy each call: taken once
    List<ConsentCheck> checks = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      amounts[i] = amountFor(inquiryPseudonyms.get(i), inquiry, inquiryId, i, consents.get(i),
          packing.maxAmountCents(), checks);
    }
    checkConsents(checks, inquiryId, inquiry.asker());
    List<X25519PublicKey> banks = agreementKeys(inquiry, state.membership());
    int position = inquiry.participants().indexOf(self);
    List<byte[]> ciphertexts = timed(() -> {
      List<byte[]> out = new ArrayList<>(packing.ciphertexts());
      for (int index = 0; index < packing.ciphertexts(); index++) {
        BigInteger packed = packing.pack(amounts, index);
        try {
          out.add((settings.naiveBaseline() ? encrypter.encrypt(packed)
              : maskedShare(agreementKey, position, banks, inquiryId, index, packed, encrypter)).toBytes());
        } catch (InvalidKeyException e) {
          throw new StepRefusal("a participant's agreement key is unusable: " + e.getMessage());
        }
      }
      return out;
    });
    return CreditContract.sharePayload(new EncryptedShare(inquiryId, ciphertexts));
  }

  /**
   * What customer {@code index} of the inquiry owes here, 0 when not on file; a customer on file adds the
   * check of their consent to {@code checks}, which must pass before the amount is used.
   */
  private long amountFor(byte[] pseudonym, Inquiry inquiry, String inquiryId, int index, byte[] consentBytes,
      long maxCents, List<ConsentCheck> checks) {
    Optional<LoanBook.Holding> holding = book.findByPseudonym(pseudonym);
    if (holding.isEmpty()) {
      return 0;
    }
    Consent consent;
    try {
      consent = Consent.fromBytes(consentBytes);
    } catch (CanonicalFormatException e) {
      throw new StepRefusal("the consent of customer " + index + " of inquiry " + inquiryId + " does not read: "
          + e.getMessage());
    }
    if (!Arrays.equals(consent.pseudonym(), pseudonym)) {
      throw new StepRefusal("the consent of customer " + index + " of inquiry " + inquiryId
          + " names another customer");
    }
    checks.add(new ConsentCheck(index, consent, holding.get().consentKey().orElseThrow(() -> new StepRefusal(
        "customer " + index + " of inquiry " + inquiryId + " is on file without a consent key; this bank cannot"
        + " check the consent"))));
    long amount = holding.get().outstandingCents();
    if (amount > maxCents) {
      throw new StepRefusal("customer " + index + " of inquiry " + inquiryId + " owes this bank more than the "
          + "inquiry's packing holds for " + inquiry.participants().size() + " participants");
    }
    return amount;
  }

  /**
   * Packed {@code amounts} (ciphertext {@code index} of an inquiry's share) plus this bank's zero-sum mask for
   * that ciphertext, encrypted: alone it decrypts to a number uniform mod n; the masks of all {@code banks}
   * (in the inquiry's order) cancel in the sum.
   */
  static PaillierCiphertext maskedShare(X25519PrivateKey mine, int position, List<X25519PublicKey> banks,
      String inquiryId, int index, BigInteger packed, PaillierEncrypter encrypter) throws InvalidKeyException {
    BigInteger mask = ZeroSumMask.totalMask(mine, position, banks, InquiryPacking.maskInput(inquiryId, index),
        encrypter.publicKey().modulus());
    return MaskedPlaintext.encryptPacked(encrypter, packed, mask);
  }

  /**
   * This bank's {@code correct} entry: for each ciphertext, the negation of its masks with the participants
   * that never contributed.
   */
  byte[] correction(Inquiry inquiry, String inquiryId, LedgerState state) {
    Set<Integer> missing = new HashSet<>();
    for (int i = 0; i < inquiry.participants().size(); i++) {
      if (!inquiry.contributors().contains(inquiry.participants().get(i))) {
        missing.add(i);
      }
    }
    PaillierEncrypter encrypter = encrypter(inquiry);
    int count = packing(inquiry, inquiryId, encrypter.publicKey()).ciphertexts();
    List<X25519PublicKey> banks = agreementKeys(inquiry, state.membership());
    int position = inquiry.participants().indexOf(self);
    List<byte[]> ciphertexts = timed(() -> {
      List<byte[]> out = new ArrayList<>(count);
      for (int index = 0; index < count; index++) {
        try {
          BigInteger correction = settings.naiveBaseline() ? BigInteger.ZERO : ZeroSumMask.correction(agreementKey,
              position, banks, missing, InquiryPacking.maskInput(inquiryId, index),
              encrypter.publicKey().modulus());
          out.add(MaskedPlaintext.encryptPacked(encrypter, BigInteger.ZERO, correction).toBytes());
        } catch (InvalidKeyException e) {
          throw new StepRefusal("a participant's agreement key is unusable: " + e.getMessage());
        }
      }
      return out;
    });
    return CreditContract.sharePayload(new EncryptedShare(inquiryId, ciphertexts));
  }

  /**
   * Each customer's consortium-wide total of an inquiry this bank asked, decrypted with the key it was asked
   * under and unpacked, in the inquiry's order.
   */
  List<Long> decryptTotals(Inquiry inquiry, String inquiryId) {
    PaillierPublicKey key;
    try {
      key = PaillierPublicKey.fromBytes(inquiry.askerKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("inquiry " + inquiryId + " carries an invalid key: " + e.getMessage(), e);
    }
    PaillierDecrypter decrypter = keys.decrypterFor(key).orElseThrow(() -> new StepRefusal("inquiry " + inquiryId
        + " was asked under key " + key.fingerprintHex() + ", which this bank no longer holds"));
    InquiryPacking packing = packing(inquiry, inquiryId, key);
    int summands = inquiry.contributors().size();
    long[] totals = timed(() -> {
      List<BigInteger> plaintexts = new ArrayList<>(inquiry.total().size());
      try {
        for (byte[] ciphertext : inquiry.total()) {
          plaintexts.add(decrypter.decrypt(PaillierCiphertext.fromBytes(ciphertext, key)));
        }
        return packing.unpack(plaintexts, summands);
      } catch (GeneralSecurityException | ArithmeticException e) {
        // An overflowing slot (PlaintextOverflowException) means the masks did not cancel.
        throw new IllegalStateException("the totals of inquiry " + inquiryId + " do not decrypt: " + e.getMessage(),
            e);
      }
    });
    // Every bank's amount is in [0, MAX_TOTAL_CENTS]: a total outside their sum means the masks did not cancel.
    long bound = Math.multiplyExact(LoanBook.MAX_TOTAL_CENTS, (long) summands);
    List<Long> result = new ArrayList<>(totals.length);
    for (int i = 0; i < totals.length; i++) {
      if (totals[i] < 0 || totals[i] > bound) {
        throw new IllegalStateException("the total of customer " + i + " of inquiry " + inquiryId
            + " is outside [0, " + bound + "]: the contributions' masks did not cancel");
      }
      result.add(totals[i]);
    }
    return result;
  }

  /** The {@code report} entry: the totals sealed to the regulator's agreement key. */
  byte[] report(String inquiryId, List<Long> totalsCents, LedgerState state) {
    List<MemberDocument> regulators = state.membership().admittedWithRole(REGULATOR);
    if (regulators.isEmpty()) {
      throw new StepRefusal("no admitted regulator to report inquiry " + inquiryId + " to");
    }
    // One report per inquiry: to the first regulator in DID order, the same for every bank.
    MemberDocument regulator = regulators.stream().min((a, b) -> a.did().compareTo(b.did())).orElseThrow();
    byte[] sealed = timed(() -> ReportSeal.seal(regulator.agreementKey(),
        new ReportContent(inquiryId, totalsCents), random));
    return CreditContract.reportPayload(new InquiryReport(inquiryId, sealed));
  }

  /** The {@code decision} entry, one per customer by this bank's rule; codes only, never an amount. */
  byte[] decision(String inquiryId, Application application, List<Long> totalsCents) {
    if (totalsCents.size() != application.applicants().size()) {
      throw new IllegalStateException("inquiry " + inquiryId + " has " + totalsCents.size() + " totals for "
          + application.applicants().size() + " applicants");
    }
    List<CustomerDecision> decisions = new ArrayList<>(totalsCents.size());
    for (int i = 0; i < totalsCents.size(); i++) {
      Applicant applicant = application.applicants().get(i);
      CreditRule.Verdict verdict = settings.rule().decide(totalsCents.get(i), applicant.requestedCents(),
          applicant.annualIncomeCents());
      decisions.add(new CustomerDecision(verdict.approved(),
          verdict.approved() ? "within-debt-limit" : "over-debt-limit"));
    }
    return CreditContract.decisionPayload(new CreditDecision(inquiryId, decisions));
  }

  /**
   * The inquiry's packing, as this bank derives it; an asker who declared another ciphertext count packed
   * otherwise, and no share of this bank's would line up with the others', so it stays out.
   */
  private static InquiryPacking packing(Inquiry inquiry, String inquiryId, PaillierPublicKey key) {
    InquiryPacking packing = InquiryPacking.of(key.parameters(), inquiry.participants().size(),
        inquiry.customerCount());
    if (packing.ciphertexts() != inquiry.ciphertextsPerShare()) {
      throw new StepRefusal("inquiry " + inquiryId + " declares " + inquiry.ciphertextsPerShare() + " ciphertexts"
          + " per share; " + inquiry.customerCount() + " customers under its key and participants pack into "
          + packing.ciphertexts());
    }
    return packing;
  }

  /** A customer's consent, to be checked against the key this bank holds (or was given) for them. */
  private record ConsentCheck(int index, Consent consent, Ed25519PublicKey key) {}

  /** Checks every consent, timed once: the CPU-time clock itself costs too much to read per consent. */
  private void checkConsents(List<ConsentCheck> checks, String inquiryId, Did asker) {
    long nowMs = clock.millis();
    timed(() -> {
      for (ConsentCheck check : checks) {
        try {
          check.consent().verify(check.key(), inquiryId, asker, nowMs);
        } catch (GeneralSecurityException e) {
          throw new StepRefusal("the consent of customer " + check.index() + " of inquiry " + inquiryId
              + " does not hold: " + e.getMessage());
        }
      }
      return null;
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

}
