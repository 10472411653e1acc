package dev.consilium.ledger.credit;

import static dev.consilium.ledger.credit.CreditLedger.DEADLINE_MS;
import static dev.consilium.ledger.credit.CreditLedger.T0_MS;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Every refusal of the credit contract, each with the reason it must name. */
public class CreditRefusalTest {
  private static final TestConsortium CONSORTIUM = new TestConsortium(CreditKeys.RANDOM);
  private static final Member A = CONSORTIUM.bankA;
  private static final Member B = CONSORTIUM.bankB;
  private static final Member C = CONSORTIUM.bankC;
  private static final Member REGULATOR = CONSORTIUM.regulator;
  private static final Member OUTSIDER = TestConsortium.outsider(CreditKeys.RANDOM);

  // ---- any action

  @Test
  public void validate_unknownAction_refused() {
    Entry entry = A.entry(CreditContract.NAME, "cancel", CreditContract.expirePayload("q-1"), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "credit has no action 'cancel'");
  }

  @Test
  public void validate_truncatedPayload_refused() {
    Entry entry = A.entry(CreditContract.NAME, CreditContract.CONTRIBUTE, new byte[] {0, 0, 0, 3, 'q'}, 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "payload of contribute is not a contribution");
  }

  @Test
  public void validate_unknownInquiry_refused() {
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.contribute(B, "q-none", CreditKeys.encrypt(1)),
        T0_MS), "no inquiry q-none");
  }

  // ---- register-key

  @Test
  public void registerKey_submitterNotInstitution_refused() {
    assertNames(CreditLedger.withoutKeys(CONSORTIUM).refusal(CreditLedger.registerKey(REGULATOR, keyVariant(1)),
        T0_MS), "only an admitted institution may register a Paillier key", REGULATOR.did.toString());
  }

  @Test
  public void registerKey_invalidKey_refused() {
    byte[] even = CreditKeys.askerPublic().toBytes();
    even[even.length - 1] &= (byte) 0xFE;
    assertNames(CreditLedger.withoutKeys(CONSORTIUM).refusal(CreditLedger.registerKey(A, even), T0_MS),
        "the Paillier public key " + A.did + " registers is invalid", "even");
  }

  @Test
  public void registerKey_keyRegisteredBefore_byAnyBank_refused() throws Exception {
    CreditLedger ledger = CreditLedger.withoutKeys(CONSORTIUM);
    ledger.accept(CreditLedger.registerKey(A, keyVariant(1)), T0_MS);
    assertNames(ledger.refusal(CreditLedger.registerKey(A, keyVariant(1)), T0_MS), "is already registered");
    assertNames(ledger.refusal(CreditLedger.registerKey(B, keyVariant(1)), T0_MS), "is already registered",
        "by one institution");
  }

  @Test
  public void registerKey_malformedPayload_refused() {
    Entry entry = A.entry(CreditContract.NAME, CreditContract.REGISTER_KEY, new byte[] {0, 0, 0, 9, 1}, 1);
    assertNames(CreditLedger.withoutKeys(CONSORTIUM).refusal(entry, T0_MS),
        "payload of register-key is not a Paillier public key");
  }

  @Test
  public void open_underAKeyTheAskerDidNotRegister_refused() throws Exception {
    CreditLedger ledger = CreditLedger.withoutKeys(CONSORTIUM);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, openAbc("q-1")), T0_MS), "inquiry q-1 is asked under"
        + " Paillier key " + CreditKeys.askerPublic().fingerprintHex(), "has not registered", "register-key first");
    // Another bank's registered key is not the asker's.
    ledger.accept(CreditLedger.registerKey(B, CreditKeys.askerPublic().toBytes()), T0_MS);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, openAbc("q-1")), T0_MS), A.did + " has not registered");
    ledger.accept(CreditLedger.openEntry(B, openAbc("q-1")), T0_MS);
  }

  @Test
  public void open_underAKeyDroppedByNewerRegistrations_refused() throws Exception {
    CreditLedger ledger = CreditLedger.withoutKeys(CONSORTIUM);
    for (int i = 0; i <= RegisteredKeys.MAX_KEYS_PER_INSTITUTION; i++) {
      ledger.accept(CreditLedger.registerKey(A, keyVariant(i + 1)), T0_MS);
    }
    assertTrue(ledger.state().keys().of(A.did).size() == RegisteredKeys.MAX_KEYS_PER_INSTITUTION);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, CreditLedger.open("q-1", List.of(B.did), 1,
        keyVariant(1))), T0_MS), "has not registered", "or registered 8 newer keys since");
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-1", List.of(B.did), 1, keyVariant(2))), T0_MS);
  }

  // ---- open

  @Test
  public void open_submitterNotInstitution_refused() {
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(REGULATOR, openAbc("q-1")), T0_MS),
        "only an admitted institution may open an inquiry", REGULATOR.did.toString());
  }

  @Test
  public void open_submitterOutsideConsortium_refused() {
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(OUTSIDER, openAbc("q-1")), T0_MS),
        "only an admitted institution may open an inquiry", OUTSIDER.did.toString());
  }

  @Test
  public void open_duplicateId_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 3);
    assertNames(ledger.refusal(CreditLedger.openEntry(B, openAbc("q-1")), T0_MS), "inquiry q-1 already exists");
  }

  @Test
  public void open_participantNotInstitution_refused() {
    OpenInquiry open = CreditLedger.open("q-1", CreditLedger.sorted(B, REGULATOR), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(A, open), T0_MS),
        "participant " + REGULATOR.did + " of inquiry q-1 is not an admitted institution");
  }

  @Test
  public void open_participantOutsideConsortium_refused() {
    OpenInquiry open = CreditLedger.open("q-1", CreditLedger.sorted(B, OUTSIDER), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(A, open), T0_MS),
        "participant " + OUTSIDER.did + " of inquiry q-1 is not an admitted institution");
  }

  @Test
  public void open_deadlineNotAfterBlock_refused() {
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(A, openAbc("q-1")), DEADLINE_MS),
        "has deadline " + DEADLINE_MS + " ms, not after the block timestamp " + DEADLINE_MS + " ms");
  }

  @Test
  public void open_invalidPaillierKey_refusedAsNeverRegistered() {
    // An invalid key cannot be registered (registerKey_invalidKey_refused), so no open can use one.
    OpenInquiry open = new OpenInquiry("q-1", List.of(new byte[32]), new byte[] {1, 8, 0, 7}, List.of(new byte[] {1}),
        CreditLedger.sorted(B), DEADLINE_MS, 1, 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(CreditLedger.openEntry(A, open), T0_MS),
        "inquiry q-1 is asked under Paillier key", A.did + " has not registered");
  }

  @Test
  public void open_stateFull_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM, new CreditContract(1));
    ledger.accept(CreditLedger.openEntry(A, openAbc("q-1")), T0_MS);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, openAbc("q-2")), T0_MS), "maximum of 1 inquiries");
  }

  @Test
  public void open_unsortedParticipants_refused() {
    List<Did> sorted = CreditLedger.sorted(B, C);
    assertNames(refuseRawOpen("q-1", 32, List.of(sorted.get(1), sorted.get(0)), 1), "sorted by DID and distinct");
  }

  @Test
  public void open_minimumAboveParticipants_refused() {
    assertNames(refuseRawOpen("q-1", 32, CreditLedger.sorted(B, C), 3), "minimum contributors must be 1 to 2, not 3");
  }

  @Test
  public void open_minimumZero_refused() {
    assertNames(refuseRawOpen("q-1", 32, CreditLedger.sorted(B, C), 0), "minimum contributors must be 1 to 2, not 0");
  }

  @Test
  public void open_noParticipants_refused() {
    assertNames(refuseRawOpen("q-1", 32, List.of(), 1), "1 to 64 participants, not 0");
  }

  @Test
  public void open_badInquiryId_refused() {
    assertNames(refuseRawOpen("Q 1", 32, CreditLedger.sorted(B), 1), "inquiry id 'Q 1' may hold only a-z, 0-9 and '-'");
  }

  @Test
  public void open_shortPseudonym_refused() {
    assertNames(refuseRawOpen("q-1", 16, CreditLedger.sorted(B), 1), "payload of open is not an inquiry to open");
  }

  @Test
  public void open_duplicatePseudonym_refused() {
    List<byte[]> pseudonyms = CreditLedger.pseudonyms(3);
    pseudonyms.set(2, pseudonyms.get(0));
    assertNames(refuseRawOpen("q-1", pseudonyms, CreditLedger.consents(3), CreditLedger.sorted(B), 1, 1),
        "payload of open is not an inquiry to open", "pseudonym 2 repeats an earlier one");
  }

  @Test
  public void open_duplicatePseudonym_constructorThrows() {
    List<byte[]> pseudonyms = List.of(new byte[32], new byte[32]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenInquiry("q-1",
        pseudonyms, CreditKeys.askerPublic().toBytes(), CreditLedger.consents(2), CreditLedger.sorted(B),
        DEADLINE_MS, 1, 1));
    assertNames(e.getMessage(), "pseudonym 1 repeats an earlier one");
  }

  @Test
  public void open_consentsCountMismatch_refused() {
    assertNames(refuseRawOpen("q-1", CreditLedger.pseudonyms(3), CreditLedger.consents(2), CreditLedger.sorted(B),
        1, 1), "an inquiry has one consent per customer: 3 customers, 2 consents");
  }

  @Test
  public void open_emptyConsentAtIndex_refusedNamingIndex() {
    List<byte[]> consents = CreditLedger.consents(3);
    consents.set(1, new byte[0]);
    assertNames(refuseRawOpen("q-1", CreditLedger.pseudonyms(3), consents, CreditLedger.sorted(B), 1, 1),
        "consent 1 must have 1 to 4096 bytes, not 0");
  }

  @Test
  public void open_consentsOverTotalLimit_refused() {
    int customers = OpenInquiry.MAX_CONSENTS_TOTAL_BYTES / OpenInquiry.MAX_CONSENT_BYTES + 1;
    List<byte[]> consents = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      consents.add(new byte[OpenInquiry.MAX_CONSENT_BYTES]);
    }
    assertNames(refuseRawOpen("q-1", CreditLedger.pseudonyms(customers), consents, CreditLedger.sorted(B), 1, 1),
        "the consents have " + customers * OpenInquiry.MAX_CONSENT_BYTES + " bytes together, over the limit of "
            + OpenInquiry.MAX_CONSENTS_TOTAL_BYTES);
  }

  @Test
  public void open_noCustomers_refused() {
    assertNames(refuseRawOpen("q-1", List.of(), List.of(), CreditLedger.sorted(B), 1, 1),
        "an inquiry has 1 to 1000 customers, not 0");
  }

  @Test
  public void open_overMaxCustomers_constructorThrows() {
    int customers = OpenInquiry.MAX_CUSTOMERS + 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CreditLedger.openBatch("q-1", customers, 1, CreditLedger.sorted(B), 1));
    assertNames(e.getMessage(), "an inquiry has 1 to 1000 customers, not 1001");
  }

  @Test
  public void open_zeroCiphertextsPerShare_refused() {
    assertNames(refuseRawOpen("q-1", CreditLedger.pseudonyms(1), CreditLedger.consents(1), CreditLedger.sorted(B),
        1, 0), "a share carries 1 to 1000 ciphertexts, not 0");
  }

  @Test
  public void open_tooManyCiphertextsPerShare_refused() {
    assertNames(refuseRawOpen("q-1", CreditLedger.pseudonyms(1), CreditLedger.consents(1), CreditLedger.sorted(B),
        1, 1_001), "a share carries 1 to 1000 ciphertexts, not 1001");
  }

  @Test
  public void open_overHeldCustomers_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM, new CreditContract(new CreditBounds(10, 4, 10)));
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-1", 3, 1, CreditLedger.sorted(B), 1)), T0_MS);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, CreditLedger.openBatch("q-2", 2, 1, CreditLedger.sorted(B),
        1)), T0_MS), "inquiry q-2 has 2 customers; the credit contract holds 3 of its maximum of 4");
  }

  @Test
  public void open_overHeldCiphertexts_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM, new CreditContract(new CreditBounds(10, 10, 4)));
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-1", 3, 3, CreditLedger.sorted(B), 1)), T0_MS);
    assertNames(ledger.refusal(CreditLedger.openEntry(A, CreditLedger.openBatch("q-2", 2, 2, CreditLedger.sorted(B),
        1)), T0_MS), "inquiry q-2 has 2 ciphertexts per share; the credit contract's totals hold 3 of its maximum"
        + " of 4");
  }

  // ---- contribute

  @Test
  public void contribute_nonParticipant_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-1", CreditLedger.sorted(B, C), 2)), T0_MS);
    assertNames(ledger.refusal(CreditLedger.contribute(A, "q-1", CreditKeys.encrypt(1)), T0_MS + 1),
        A.did + " is not a participant of inquiry q-1");
  }

  @Test
  public void contribute_fromRegulator_refused() throws Exception {
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(REGULATOR, "q-1", CreditKeys.encrypt(1)), T0_MS + 1),
        "only an admitted institution may contribute to an inquiry", REGULATOR.did.toString());
  }

  @Test
  public void contribute_secondFromSameBank_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 3);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), T0_MS + 1);
    assertNames(ledger.refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(2)), T0_MS + 2),
        B.did + " already contributed to inquiry q-1; one contribution per bank");
  }

  @Test
  public void contribute_afterClose_refused() throws Exception {
    CreditLedger ledger = correcting("q-1");
    ledger.accept(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(0)), DEADLINE_MS + 1);
    ledger.accept(CreditLedger.correct(B, "q-1", CreditKeys.encrypt(0)), DEADLINE_MS + 2);
    assertNames(ledger.refusal(CreditLedger.contribute(C, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 3),
        "inquiry q-1 is CLOSED; no contribution after it ends");
  }

  @Test
  public void contribute_whileCorrecting_refused() throws Exception {
    assertNames(correcting("q-1").refusal(CreditLedger.contribute(C, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1),
        "inquiry q-1 is CORRECTING; no contribution after it expired at its deadline " + DEADLINE_MS + " ms");
  }

  @Test
  public void contribute_afterInsufficient_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 3);
    ledger.accept(CreditLedger.expire(REGULATOR, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1),
        "inquiry q-1 is INSUFFICIENT; no contribution after it ends");
  }

  @Test
  public void contribute_atDeadline_refused() throws Exception {
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS),
        "inquiry q-1 passed its deadline " + DEADLINE_MS + " ms", "contributions are closed");
  }

  @Test
  public void contribute_zeroCiphertext_refusedNotInZnSquared() throws Exception {
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", CreditKeys.withValue(BigInteger.ZERO)),
        T0_MS + 1), "ciphertext 0 of the contribution to inquiry q-1 is not a valid ciphertext", "positive");
  }

  @Test
  public void contribute_multipleOfN_refusedNotInvertible() throws Exception {
    BigInteger n = CreditKeys.askerPublic().modulus();
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", CreditKeys.withValue(n)), T0_MS + 1),
        "ciphertext 0 of the contribution to inquiry q-1 is not a valid ciphertext", "not invertible");
  }

  @Test
  public void contribute_notBelowNSquared_refused() throws Exception {
    BigInteger n = CreditKeys.askerPublic().modulus();
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", CreditKeys.withValue(n.multiply(n))),
        T0_MS + 1), "ciphertext 0 of the contribution to inquiry q-1 is not a valid ciphertext", "not below n²");
  }

  @Test
  public void contribute_wrongLength_refused() throws Exception {
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", new byte[] {1, 2, 3}), T0_MS + 1),
        "ciphertext 0 of the contribution to inquiry q-1 is not a valid ciphertext");
  }

  @Test
  public void contribute_underAnotherKey_refused() throws Exception {
    assertNames(opened("q-1", 3).refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encryptUnderOther(1)),
        T0_MS + 1), "ciphertext 0 of the contribution to inquiry q-1 is not under the asker's key");
  }

  @Test
  public void contribute_wrongCiphertextCount_refusedNamingCounts() throws Exception {
    CreditLedger ledger = openedBatch("q-1", 3);
    assertNames(ledger.refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1), CreditKeys.encrypt(2)),
        T0_MS + 1), "the contribution to inquiry q-1 has 2 ciphertexts; the inquiry carries 3 per share");
  }

  @Test
  public void contribute_badCiphertextAtIndex_refusedNamingIndex() throws Exception {
    CreditLedger ledger = openedBatch("q-1", 3);
    assertNames(ledger.refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1), CreditKeys.encrypt(2),
        CreditKeys.withValue(BigInteger.ZERO)), T0_MS + 1),
        "ciphertext 2 of the contribution to inquiry q-1 is not a valid ciphertext");
  }

  @Test
  public void contribute_otherKeyAtIndex_refusedNamingIndex() throws Exception {
    CreditLedger ledger = openedBatch("q-1", 3);
    assertNames(ledger.refusal(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1),
        CreditKeys.encryptUnderOther(2), CreditKeys.encrypt(3)), T0_MS + 1),
        "ciphertext 1 of the contribution to inquiry q-1 is not under the asker's key");
  }

  @Test
  public void contribute_emptyCiphertextAtIndex_refusedNamingIndex() {
    CanonicalWriter writer = new CanonicalWriter().writeString("q-1")
        .writeList(List.of(CreditKeys.encrypt(1), new byte[0]), CanonicalWriter::writeBytes);
    Entry entry = B.entry(CreditContract.NAME, CreditContract.CONTRIBUTE, writer.toByteArray(), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "payload of contribute is not a contribution",
        "ciphertext 1 has 1 to 1024 bytes, not 0");
  }

  @Test
  public void contribute_noCiphertexts_refused() {
    CanonicalWriter writer = new CanonicalWriter().writeString("q-1")
        .writeList(List.<byte[]>of(), CanonicalWriter::writeBytes);
    Entry entry = B.entry(CreditContract.NAME, CreditContract.CONTRIBUTE, writer.toByteArray(), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "a share carries 1 to 1000 ciphertexts, not 0");
  }

  // ---- correct

  @Test
  public void correct_openBeforeDeadline_refusedPointingToExpiry() throws Exception {
    CreditLedger ledger = twoOfThreeContributed("q-1");
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS - 1),
        "inquiry q-1 is OPEN with 2 of 3 contributors",
        "corrections wait until it is expired at its deadline " + DEADLINE_MS + " ms (block timestamp "
            + (DEADLINE_MS - 1) + " ms)");
  }

  /** The race expire closes: past the deadline a late contribution may still commit, so no correction yet. */
  @Test
  public void correct_openAfterDeadline_refusedUntilExpired() throws Exception {
    CreditLedger ledger = twoOfThreeContributed("q-1");
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 5),
        "inquiry q-1 is OPEN with 2 of 3 contributors",
        "corrections wait until it is expired at its deadline " + DEADLINE_MS + " ms (block timestamp "
            + (DEADLINE_MS + 5) + " ms), which freezes its contributors");
  }

  @Test
  public void correct_nonContributor_refused() throws Exception {
    CreditLedger ledger = correcting("q-1");
    assertNames(ledger.refusal(CreditLedger.correct(C, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1),
        C.did + " did not contribute to inquiry q-1; only contributors correct");
  }

  @Test
  public void correct_twiceFromSameBank_refused() throws Exception {
    CreditLedger ledger = correcting("q-1");
    ledger.accept(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1);
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 2),
        A.did + " already corrected inquiry q-1; one correction per bank");
  }

  @Test
  public void correct_belowMinimumWhileOpen_refusedPointingToExpiry() throws Exception {
    CreditLedger ledger = opened("q-1", 2);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), T0_MS + 1);
    assertNames(ledger.refusal(CreditLedger.correct(B, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS),
        "inquiry q-1 is OPEN with 1 of 3 contributors", "wait until it is expired at its deadline");
  }

  @Test
  public void correct_afterInsufficient_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 2);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), T0_MS + 1);
    ledger.accept(CreditLedger.expire(C, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.correct(B, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1),
        "inquiry q-1 is INSUFFICIENT; no correction after it ends");
  }

  @Test
  public void correct_afterClose_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 1);
    ledger.accept(CreditLedger.contribute(A, "q-1", CreditKeys.encrypt(1)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1)), T0_MS + 2);
    ledger.accept(CreditLedger.contribute(C, "q-1", CreditKeys.encrypt(1)), T0_MS + 3);
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS),
        "inquiry q-1 is CLOSED; no correction after it ends");
  }

  @Test
  public void correct_underAnotherKey_refused() throws Exception {
    CreditLedger ledger = correcting("q-1");
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encryptUnderOther(1)), DEADLINE_MS + 1),
        "ciphertext 0 of the correction to inquiry q-1 is not under the asker's key");
  }

  @Test
  public void correct_wrongCiphertextCount_refusedNamingCounts() throws Exception {
    CreditLedger ledger = openedBatch("q-1", 2);
    ledger.accept(CreditLedger.contribute(A, "q-1", CreditKeys.encrypt(1), CreditKeys.encrypt(2)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(1), CreditKeys.encrypt(2)), T0_MS + 2);
    ledger.accept(CreditLedger.expire(C, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.correct(A, "q-1", CreditKeys.encrypt(1)), DEADLINE_MS + 1),
        "the correction to inquiry q-1 has 1 ciphertexts; the inquiry carries 2 per share");
  }

  // ---- expire

  @Test
  public void expire_beforeDeadline_refused() throws Exception {
    assertNames(opened("q-1", 2).refusal(CreditLedger.expire(A, "q-1"), DEADLINE_MS - 1),
        "inquiry q-1 expires only at or after its deadline " + DEADLINE_MS + " ms; the block timestamp is "
            + (DEADLINE_MS - 1) + " ms");
  }

  @Test
  public void expire_alreadyCorrecting_refused() throws Exception {
    assertNames(correcting("q-1").refusal(CreditLedger.expire(C, "q-1"), DEADLINE_MS + 1),
        "inquiry q-1 is CORRECTING; it was already expired, with 2 contributors, at least its minimum of 2,"
            + " and closes by corrections");
  }

  @Test
  public void expire_outsider_refused() throws Exception {
    assertNames(opened("q-1", 2).refusal(CreditLedger.expire(OUTSIDER, "q-1"), DEADLINE_MS),
        "only an admitted member may expire an inquiry", OUTSIDER.did.toString());
  }

  @Test
  public void expire_twice_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 2);
    ledger.accept(CreditLedger.expire(A, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.expire(B, "q-1"), DEADLINE_MS + 1),
        "inquiry q-1 is INSUFFICIENT; no expiry after it ends");
  }

  // ---- report

  @Test
  public void report_beforeClose_refused() throws Exception {
    assertNames(opened("q-1", 2).refusal(CreditLedger.report(A, "q-1"), T0_MS + 1),
        "inquiry q-1 is OPEN; a report is filed once, after the inquiry CLOSED");
  }

  @Test
  public void report_whileCorrecting_refused() throws Exception {
    assertNames(correcting("q-1").refusal(CreditLedger.report(A, "q-1"), DEADLINE_MS + 1),
        "inquiry q-1 is CORRECTING; a report is filed once, after the inquiry CLOSED");
  }

  @Test
  public void report_notAsker_refused() throws Exception {
    assertNames(closed("q-1").refusal(CreditLedger.report(B, "q-1"), T0_MS + 5),
        "only the asker " + A.did + " may report on inquiry q-1, not " + B.did);
  }

  @Test
  public void report_twice_refused() throws Exception {
    CreditLedger ledger = closed("q-1");
    ledger.accept(CreditLedger.report(A, "q-1"), T0_MS + 5);
    assertNames(ledger.refusal(CreditLedger.report(A, "q-1"), T0_MS + 6), "inquiry q-1 is REPORTED; a report is filed once");
  }

  @Test
  public void report_insufficient_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 2);
    ledger.accept(CreditLedger.expire(A, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.report(A, "q-1"), DEADLINE_MS + 1), "inquiry q-1 is INSUFFICIENT");
  }

  @Test
  public void report_empty_refused() {
    CanonicalWriter writer = new CanonicalWriter().writeString("q-1").writeBytes(new byte[0]);
    Entry entry = A.entry(CreditContract.NAME, CreditContract.REPORT, writer.toByteArray(), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "a report has 1 to 65536 bytes, not 0");
  }

  // ---- decision

  @Test
  public void decision_beforeClose_refused() throws Exception {
    assertNames(opened("q-1", 2).refusal(CreditLedger.decision(A, "q-1", true), T0_MS + 1),
        "inquiry q-1 is OPEN; a decision is recorded once, after the report is filed");
  }

  @Test
  public void decision_closedButNotReported_refused() throws Exception {
    assertNames(closed("q-1").refusal(CreditLedger.decision(A, "q-1", true), T0_MS + 5),
        "inquiry q-1 is CLOSED; a decision is recorded once, after the report is filed");
  }

  @Test
  public void decision_twice_refused() throws Exception {
    CreditLedger ledger = closed("q-1");
    ledger.accept(CreditLedger.report(A, "q-1"), T0_MS + 5);
    ledger.accept(CreditLedger.decision(A, "q-1", true), T0_MS + 6);
    assertNames(ledger.refusal(CreditLedger.decision(A, "q-1", false), T0_MS + 7), "inquiry q-1 is DECIDED");
  }

  @Test
  public void decision_notAsker_refused() throws Exception {
    CreditLedger ledger = closed("q-1");
    ledger.accept(CreditLedger.report(A, "q-1"), T0_MS + 5);
    assertNames(ledger.refusal(CreditLedger.decision(C, "q-1", true), T0_MS + 6),
        "only the asker " + A.did + " may decide on inquiry q-1, not " + C.did);
  }

  @Test
  public void decision_insufficient_refused() throws Exception {
    CreditLedger ledger = opened("q-1", 2);
    ledger.accept(CreditLedger.expire(A, "q-1"), DEADLINE_MS);
    assertNames(ledger.refusal(CreditLedger.decision(A, "q-1", false), DEADLINE_MS + 1), "inquiry q-1 is INSUFFICIENT");
  }

  @Test
  public void decision_freeTextReason_refused() {
    CanonicalWriter writer = new CanonicalWriter().writeString("q-1")
        .writeList(List.of("owes 90000"), (w, reason) -> w.writeBoolean(false).writeString(reason));
    Entry entry = A.entry(CreditContract.NAME, CreditContract.DECISION, writer.toByteArray(), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "reason code 'owes 90000' may hold only");
  }

  @Test
  public void decision_countMismatch_refusedNamingCounts() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-1", 3, 1, List.of(B.did), 1)), T0_MS);
    ledger.accept(CreditLedger.contribute(B, "q-1", CreditKeys.encrypt(42)), T0_MS + 1);
    ledger.accept(CreditLedger.report(A, "q-1"), T0_MS + 2);
    CustomerDecision yes = new CustomerDecision(true, "within-limit");
    assertNames(ledger.refusal(CreditLedger.decision(A, "q-1", List.of(yes, yes)), T0_MS + 3),
        "the decision on inquiry q-1 has 2 customer decisions; the inquiry has 3 customers, one decision each");
  }

  @Test
  public void decision_empty_refused() {
    CanonicalWriter writer = new CanonicalWriter().writeString("q-1")
        .writeList(List.<String>of(), (w, reason) -> w.writeString(reason));
    Entry entry = A.entry(CreditContract.NAME, CreditContract.DECISION, writer.toByteArray(), 1);
    assertNames(new CreditLedger(CONSORTIUM).refusal(entry, T0_MS), "a decision covers 1 to 1000 customers, not 0");
  }

  // ---- fixtures

  /** An inquiry of A about three customers, with A, B and C, minimum 2, whose shares carry {@code perShare}. */
  private static CreditLedger openedBatch(String id, int perShare) throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch(id, 3, perShare, CreditLedger.sorted(A, B, C), 2)),
        T0_MS);
    return ledger;
  }

  private static OpenInquiry openAbc(String id) {
    return CreditLedger.open(id, CreditLedger.sorted(A, B, C), 2);
  }

  private static CreditLedger opened(String id, int minContributors) throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open(id, CreditLedger.sorted(A, B, C), minContributors)),
        T0_MS);
    return ledger;
  }

  private static CreditLedger twoOfThreeContributed(String id) throws Exception {
    CreditLedger ledger = opened(id, 2);
    ledger.accept(CreditLedger.contribute(A, id, CreditKeys.encrypt(1)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, id, CreditKeys.encrypt(2)), T0_MS + 2);
    return ledger;
  }

  /** Two of three contributed (minimum 2), then C expired it at the deadline. */
  private static CreditLedger correcting(String id) throws Exception {
    CreditLedger ledger = twoOfThreeContributed(id);
    ledger.accept(CreditLedger.expire(C, id), DEADLINE_MS);
    return ledger;
  }

  private static CreditLedger closed(String id) throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open(id, List.of(B.did), 1)), T0_MS);
    ledger.accept(CreditLedger.contribute(B, id, CreditKeys.encrypt(42)), T0_MS + 1);
    return ledger;
  }

  /** An open payload of one customer written field by field, bypassing OpenInquiry's own checks. */
  private static String refuseRawOpen(String id, int pseudonymBytes, List<Did> participants, int minContributors) {
    return refuseRawOpen(id, List.of(new byte[pseudonymBytes]), List.of(new byte[] {1}), participants,
        minContributors, 1);
  }

  private static String refuseRawOpen(String id, List<byte[]> pseudonyms, List<byte[]> consents,
      List<Did> participants, int minContributors, int ciphertextsPerShare) {
    CanonicalWriter writer = new CanonicalWriter().writeString(id);
    writer.writeList(pseudonyms, CanonicalWriter::writeFixedBytes).writeBytes(CreditKeys.askerPublic().toBytes());
    writer.writeList(consents, CanonicalWriter::writeBytes);
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeI64(DEADLINE_MS).writeI32(minContributors).writeI32(ciphertextsPerShare);
    Entry entry = A.entry(CreditContract.NAME, CreditContract.OPEN, writer.toByteArray(), 1);
    return new CreditLedger(CONSORTIUM).refusal(entry, T0_MS);
  }

  /**
   * The {@code i}-th encoded public key near the asker's (n + 2j, for the j-th that passes the key checks):
   * a plausible key for registration tests, which never encrypt under it, without generating primes.
   */
  private static byte[] keyVariant(int i) {
    BigInteger n = CreditKeys.askerPublic().modulus();
    int found = 0;
    for (int j = 1; ; j++) {
      byte[] encoded = CreditKeys.askerPublic().toBytes();
      byte[] modulus = n.add(BigInteger.valueOf(2L * j)).toByteArray();
      // Right-aligned into the key's fixed-width modulus field (toByteArray may add a sign byte).
      int copy = Math.min(modulus.length, encoded.length - 3);
      System.arraycopy(modulus, modulus.length - copy, encoded, encoded.length - copy, copy);
      try {
        PaillierPublicKey.fromBytes(encoded);
      } catch (InvalidKeyException e) {
        continue;
      }
      if (++found == i) {
        return encoded;
      }
    }
  }

  private static void assertNames(String reason, String... expected) {
    for (String part : expected) {
      assertTrue("reason '" + reason + "' should name '" + part + "'", reason.contains(part));
    }
  }
}
