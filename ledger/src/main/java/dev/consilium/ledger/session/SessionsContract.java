package dev.consilium.ledger.session;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * How multi-party sessions ended (DESIGN §7). One action, {@code outcome}, whose payload is a
 * {@link SessionOutcome}. It is accepted when the submitter is an admitted member and the session's
 * coordinator or one of its participants, and when no outcome was recorded for that session id yet: a
 * session ends once. Participants may record too, so a session whose coordinator vanished still gets its
 * outcome; whoever records first decides it, and later attempts are refused naming the outcome on record.
 */
public final class SessionsContract implements Contract<SessionsState> {
  public static final String NAME = "sessions";
  public static final String OUTCOME = "outcome";
  /** Bounds the state: about 200 bytes each, so the largest state stays well under the ledger's snapshot limit. */
  public static final int MAX_SESSIONS = 1_000_000;

  private final int maxSessions;

  public SessionsContract() {
    this(MAX_SESSIONS);
  }

  /** For tests of the bound; every replica of one ledger must use the same. */
  SessionsContract(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionsState initialState(GenesisConfig genesis) {
    return SessionsState.empty();
  }

  /** The payload of an {@code outcome} entry. */
  public static byte[] outcomePayload(SessionOutcome outcome) {
    return outcome.toCanonicalBytes();
  }

  @Override
  public void validate(SessionsState state, Entry entry, ExecutionContext context) throws PreconditionFailedException {
    if (!entry.action().equals(OUTCOME)) {
      throw new PreconditionFailedException(
          "sessions has no action '" + entry.action() + "'; its only action is " + OUTCOME);
    }
    SessionOutcome outcome = readOutcome(entry);
    if (!context.membership().isAdmitted(entry.submitter())) {
      throw new PreconditionFailedException("only an admitted member may record a session outcome; "
          + entry.submitter() + " is not one");
    }
    if (!outcome.involves(entry.submitter())) {
      throw new PreconditionFailedException(entry.submitter() + " is neither the coordinator nor a participant of"
          + " session " + outcome.sessionId());
    }
    SessionsState.Recorded recorded = state.find(outcome.sessionId()).orElse(null);
    if (recorded != null) {
      throw new PreconditionFailedException("session " + outcome.sessionId() + " already ended " + recorded.outcome()
          + ", recorded at height " + recorded.height() + " by " + recorded.recordedBy() + "; a session has one outcome");
    }
    if (state.size() >= maxSessions) {
      throw new PreconditionFailedException("the sessions contract holds its maximum of " + maxSessions + " outcomes");
    }
  }

  @Override
  public SessionsState apply(SessionsState state, Entry entry, ExecutionContext context) {
    try {
      SessionOutcome outcome = readOutcome(entry);
      return state.with(outcome.sessionId(), new SessionsState.Recorded(outcome.protocol(), outcome.outcome(),
          outcome.phase(), entry.submitter(), context.height()));
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("apply called for an entry validate refused: " + e.getMessage(), e);
    }
  }

  @Override
  public SessionsState readState(CanonicalReader reader) throws CanonicalFormatException {
    return SessionsState.read(reader, maxSessions);
  }

  private static SessionOutcome readOutcome(Entry entry) throws PreconditionFailedException {
    try {
      return CanonicalReader.decode(entry.payload(), SessionOutcome::read);
    } catch (CanonicalFormatException e) {
      throw new PreconditionFailedException("payload is not a session outcome: " + e.getMessage());
    }
  }
}
