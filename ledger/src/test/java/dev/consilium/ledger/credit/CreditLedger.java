package dev.consilium.ledger.credit;

import static org.junit.Assert.assertThrows;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drives the credit contract entry by entry at chosen block timestamps, as a replica does: validate, then
 * apply. The block path itself is covered by {@link CreditContractTest}.
 */
final class CreditLedger {
  static final long T0_MS = TestConsortium.GENESIS_TIME_MS + 1_000;
  static final long DEADLINE_MS = T0_MS + 60_000;

  final CreditContract contract;
  final MembershipState membership;
  private CreditState state;
  private long height = 1;

  CreditLedger(TestConsortium consortium) {
    this(consortium, new CreditContract());
  }

  /**
   * Bank A has registered the tests' asker key and bank B the other key, as the desk does before its first
   * open; a test of registration itself starts from {@link #withoutKeys}.
   */
  CreditLedger(TestConsortium consortium, CreditContract contract) {
    this(consortium, contract, false);
    try {
      accept(registerKey(consortium.bankA, CreditKeys.askerPublic().toBytes()), T0_MS - 2);
      accept(registerKey(consortium.bankB, CreditKeys.OTHER.publicKey().toBytes()), T0_MS - 1);
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("the test keys must register: " + e.getMessage(), e);
    }
  }

  private CreditLedger(TestConsortium consortium, CreditContract contract, boolean unused) {
    this.contract = contract;
    this.membership = consortium.genesisState.membership();
    this.state = contract.initialState(consortium.config);
  }

  /** A ledger where no institution has registered a key yet. */
  static CreditLedger withoutKeys(TestConsortium consortium) {
    return new CreditLedger(consortium, new CreditContract(), false);
  }

  CreditState state() {
    return state;
  }

  Inquiry inquiry(String id) {
    return state.find(id).orElseThrow();
  }

  void accept(Entry entry, long timestampMs) throws PreconditionFailedException {
    ExecutionContext context = new ExecutionContext(height++, timestampMs, membership);
    contract.validate(state, entry, context);
    state = contract.apply(state, entry, context);
  }

  /** The reason the contract gives for refusing {@code entry}; fails if it accepts it. */
  String refusal(Entry entry, long timestampMs) {
    ExecutionContext context = new ExecutionContext(height, timestampMs, membership);
    return assertThrows(PreconditionFailedException.class, () -> contract.validate(state, entry, context))
        .getMessage();
  }

  /** An inquiry about one customer, whose shares carry one ciphertext, under the asker key (bank A's). */
  static OpenInquiry open(String id, List<Did> participants, int minContributors) {
    return open(id, participants, minContributors, CreditKeys.askerPublic().toBytes());
  }

  /** The same, under {@code publicKey}. */
  static OpenInquiry open(String id, List<Did> participants, int minContributors, byte[] publicKey) {
    return new OpenInquiry(id, List.of(new byte[OpenInquiry.PSEUDONYM_BYTES]), publicKey, List.of(consent(0)),
        participants, DEADLINE_MS, minContributors, 1);
  }

  static Entry registerKey(Member bank, byte[] publicKey) {
    return bank.entry(CreditContract.NAME, CreditContract.REGISTER_KEY, CreditContract.registerKeyPayload(publicKey),
        1);
  }

  /** An inquiry about {@code customers} customers (pseudonyms 0, 1, ...), whose shares carry {@code perShare}. */
  static OpenInquiry openBatch(String id, int customers, int perShare, List<Did> participants, int minContributors) {
    return new OpenInquiry(id, pseudonyms(customers), CreditKeys.askerPublic().toBytes(), consents(customers),
        participants, DEADLINE_MS, minContributors, perShare);
  }

  /** {@code count} distinct pseudonyms: customer i's is i, big-endian, in the last four bytes. */
  static List<byte[]> pseudonyms(int count) {
    List<byte[]> pseudonyms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pseudonyms.add(ByteBuffer.allocate(OpenInquiry.PSEUDONYM_BYTES).putInt(OpenInquiry.PSEUDONYM_BYTES - 4, i)
          .array());
    }
    return pseudonyms;
  }

  static List<byte[]> consents(int count) {
    List<byte[]> consents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      consents.add(consent(i));
    }
    return consents;
  }

  static byte[] consent(int customer) {
    return ("consent signed by customer " + customer).getBytes(StandardCharsets.UTF_8);
  }

  static List<Did> sorted(Member... members) {
    return Stream.of(members).map(m -> m.did).sorted().toList();
  }

  static Entry openEntry(Member asker, OpenInquiry open) {
    return asker.entry(CreditContract.NAME, CreditContract.OPEN, CreditContract.openPayload(open), 1);
  }

  static Entry contribute(Member bank, String id, byte[]... ciphertexts) {
    return bank.entry(CreditContract.NAME, CreditContract.CONTRIBUTE,
        CreditContract.sharePayload(new EncryptedShare(id, List.of(ciphertexts))), 1);
  }

  static Entry correct(Member bank, String id, byte[]... ciphertexts) {
    return bank.entry(CreditContract.NAME, CreditContract.CORRECT,
        CreditContract.sharePayload(new EncryptedShare(id, List.of(ciphertexts))), 1);
  }

  static Entry expire(Member member, String id) {
    return member.entry(CreditContract.NAME, CreditContract.EXPIRE, CreditContract.expirePayload(id), 1);
  }

  static Entry report(Member asker, String id) {
    return asker.entry(CreditContract.NAME, CreditContract.REPORT,
        CreditContract.reportPayload(new InquiryReport(id, new byte[] {1, 2, 3})), 1);
  }

  /** A decision on an inquiry of one customer. */
  static Entry decision(Member asker, String id, boolean approved) {
    return decision(asker, id, List.of(new CustomerDecision(approved, "debt-over-income")));
  }

  static Entry decision(Member asker, String id, List<CustomerDecision> decisions) {
    return asker.entry(CreditContract.NAME, CreditContract.DECISION,
        CreditContract.decisionPayload(new CreditDecision(id, decisions)), 1);
  }
}
