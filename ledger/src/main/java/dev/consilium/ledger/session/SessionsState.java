package dev.consilium.ledger.session;

import dev.consilium.ledger.contract.ContractState;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome recorded for each ended session, by session id. Immutable.
 *
 * <p>It keeps only what the one-outcome-per-session rule and an auditor's first question need (protocol,
 * outcome, phase, who recorded it, at which height); the participants and the reason stay in the entry
 * itself, which the height points to. Canonical form: ordered by session id (ASCII, so string order is byte
 * order).
 */
public final class SessionsState implements ContractState {
  private final SortedMap<String, Recorded> sessions;

  private SessionsState(SortedMap<String, Recorded> sessions) {
    this.sessions = Collections.unmodifiableSortedMap(sessions);
  }

  static SessionsState empty() {
    return new SessionsState(new TreeMap<>());
  }

  static SessionsState read(CanonicalReader reader, int maxSessions) throws CanonicalFormatException {
    List<Map.Entry<String, Recorded>> list = reader.readList(SessionsState::readEntry, maxSessions);
    SortedMap<String, Recorded> sessions = new TreeMap<>();
    String previous = null;
    for (Map.Entry<String, Recorded> entry : list) {
      if (previous != null && previous.compareTo(entry.getKey()) >= 0) {
        throw reader.malformed("sessions must be sorted by id and distinct; " + entry.getKey() + " follows " + previous);
      }
      sessions.put(entry.getKey(), entry.getValue());
      previous = entry.getKey();
    }
    return new SessionsState(sessions);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeList(new ArrayList<>(sessions.entrySet()), (w, e) -> {
      w.writeString(e.getKey());
      e.getValue().writeTo(w);
    });
  }

  public Optional<Recorded> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  public int size() {
    return sessions.size();
  }

  /**
   * A copy with one more session. The whole map is copied, as MembershipState does: fine for thousands of
   * sessions, linear per entry beyond that.
   */
  SessionsState with(String sessionId, Recorded recorded) {
    SortedMap<String, Recorded> next = new TreeMap<>(sessions);
    Recorded previous = next.put(sessionId, recorded);
    if (previous != null) {
      throw new IllegalStateException("session " + sessionId + " already has an outcome; validate must refuse a second");
    }
    return new SessionsState(next);
  }

  @Override
  public String toString() {
    return "SessionsState[" + sessions.size() + " sessions]";
  }

  private static Map.Entry<String, Recorded> readEntry(CanonicalReader reader) throws CanonicalFormatException {
    String sessionId = reader.readString(SessionOutcome.MAX_SESSION_ID_CHARS);
    String problem = SessionOutcome.sessionIdProblem(sessionId);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return Map.entry(sessionId, Recorded.read(reader));
  }

  /** What the ledger keeps of one session's outcome. */
  public record Recorded(String protocol, Outcome outcome, String phase, Did recordedBy, long height) {
    static Recorded read(CanonicalReader reader) throws CanonicalFormatException {
      String protocol = reader.readString(SessionOutcome.MAX_NAME_CHARS);
      int tag = reader.readU8();
      if (tag >= Outcome.values().length) {
        throw reader.malformed("unknown session outcome " + tag);
      }
      String phase = reader.readString(SessionOutcome.MAX_NAME_CHARS);
      Did recordedBy = Did.read(reader);
      long height = reader.readI64();
      if (height < 1) {
        throw reader.malformed("an outcome is recorded at height 1 or later, not " + height);
      }
      return new Recorded(protocol, Outcome.values()[tag], phase, recordedBy, height);
    }

    void writeTo(CanonicalWriter writer) {
      writer.writeString(protocol);
      writer.writeU8(outcome.ordinal());
      writer.writeString(phase);
      recordedBy.writeTo(writer);
      writer.writeI64(height);
    }
  }
}
