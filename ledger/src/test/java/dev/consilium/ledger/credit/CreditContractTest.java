package dev.consilium.ledger.credit;

import static dev.consilium.ledger.credit.CreditLedger.DEADLINE_MS;
import static dev.consilium.ledger.credit.CreditLedger.T0_MS;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The credit contract's paths from open to decision; its refusals are in {@link CreditRefusalTest}. */
public class CreditContractTest {
  private static final TestConsortium CONSORTIUM = new TestConsortium(CreditKeys.RANDOM);
  private static final Member A = CONSORTIUM.bankA;
  private static final Member B = CONSORTIUM.bankB;
  private static final Member C = CONSORTIUM.bankC;

  @Test
  public void standard_registersCredit() {
    assertTrue(Contracts.standard().find(CreditContract.NAME).isPresent());
  }

  @Test
  public void blocks_allParticipantsContribute_closedTotalDecryptsToSum() throws Exception {
    OpenInquiry open = CreditLedger.open("q-1", CreditLedger.sorted(A, B, C), 3);
    BlockDraft.Sealed first = CONSORTIUM.seal(CONSORTIUM.genesis.header(), CONSORTIUM.genesisState,
        List.of(A.entry(CreditContract.NAME, CreditContract.REGISTER_KEY,
                CreditContract.registerKeyPayload(CreditKeys.askerPublic().toBytes()), 1),
            A.entry(CreditContract.NAME, CreditContract.OPEN, CreditContract.openPayload(open), 2)),
        CONSORTIUM.regulator);
    List<Entry> contributions = List.of(
        share(A, CreditContract.CONTRIBUTE, CreditKeys.encrypt(1_000), 3),
        share(B, CreditContract.CONTRIBUTE, CreditKeys.encrypt(25_000), 1),
        share(C, CreditContract.CONTRIBUTE, CreditKeys.encrypt(0), 1));
    BlockDraft.Sealed second = CONSORTIUM.seal(first.block().header(), first.state(), contributions,
        CONSORTIUM.regulator);

    CreditState state = (CreditState) second.state().contractState(CreditContract.NAME);
    Inquiry inquiry = state.find("q-1").orElseThrow();
    assertEquals(InquiryStatus.CLOSED, inquiry.status());
    assertEquals(Set.of(A.did, B.did, C.did), inquiry.contributors());
    assertEquals(BigInteger.valueOf(26_000), CreditKeys.decrypt(inquiry.total().get(0)));
    assertEquals(A.did, inquiry.asker());
    assertEquals(1, inquiry.openedAtHeight());
    assertTrue(state.keys().isRegistered(A.did, CreditKeys.askerPublic().toBytes()));
  }

  @Test
  public void deadline_expireThenContributorsCorrectMasks_closedTotalDecryptsToUnmaskedSum() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-2", CreditLedger.sorted(A, B, C), 2)), T0_MS);
    BigInteger maskAb = new BigInteger(256, CreditKeys.RANDOM);
    BigInteger maskAc = new BigInteger(256, CreditKeys.RANDOM);
    BigInteger maskBc = new BigInteger(256, CreditKeys.RANDOM);
    // j < k: j adds the pair's mask, k subtracts it; C never answers, so A and B must remove their masks with C.
    ledger.accept(CreditLedger.contribute(A, "q-2", CreditKeys.encrypt(BigInteger.valueOf(700).add(maskAb).add(maskAc))),
        T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, "q-2", CreditKeys.encrypt(BigInteger.valueOf(300).subtract(maskAb)
        .add(maskBc))), T0_MS + 2);
    assertEquals(InquiryStatus.OPEN, ledger.inquiry("q-2").status());

    ledger.accept(CreditLedger.expire(C, "q-2"), DEADLINE_MS);
    assertEquals(InquiryStatus.CORRECTING, ledger.inquiry("q-2").status());
    ledger.accept(CreditLedger.correct(A, "q-2", CreditKeys.encrypt(maskAc.negate())), DEADLINE_MS + 1);
    assertEquals(InquiryStatus.CORRECTING, ledger.inquiry("q-2").status());
    assertEquals(Set.of(A.did), ledger.inquiry("q-2").correctors());
    ledger.accept(CreditLedger.correct(B, "q-2", CreditKeys.encrypt(maskBc.negate())), DEADLINE_MS + 2);

    Inquiry inquiry = ledger.inquiry("q-2");
    assertEquals(InquiryStatus.CLOSED, inquiry.status());
    assertEquals(Set.of(A.did, B.did), inquiry.correctors());
    assertEquals(BigInteger.valueOf(1_000), CreditKeys.decrypt(inquiry.total().get(0)));
  }

  @Test
  public void expire_fewerThanMinimumAtDeadline_insufficient() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-3", CreditLedger.sorted(A, B, C), 2)), T0_MS);
    ledger.accept(CreditLedger.contribute(B, "q-3", CreditKeys.encrypt(5)), T0_MS + 1);
    ledger.accept(CreditLedger.expire(CONSORTIUM.regulator, "q-3"), DEADLINE_MS);
    assertEquals(InquiryStatus.INSUFFICIENT, ledger.inquiry("q-3").status());
  }

  @Test
  public void expire_atLeastMinimumAtDeadline_correctingWithContributorsFrozen() throws Exception {
    CreditLedger ledger = correctingInquiry("q-13");
    Inquiry inquiry = ledger.inquiry("q-13");
    assertEquals(InquiryStatus.CORRECTING, inquiry.status());
    assertEquals(Set.of(A.did, B.did), inquiry.contributors());
    assertTrue(inquiry.correctors().isEmpty());
    assertEquals(BigInteger.valueOf(3), CreditKeys.decrypt(inquiry.total().get(0)));
  }

  @Test
  public void correct_whileCorrecting_addsToTotalUntilLastClosesIt() throws Exception {
    CreditLedger ledger = correctingInquiry("q-14");
    ledger.accept(CreditLedger.correct(B, "q-14", CreditKeys.encrypt(10)), DEADLINE_MS + 1);
    Inquiry afterOne = ledger.inquiry("q-14");
    assertEquals(InquiryStatus.CORRECTING, afterOne.status());
    assertEquals(Set.of(B.did), afterOne.correctors());
    assertEquals(BigInteger.valueOf(13), CreditKeys.decrypt(afterOne.total().get(0)));

    ledger.accept(CreditLedger.correct(A, "q-14", CreditKeys.encrypt(-13)), DEADLINE_MS + 2);
    Inquiry closed = ledger.inquiry("q-14");
    assertEquals(InquiryStatus.CLOSED, closed.status());
    assertEquals(Set.of(A.did, B.did), closed.correctors());
    assertEquals(BigInteger.ZERO, CreditKeys.decrypt(closed.total().get(0)));
    ledger.accept(CreditLedger.report(A, "q-14"), DEADLINE_MS + 3);
    assertEquals(InquiryStatus.REPORTED, ledger.inquiry("q-14").status());
  }

  @Test
  public void reportThenDecision_recordedInOrder() throws Exception {
    CreditLedger ledger = closedInquiry("q-4");
    ledger.accept(CreditLedger.report(A, "q-4"), T0_MS + 10);
    Inquiry reported = ledger.inquiry("q-4");
    assertEquals(InquiryStatus.REPORTED, reported.status());
    assertEquals(32, reported.reportHash().length);
    ledger.accept(CreditLedger.decision(A, "q-4", false), T0_MS + 11);
    Inquiry decided = ledger.inquiry("q-4");
    assertEquals(InquiryStatus.DECIDED, decided.status());
    assertEquals(List.of(new CustomerDecision(false, "debt-over-income")), decided.decisions());
  }

  @Test
  public void state_roundTrip_sameBytesAndHash() throws Exception {
    CreditLedger ledger = closedInquiry("q-5");
    ledger.accept(CreditLedger.report(A, "q-5"), T0_MS + 10);
    ledger.accept(CreditLedger.openEntry(B, CreditLedger.open("q-0", CreditLedger.sorted(A, C), 1,
        CreditKeys.OTHER.publicKey().toBytes())), T0_MS + 11);
    byte[] bytes = ledger.state().toCanonicalBytes();
    CreditState read = CanonicalReader.decode(bytes, ledger.contract::readState);
    assertArrayEquals(bytes, read.toCanonicalBytes());
    assertEquals(ledger.state().stateHash(), read.stateHash());
    assertEquals(2, read.size());
    assertEquals(CreditLedger.sorted(A, B), read.keys().institutions());
  }

  @Test
  public void stateHash_changesWithEveryStep_andIsEqualForEqualStates() throws Exception {
    CreditLedger ledger = CreditLedger.withoutKeys(CONSORTIUM);
    Set<Sha256Hash> seen = new HashSet<>();
    assertTrue(seen.add(ledger.state().stateHash()));
    ledger.accept(CreditLedger.registerKey(A, CreditKeys.askerPublic().toBytes()), T0_MS);
    assertTrue("a registered key changes the hash", seen.add(ledger.state().stateHash()));
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-30", CreditLedger.sorted(A, B), 2)), T0_MS);
    assertTrue("an open changes the hash", seen.add(ledger.state().stateHash()));
    ledger.accept(CreditLedger.contribute(A, "q-30", CreditKeys.encrypt(5)), T0_MS + 1);
    assertTrue("a contribution changes the hash", seen.add(ledger.state().stateHash()));
    CreditState read = CanonicalReader.decode(ledger.state().toCanonicalBytes(), ledger.contract::readState);
    assertEquals("an equal state, read back, has the same hash", ledger.state().stateHash(), read.stateHash());
  }

  @Test
  public void state_correctingInquiry_roundTrip() throws Exception {
    CreditLedger ledger = correctingInquiry("q-15");
    ledger.accept(CreditLedger.correct(A, "q-15", CreditKeys.encrypt(1)), DEADLINE_MS + 1);
    byte[] bytes = ledger.state().toCanonicalBytes();
    CreditState read = CanonicalReader.decode(bytes, ledger.contract::readState);
    assertArrayEquals(bytes, read.toCanonicalBytes());
    assertEquals(ledger.state().stateHash(), read.stateHash());
    Inquiry inquiry = read.find("q-15").orElseThrow();
    assertEquals(InquiryStatus.CORRECTING, inquiry.status());
    assertEquals(Set.of(A.did), inquiry.correctors());
    assertEquals(ledger.inquiry("q-15"), inquiry);
  }

  @Test
  public void readState_correctingButEveryoneContributed_refused() throws Exception {
    CreditLedger ledger = closedInquiry("q-16");
    assertStatusRefused(ledger, InquiryStatus.CORRECTING, "a CORRECTING inquiry has a participant who did not"
        + " contribute, but all 1 did");
  }

  @Test
  public void readState_correctingBelowMinimum_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-17", CreditLedger.sorted(A, B, C), 2)), T0_MS);
    ledger.accept(CreditLedger.contribute(B, "q-17", CreditKeys.encrypt(5)), T0_MS + 1);
    ledger.accept(CreditLedger.expire(C, "q-17"), DEADLINE_MS);
    assertEquals(InquiryStatus.INSUFFICIENT, ledger.inquiry("q-17").status());
    assertStatusRefused(ledger, InquiryStatus.CORRECTING, "a CORRECTING inquiry has at least 2 contributors, not 1");
  }

  @Test
  public void readState_correctingButEveryContributorCorrected_refused() throws Exception {
    CreditLedger ledger = correctingInquiry("q-18");
    ledger.accept(CreditLedger.correct(A, "q-18", CreditKeys.encrypt(1)), DEADLINE_MS + 1);
    ledger.accept(CreditLedger.correct(B, "q-18", CreditKeys.encrypt(1)), DEADLINE_MS + 2);
    assertEquals(InquiryStatus.CLOSED, ledger.inquiry("q-18").status());
    assertStatusRefused(ledger, InquiryStatus.CORRECTING, "a CORRECTING inquiry has a contributor yet to correct,"
        + " but all 2 did");
  }

  @Test
  public void readState_openWithCorrections_refused() throws Exception {
    CreditLedger ledger = correctingInquiry("q-19");
    ledger.accept(CreditLedger.correct(A, "q-19", CreditKeys.encrypt(1)), DEADLINE_MS + 1);
    assertStatusRefused(ledger, InquiryStatus.OPEN, "an OPEN inquiry has no corrections (they wait until it is"
        + " CORRECTING), yet it has 1");
  }

  @Test
  public void readState_unsortedInquiries_refused() throws Exception {
    CreditLedger ledger = closedInquiry("q-6");
    Inquiry inquiry = ledger.inquiry("q-6");
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeList(List.of("q-b", "q-a"), (w, id) -> {
      w.writeString(id);
      inquiry.writeTo(w);
    });
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(writer.toByteArray(), ledger.contract::readState));
    assertTrue(e.getMessage(), e.getMessage().contains("sorted by id and distinct"));
  }

  @Test
  public void readState_reportedWithoutReportHash_refused() throws Exception {
    assertStatusRefused(closedInquiry("q-8"), InquiryStatus.REPORTED, "status REPORTED with a report hash of 0 bytes");
  }

  @Test
  public void readState_openButEveryoneContributed_refused() throws Exception {
    assertStatusRefused(closedInquiry("q-11"), InquiryStatus.OPEN,
        "an OPEN inquiry has a participant yet to contribute");
  }

  @Test
  public void readState_overTheBound_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-9", List.of(B.did), 1)), T0_MS);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open("q-10", List.of(B.did), 1)), T0_MS);
    byte[] bytes = ledger.state().toCanonicalBytes();
    assertThrows(CanonicalFormatException.class, () -> CanonicalReader.decode(bytes, new CreditContract(1)::readState));
  }

  @Test
  public void toString_neverShowsPseudonymOrCiphertexts() throws Exception {
    CreditLedger ledger = closedInquiry("q-7");
    String text = ledger.inquiry("q-7").toString() + ledger.state() + CreditLedger.open("q-7", List.of(A.did), 1);
    assertTrue(text, !text.contains(java.util.HexFormat.of().formatHex(new byte[OpenInquiry.PSEUDONYM_BYTES])));
    assertTrue(text, !text.contains("consent"));
    assertTrue(text, text.contains("1 customers"));
  }

  @Test
  public void payloads_roundTrip_equal() throws Exception {
    OpenInquiry open = CreditLedger.open("q-12", CreditLedger.sorted(A, B), 2);
    assertEquals(open, CanonicalReader.decode(CreditContract.openPayload(open), OpenInquiry::read));
    EncryptedShare share = new EncryptedShare("q-12", List.of(CreditKeys.encrypt(3)));
    assertEquals(share, CanonicalReader.decode(CreditContract.sharePayload(share), EncryptedShare::read));
    InquiryReport report = new InquiryReport("q-12", new byte[] {9});
    assertEquals(report, CanonicalReader.decode(CreditContract.reportPayload(report), InquiryReport::read));
    CreditDecision decision = new CreditDecision("q-12", List.of(new CustomerDecision(true, "within-limit")));
    assertEquals(decision, CanonicalReader.decode(CreditContract.decisionPayload(decision), CreditDecision::read));
    assertEquals("q-12", CanonicalReader.decode(CreditContract.expirePayload("q-12"), InquiryIds::read));
  }

  @Test
  public void payloads_batchOfThousand_roundTripInOrder() throws Exception {
    OpenInquiry open = CreditLedger.openBatch("q-20", OpenInquiry.MAX_CUSTOMERS, 10, CreditLedger.sorted(A, B), 2);
    OpenInquiry read = CanonicalReader.decode(CreditContract.openPayload(open), OpenInquiry::read);
    assertEquals(open, read);
    assertEquals(OpenInquiry.MAX_CUSTOMERS, read.customerCount());
    List<byte[]> expected = CreditLedger.pseudonyms(OpenInquiry.MAX_CUSTOMERS);
    List<byte[]> pseudonyms = read.pseudonyms();
    for (int i = 0; i < OpenInquiry.MAX_CUSTOMERS; i++) {
      assertArrayEquals("pseudonym " + i, expected.get(i), pseudonyms.get(i));
    }
    assertEquals(10, read.ciphertextsPerShare());
    assertEquals(open.consentsHash(), read.consentsHash());

    List<CustomerDecision> decisions = new ArrayList<>();
    for (int i = 0; i < OpenInquiry.MAX_CUSTOMERS; i++) {
      decisions.add(new CustomerDecision(i % 2 == 0, i % 2 == 0 ? "within-limit" : "over-limit"));
    }
    CreditDecision decision = new CreditDecision("q-20", decisions);
    assertEquals(decision, CanonicalReader.decode(CreditContract.decisionPayload(decision), CreditDecision::read));
  }

  @Test
  public void open_batchOfThousand_acceptedAndStateRoundTrips() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    OpenInquiry open = CreditLedger.openBatch("q-21", OpenInquiry.MAX_CUSTOMERS, 2, CreditLedger.sorted(A, B), 2);
    ledger.accept(CreditLedger.openEntry(A, open), T0_MS);
    Inquiry inquiry = ledger.inquiry("q-21");
    assertEquals(OpenInquiry.MAX_CUSTOMERS, inquiry.customerCount());
    assertEquals(open.consentsHash(), inquiry.consentsHash());
    assertTrue(inquiry.concerns(CreditLedger.pseudonyms(OpenInquiry.MAX_CUSTOMERS).get(999)));
    assertTrue(inquiry.total().isEmpty());
    assertEquals(OpenInquiry.MAX_CUSTOMERS, ledger.state().heldCustomers());
    assertEquals(2, ledger.state().heldCiphertexts());
    byte[] bytes = ledger.state().toCanonicalBytes();
    CreditState read = CanonicalReader.decode(bytes, ledger.contract::readState);
    assertArrayEquals(bytes, read.toCanonicalBytes());
    assertEquals(inquiry, read.find("q-21").orElseThrow());
  }

  /** 1,000 customers with consents at the total limit, 64 participants, a full key: the largest open. */
  @Test
  public void open_largestPayload_fitsEntryLimit() {
    List<byte[]> consents = new ArrayList<>();
    int each = OpenInquiry.MAX_CONSENTS_TOTAL_BYTES / OpenInquiry.MAX_CUSTOMERS;
    for (int i = 0; i < OpenInquiry.MAX_CUSTOMERS; i++) {
      consents.add(new byte[i == 0 ? each + OpenInquiry.MAX_CONSENTS_TOTAL_BYTES % OpenInquiry.MAX_CUSTOMERS : each]);
    }
    List<Did> participants = new ArrayList<>();
    for (int i = 0; i < OpenInquiry.MAX_PARTICIPANTS; i++) {
      participants.add(TestConsortium.outsider(CreditKeys.RANDOM).did);
    }
    participants.sort(null);
    OpenInquiry open = new OpenInquiry("q".repeat(InquiryIds.MAX_CHARS),
        CreditLedger.pseudonyms(OpenInquiry.MAX_CUSTOMERS), new byte[OpenInquiry.MAX_PUBLIC_KEY_BYTES], consents,
        participants, DEADLINE_MS, 1, OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE);
    int bytes = CreditContract.openPayload(open).length;
    assertTrue(bytes + " bytes", bytes <= Entry.MAX_PAYLOAD_BYTES);
  }

  @Test
  public void share_largestPayload_fitsEntryLimit() {
    List<byte[]> ciphertexts = new ArrayList<>();
    for (int i = 0; i < OpenInquiry.MAX_CIPHERTEXTS_PER_SHARE; i++) {
      ciphertexts.add(new byte[EncryptedShare.MAX_CIPHERTEXT_BYTES]);
    }
    int bytes = CreditContract.sharePayload(new EncryptedShare("q".repeat(InquiryIds.MAX_CHARS), ciphertexts)).length;
    assertTrue(bytes + " bytes", bytes <= Entry.MAX_PAYLOAD_BYTES);
  }

  @Test
  public void totals_multipliedIndexByIndex_decryptToPerIndexSums() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-22", 5, 3, CreditLedger.sorted(A, B, C), 3)),
        T0_MS);
    ledger.accept(CreditLedger.contribute(A, "q-22", CreditKeys.encrypt(1), CreditKeys.encrypt(10),
        CreditKeys.encrypt(100)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, "q-22", CreditKeys.encrypt(2), CreditKeys.encrypt(20),
        CreditKeys.encrypt(200)), T0_MS + 2);
    ledger.accept(CreditLedger.contribute(C, "q-22", CreditKeys.encrypt(4), CreditKeys.encrypt(-40),
        CreditKeys.encrypt(0)), T0_MS + 3);

    Inquiry inquiry = ledger.inquiry("q-22");
    assertEquals(InquiryStatus.CLOSED, inquiry.status());
    List<byte[]> total = inquiry.total();
    assertEquals(3, total.size());
    assertEquals(BigInteger.valueOf(7), CreditKeys.decrypt(total.get(0)));
    assertEquals(CreditKeys.askerPublic().modulus().subtract(BigInteger.TEN), CreditKeys.decrypt(total.get(1)));
    assertEquals(BigInteger.valueOf(300), CreditKeys.decrypt(total.get(2)));
  }

  @Test
  public void corrections_batch_multipliedIndexByIndexThenDecidedPerCustomer() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-23", 3, 2, CreditLedger.sorted(A, B, C), 2)),
        T0_MS);
    ledger.accept(CreditLedger.contribute(A, "q-23", CreditKeys.encrypt(5), CreditKeys.encrypt(50)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, "q-23", CreditKeys.encrypt(6), CreditKeys.encrypt(60)), T0_MS + 2);
    ledger.accept(CreditLedger.expire(C, "q-23"), DEADLINE_MS);
    ledger.accept(CreditLedger.correct(A, "q-23", CreditKeys.encrypt(-1), CreditKeys.encrypt(-10)), DEADLINE_MS + 1);
    ledger.accept(CreditLedger.correct(B, "q-23", CreditKeys.encrypt(-2), CreditKeys.encrypt(-20)), DEADLINE_MS + 2);
    Inquiry closed = ledger.inquiry("q-23");
    assertEquals(InquiryStatus.CLOSED, closed.status());
    assertEquals(BigInteger.valueOf(8), CreditKeys.decrypt(closed.total().get(0)));
    assertEquals(BigInteger.valueOf(80), CreditKeys.decrypt(closed.total().get(1)));

    ledger.accept(CreditLedger.report(A, "q-23"), DEADLINE_MS + 3);
    List<CustomerDecision> decisions = List.of(new CustomerDecision(true, "within-limit"),
        new CustomerDecision(false, "over-limit"), new CustomerDecision(true, "within-limit"));
    ledger.accept(CreditLedger.decision(A, "q-23", decisions), DEADLINE_MS + 4);
    Inquiry decided = ledger.inquiry("q-23");
    assertEquals(InquiryStatus.DECIDED, decided.status());
    assertEquals(decisions, decided.decisions());
    byte[] bytes = ledger.state().toCanonicalBytes();
    assertEquals(decided, CanonicalReader.decode(bytes, ledger.contract::readState).find("q-23").orElseThrow());
  }

  @Test
  public void readState_overHeldCustomers_refused() throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.openBatch("q-24", 3, 1, List.of(B.did), 1)), T0_MS);
    byte[] bytes = ledger.state().toCanonicalBytes();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, new CreditContract(new CreditBounds(10, 2, 10))::readState));
    assertTrue(e.getMessage(), e.getMessage().contains("the credit state holds 3 customers, over its maximum of 2"));
  }

  /** An inquiry of A with A, B and C, minimum 2, where A and B contributed 1 and 2 and C expired it. */
  private static CreditLedger correctingInquiry(String id) throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open(id, CreditLedger.sorted(A, B, C), 2)), T0_MS);
    ledger.accept(CreditLedger.contribute(A, id, CreditKeys.encrypt(1)), T0_MS + 1);
    ledger.accept(CreditLedger.contribute(B, id, CreditKeys.encrypt(2)), T0_MS + 2);
    ledger.accept(CreditLedger.expire(C, id), DEADLINE_MS);
    return ledger;
  }

  /** The ledger's state bytes with its last inquiry's status byte replaced by {@code status}: refused, naming why. */
  private static void assertStatusRefused(CreditLedger ledger, InquiryStatus status, String reason) {
    byte[] bytes = ledger.state().toCanonicalBytes();
    CanonicalWriter keys = new CanonicalWriter();
    ledger.state().keys().writeTo(keys);
    // The last inquiry ends in status (1), empty report hash (4), empty list of decisions (4); the keys follow.
    bytes[bytes.length - keys.size() - 9] = (byte) status.ordinal();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(bytes, ledger.contract::readState));
    assertTrue(e.getMessage(), e.getMessage().contains(reason));
  }

  /** An inquiry of A with B alone, closed by B's contribution. */
  private static CreditLedger closedInquiry(String id) throws Exception {
    CreditLedger ledger = new CreditLedger(CONSORTIUM);
    ledger.accept(CreditLedger.openEntry(A, CreditLedger.open(id, List.of(B.did), 1)), T0_MS);
    ledger.accept(CreditLedger.contribute(B, id, CreditKeys.encrypt(42)), T0_MS + 1);
    assertEquals(InquiryStatus.CLOSED, ledger.inquiry(id).status());
    return ledger;
  }

  private static Entry share(Member bank, String action, byte[] ciphertext, long nonce) {
    return bank.entry(CreditContract.NAME, action,
        CreditContract.sharePayload(new EncryptedShare("q-1", List.of(ciphertext))), nonce);
  }
}
