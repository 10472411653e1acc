package dev.consilium.roles.psi;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.runtime.admission.FromMember;
import dev.consilium.runtime.serialization.CborSerializable;
import java.util.List;

/**
 * What members' {@link PsiMember} actors send each other, each naming its session and its sender. Points
 * travel as chunks of 32-byte u-coordinates laid end to end, at most the invitation's chunk size; a chunk or
 * part is identified by (session, sender, kind, index), which makes every retry idempotent.
 *
 * <p>Messages to the leader's coordination are {@link ToLeader}; messages to a party's side of the session
 * are {@link ToParty}; an {@link Abort} goes to both.
 */
public sealed interface PsiMessage extends PsiMember.Command, CborSerializable, FromMember {
  String sessionId();

  /** For the leader's {@link PsiLeader}. */
  sealed interface ToLeader extends PsiMessage {}

  /** For a party's {@link PsiParticipant}. */
  sealed interface ToParty extends PsiMessage {}

  /**
   * The leader asks {@code parties} (sorted, the leader among them) to intersect; {@code designated} will
   * learn the result. The chunk size, window and deadline hold for the whole session.
   */
  record Invite(String sessionId, Did from, List<Did> parties, List<Did> designated, String purpose,
      int chunkPoints, int maxInFlightChunks, long sessionTimeoutMs) implements ToParty {}

  /** A party takes part with {@code items} ids. */
  record Accept(String sessionId, Did from, int items) implements ToLeader {}

  /** A party declines, for a reason fit to share. */
  record Decline(String sessionId, Did from, String reason) implements ToLeader {}

  /** Every party accepted: each one's number of ids, in the invitation's party order. Blinding may start. */
  record Begin(String sessionId, Did from, List<Integer> items) implements ToParty {}

  /** A party has the roster. */
  record Began(String sessionId, Did from) implements ToLeader {}

  /** Chunk {@code index} of the sender's list, for the receiver to blind with its key. */
  record BlindRequest(String sessionId, Did from, int index, byte[] points) implements ToParty {}

  /** Chunk {@code index} of the receiver's list, blinded by the sender, in the same order. */
  record BlindReply(String sessionId, Did from, int index, byte[] points) implements ToParty {}

  /** Chunk {@code index} of the sender's fully blinded list, for the leader. */
  record FinalChunk(String sessionId, Did from, int index, byte[] points) implements ToLeader {}

  /** The leader has final chunk {@code index}. */
  record FinalAck(String sessionId, Did from, int index) implements ToParty {}

  /** Part {@code index} of the receiver's result (see {@link ResultParts}). */
  record ResultPart(String sessionId, Did from, int index, byte[] bitmap) implements ToParty {}

  /** The party has result part {@code index}. */
  record ResultAck(String sessionId, Did from, int index) implements ToLeader {}

  /** The sender ended the session, for everyone, with this outcome and public reason. */
  record Abort(String sessionId, Did from, Outcome outcome, String reason) implements ToLeader, ToParty {}
}
