package dev.consilium.ledger.session;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The payload of a {@code sessions.outcome} entry: which session ended, of which protocol, who coordinated
 * it and who took part, how it ended, in which phase, and why. Every field is bounded, so an entry's size
 * is too. The reason is public and lands on every member's ledger: it must name what happened ("no step
 * from did:… within 5000 ms"), never a secret or a value a party computed.
 *
 * <p>Canonical form: participants sorted by DID and distinct, so one outcome has exactly one encoding.
 */
public record SessionOutcome(String sessionId, String protocol, Did coordinator, List<Did> participants,
    Outcome outcome, String phase, String reason) implements CanonicalEncodable {
  public static final int MAX_SESSION_ID_CHARS = 128;
  public static final int MAX_NAME_CHARS = 64;
  public static final int MAX_PARTICIPANTS = 256;
  public static final int MAX_REASON_BYTES = 512;
  /** Letters, digits and {@code . _ : -}: safe in actor names, log lines and file names. */
  public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
  /** Protocol and phase names, shaped like the ledger's contract and action names. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]*");

  public SessionOutcome {
    participants = List.copyOf(participants);
    String problem = problem(sessionId, protocol, participants, outcome, phase, reason);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static SessionOutcome read(CanonicalReader reader) throws CanonicalFormatException {
    String sessionId = reader.readString(MAX_SESSION_ID_CHARS);
    String protocol = reader.readString(MAX_NAME_CHARS);
    Did coordinator = Did.read(reader);
    List<Did> participants = reader.readList(Did::read, MAX_PARTICIPANTS);
    int tag = reader.readU8();
    if (tag >= Outcome.values().length) {
      throw reader.malformed("unknown session outcome " + tag);
    }
    String phase = reader.readString(MAX_NAME_CHARS);
    String reason = reader.readString(MAX_REASON_BYTES);
    try {
      return new SessionOutcome(sessionId, protocol, coordinator, participants, Outcome.values()[tag], phase, reason);
    } catch (IllegalArgumentException e) {
      throw reader.malformed(e.getMessage());
    }
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(sessionId);
    writer.writeString(protocol);
    coordinator.writeTo(writer);
    writer.writeList(participants, (w, did) -> did.writeTo(w));
    writer.writeU8(outcome.ordinal());
    writer.writeString(phase);
    writer.writeString(reason);
  }

  /** True if {@code did} may record this outcome: the coordinator or a participant. */
  public boolean involves(Did did) {
    return coordinator.equals(did) || participants.contains(did);
  }

  /** Why a session id is unusable, or null if it is fine. */
  public static String sessionIdProblem(String sessionId) {
    if (sessionId.isEmpty() || sessionId.length() > MAX_SESSION_ID_CHARS || !SESSION_ID.matcher(sessionId).matches()) {
      return "session id '" + shorten(sessionId) + "' must be 1 to " + MAX_SESSION_ID_CHARS
          + " characters of letters, digits and . _ : - (not starting with a symbol)";
    }
    return null;
  }

  /** Why a protocol or phase name is unusable, or null if it is fine. */
  public static String nameProblem(String what, String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_CHARS || !NAME.matcher(name).matches()) {
      return what + " '" + shorten(name) + "' must be 1 to " + MAX_NAME_CHARS
          + " characters of a-z, 0-9 and . _ - starting with a letter";
    }
    return null;
  }

  /** Why a reason text is unusable, or null if it is fine. */
  public static String reasonProblem(String reason) {
    // An unpaired surrogate has no UTF-8 encoding; codePoints() yields it as a lone value in this range.
    if (reason.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
      return "a session outcome's reason is not valid Unicode: it has an unpaired surrogate";
    }
    int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REASON_BYTES) {
      return "a session outcome's reason has at most " + MAX_REASON_BYTES + " UTF-8 bytes, got " + bytes;
    }
    // Control characters would let a reason forge lines in logs and reports that print it.
    if (reason.chars().anyMatch(Character::isISOControl)) {
      return "a session outcome's reason must not contain control characters";
    }
    return null;
  }

  private static String problem(String sessionId, String protocol, List<Did> participants, Outcome outcome,
      String phase, String reason) {
    String problem = sessionIdProblem(sessionId);
    if (problem == null) {
      problem = nameProblem("protocol", protocol);
    }
    if (problem == null) {
      problem = nameProblem("phase", phase);
    }
    if (problem == null) {
      problem = reasonProblem(reason);
    }
    if (problem == null && outcome != Outcome.COMPLETED && reason.isEmpty()) {
      problem = "a session that ends " + outcome + " must say why: the reason is empty";
    }
    if (problem == null) {
      problem = participantsProblem(participants);
    }
    return problem;
  }

  private static String participantsProblem(List<Did> participants) {
    if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
      return "a session has 1 to " + MAX_PARTICIPANTS + " participants, got " + participants.size();
    }
    for (int i = 1; i < participants.size(); i++) {
      if (participants.get(i - 1).compareTo(participants.get(i)) >= 0) {
        return "participants must be sorted by DID and distinct; " + participants.get(i) + " follows "
            + participants.get(i - 1);
      }
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SESSION_ID_CHARS ? text : text.substring(0, MAX_SESSION_ID_CHARS) + "…";
  }
}
