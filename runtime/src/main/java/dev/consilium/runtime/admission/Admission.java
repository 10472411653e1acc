package dev.consilium.runtime.admission;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import dev.consilium.runtime.ledger.MembershipView;

/**
 * Puts the ledger's membership in front of a protocol actor (DESIGN §3): a {@link FromMember} message whose
 * sender is not admitted, or was revoked, is dropped before the protocol sees it, whatever the transport let
 * through. The membership is read for every message, so a revocation counts from the first message after
 * the replica publishes it. Each dropped sender is logged once (a warning naming the DID and the message
 * type), not once per message, so a flood from one outsider cannot flood the log.
 *
 * <p>Messages that do not implement {@link FromMember} (timers, adapted replies, local commands) pass
 * untouched: they come from this node, not from a member.
 */
public final class Admission {
  /** How many refused DIDs an actor remembers having logged; past that the oldest may be logged again. */
  public static final int MAX_LOGGED_DIDS = 1_024;

  private Admission() {}

  /** {@code protocol}, seeing only messages from admitted members. */
  public static <T> Behavior<T> admitted(MembershipView membership, Class<T> messageClass, Behavior<T> protocol) {
    // A new interceptor per spawned actor: each keeps its own memory of what it logged.
    return Behaviors.intercept(() -> new AdmissionInterceptor<>(messageClass, membership, MAX_LOGGED_DIDS), protocol);
  }
}
