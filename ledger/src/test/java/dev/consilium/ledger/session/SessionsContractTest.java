package dev.consilium.ledger.session;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.testing.TestConsortium;
import dev.consilium.ledger.testing.TestConsortium.Member;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class SessionsContractTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TestConsortium CONSORTIUM = new TestConsortium(RANDOM);
  private static final Member A = CONSORTIUM.bankA;
  private static final Member B = CONSORTIUM.bankB;
  private static final Member C = CONSORTIUM.bankC;

  private final SessionsContract contract = new SessionsContract();
  private final ExecutionContext context = new ExecutionContext(1, TestConsortium.GENESIS_TIME_MS + 1_000,
      CONSORTIUM.genesisState.membership());

  @Test
  public void validate_participantRecordsFirstOutcome_accepted() throws Exception {
    SessionsState state = contract.initialState(CONSORTIUM.config);
    Entry entry = outcomeEntry(B, outcome("s-1", Outcome.COMPLETED, ""));
    contract.validate(state, entry, context);
    SessionsState next = contract.apply(state, entry, context);
    SessionsState.Recorded recorded = next.find("s-1").orElseThrow();
    assertEquals(Outcome.COMPLETED, recorded.outcome());
    assertEquals(B.did, recorded.recordedBy());
    assertEquals(1, recorded.height());
    assertEquals("credit-inquiry", recorded.protocol());
    assertEquals("contribute", recorded.phase());
  }

  @Test
  public void validate_coordinatorOutsideParticipants_accepted() throws Exception {
    SessionOutcome outcome = new SessionOutcome("s-2", "credit-inquiry", A.did, sorted(B.did, C.did),
        Outcome.TIMED_OUT, "contribute", "no step from " + C.did + " within 5000 ms");
    contract.validate(contract.initialState(CONSORTIUM.config), outcomeEntry(A, outcome), context);
  }

  @Test
  public void validate_secondOutcomeForSameSession_refusedNamingTheFirst() throws Exception {
    SessionsState state = contract.initialState(CONSORTIUM.config);
    Entry first = outcomeEntry(A, outcome("s-3", Outcome.PARTICIPANT_LOST, "participant left"));
    contract.validate(state, first, context);
    SessionsState after = contract.apply(state, first, context);
    Entry second = outcomeEntry(B, outcome("s-3", Outcome.COMPLETED, ""));
    PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
        () -> contract.validate(after, second, context));
    assertMentions(e, "session s-3 already ended PARTICIPANT_LOST", "height 1", A.did.toString());
  }

  @Test
  public void validate_submitterNotInvolved_refused() {
    Member regulator = CONSORTIUM.regulator;
    PreconditionFailedException e = assertThrows(PreconditionFailedException.class, () -> contract.validate(
        contract.initialState(CONSORTIUM.config), outcomeEntry(regulator, outcome("s-4", Outcome.COMPLETED, "")),
        context));
    assertMentions(e, regulator.did + " is neither the coordinator nor a participant of session s-4");
  }

  @Test
  public void validate_revokedSubmitter_refused() throws Exception {
    Entry revoke = CONSORTIUM.regulator.entry(MembershipContract.NAME, MembershipContract.REVOKE,
        MembershipContract.revokePayload(B.did), 2); // genesis used nonce 1
    BlockDraft.Sealed sealed = CONSORTIUM.seal(CONSORTIUM.genesis.header(), CONSORTIUM.genesisState, List.of(revoke),
        CONSORTIUM.regulator);
    MembershipState revoked = sealed.state().membership();
    ExecutionContext afterRevoke = new ExecutionContext(2, TestConsortium.GENESIS_TIME_MS + 2_000, revoked);
    PreconditionFailedException e = assertThrows(PreconditionFailedException.class, () -> contract.validate(
        contract.initialState(CONSORTIUM.config), outcomeEntry(B, outcome("s-5", Outcome.COMPLETED, "")),
        afterRevoke));
    assertMentions(e, "only an admitted member may record a session outcome", B.did.toString());
  }

  @Test
  public void validate_unknownAction_refused() {
    Entry entry = B.entry(SessionsContract.NAME, "close",
        SessionsContract.outcomePayload(outcome("s-6", Outcome.COMPLETED, "")), 1);
    PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
        () -> contract.validate(contract.initialState(CONSORTIUM.config), entry, context));
    assertMentions(e, "sessions has no action 'close'");
  }

  @Test
  public void validate_malformedPayloads_refusedNamingTheField() {
    List<String> failures = new ArrayList<>();
    Did a = A.did;
    List<Did> bc = sorted(B.did, C.did);
    expectMalformed(failures, "truncated", new byte[] {0, 0, 0, 9, 's'}, "payload is not a session outcome");
    expectMalformed(failures, "bad session id", raw("s 7", "p", a, bc, 0, "ph", ""), "session id 's 7'");
    expectMalformed(failures, "empty session id", raw("", "p", a, bc, 0, "ph", ""), "session id ''");
    expectMalformed(failures, "bad protocol", raw("s-7", "Credit", a, bc, 0, "ph", ""), "protocol 'Credit'");
    expectMalformed(failures, "bad phase", raw("s-7", "p", a, bc, 0, "", ""), "phase ''");
    expectMalformed(failures, "unknown outcome", raw("s-7", "p", a, bc, 9, "ph", ""), "unknown session outcome 9");
    expectMalformed(failures, "no reason", raw("s-7", "p", a, bc, Outcome.REFUSED.ordinal(), "ph", ""),
        "a session that ends REFUSED must say why");
    expectMalformed(failures, "control char", raw("s-7", "p", a, bc, 3, "ph", "line\nforged"), "control characters");
    expectMalformed(failures, "long reason", raw("s-7", "p", a, bc, 3, "ph", "x".repeat(513)), "limit of 512 bytes");
    expectMalformed(failures, "unsorted", raw("s-7", "p", a, List.of(bc.get(1), bc.get(0)), 0, "ph", ""),
        "sorted by DID and distinct");
    expectMalformed(failures, "no participants", raw("s-7", "p", a, List.of(), 0, "ph", ""), "1 to 256 participants");
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void new_reasonOverBytesOrUnpairedSurrogate_throws() {
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> outcome("s-11", Outcome.REFUSED, "\u00e9".repeat(300)));
    assertMentions(tooLong, "at most 512 UTF-8 bytes, got 600");
    IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
        () -> outcome("s-11", Outcome.REFUSED, "bad \ud800 text"));
    assertMentions(surrogate, "unpaired surrogate");
  }

  @Test
  public void validate_stateFull_refused() throws Exception {
    SessionsContract small = new SessionsContract(1);
    SessionsState state = small.initialState(CONSORTIUM.config);
    Entry first = outcomeEntry(A, outcome("s-8", Outcome.COMPLETED, ""));
    SessionsState full = small.apply(state, first, context);
    PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
        () -> small.validate(full, outcomeEntry(A, outcome("s-9", Outcome.COMPLETED, "")), context));
    assertMentions(e, "maximum of 1 outcomes");
  }

  @Test
  public void state_roundTrip_sameBytesAndHash() throws Exception {
    SessionsState state = contract.initialState(CONSORTIUM.config);
    for (String id : List.of("s-b", "s-a", "s-c")) {
      state = contract.apply(state, outcomeEntry(A, outcome(id, Outcome.REFUSED, "declined")), context);
    }
    byte[] bytes = state.toCanonicalBytes();
    SessionsState read = CanonicalReader.decode(bytes, contract::readState);
    assertArrayEquals(bytes, read.toCanonicalBytes());
    assertEquals(state.stateHash(), read.stateHash());
    assertEquals(3, read.size());
  }

  @Test
  public void readState_unsortedSessions_refused() {
    SessionsState.Recorded recorded = new SessionsState.Recorded("p", Outcome.COMPLETED, "ph", A.did, 1);
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeList(List.of("s-b", "s-a"), (w, id) -> {
      w.writeString(id);
      recorded.writeTo(w);
    });
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> CanonicalReader.decode(writer.toByteArray(), contract::readState));
    assertMentions(e, "sorted by id and distinct");
  }

  @Test
  public void payload_roundTrip_sameOutcome() throws Exception {
    SessionOutcome outcome = outcome("s-10", Outcome.TIMED_OUT, "no step from a participant within 100 ms");
    assertEquals(outcome, CanonicalReader.decode(SessionsContract.outcomePayload(outcome), SessionOutcome::read));
  }

  private static SessionOutcome outcome(String sessionId, Outcome outcome, String reason) {
    return new SessionOutcome(sessionId, "credit-inquiry", A.did, sorted(A.did, B.did, C.did), outcome, "contribute",
        reason);
  }

  private static List<Did> sorted(Did... dids) {
    return List.of(dids).stream().sorted().toList();
  }

  private static Entry outcomeEntry(Member submitter, SessionOutcome outcome) {
    return submitter.entry(SessionsContract.NAME, SessionsContract.OUTCOME, SessionsContract.outcomePayload(outcome), 1);
  }

  /** A payload written field by field, bypassing the record's own checks. */
  private static byte[] raw(String sessionId, String protocol, Did coordinator, List<Did> participants, int outcome,
      String phase, String reason) {
    CanonicalWriter writer = new CanonicalWriter();
    writer.writeString(sessionId).writeString(protocol);
    coordinator.writeTo(writer);
    writer.writeList(participants, (w, d) -> d.writeTo(w));
    writer.writeU8(outcome).writeString(phase).writeString(reason);
    return writer.toByteArray();
  }

  private void expectMalformed(List<String> failures, String name, byte[] payload, String expected) {
    Entry entry = A.entry(SessionsContract.NAME, SessionsContract.OUTCOME, payload, 1);
    try {
      contract.validate(contract.initialState(CONSORTIUM.config), entry, context);
      failures.add(name + ": accepted");
    } catch (PreconditionFailedException e) {
      if (!e.getMessage().startsWith("payload is not a session outcome") || !e.getMessage().contains(expected)) {
        failures.add(name + ": '" + e.getMessage() + "' should mention '" + expected + "'");
      }
    }
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue("'" + e.getMessage() + "' should mention '" + part + "'", e.getMessage().contains(part));
    }
  }
}
