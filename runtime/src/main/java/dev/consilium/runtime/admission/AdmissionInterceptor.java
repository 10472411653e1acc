package dev.consilium.runtime.admission;

import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;
import dev.consilium.ledger.identity.Did;
import dev.consilium.runtime.ledger.MembershipView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drops messages from non-admitted members; see {@link Admission}. Confined to its actor. */
final class AdmissionInterceptor<T> extends BehaviorInterceptor<T, T> {
  private final MembershipView membership;
  private final Map<Did, Boolean> logged;

  AdmissionInterceptor(Class<T> messageClass, MembershipView membership, int maxLoggedDids) {
    super(messageClass);
    this.membership = membership;
    // Least recently refused DID goes first, so the memory stays bounded under a flood of made-up DIDs.
    this.logged = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Did, Boolean> eldest) {
        return size() > maxLoggedDids;
      }
    };
  }

  @Override
  public Behavior<T> aroundReceive(TypedActorContext<T> context, T message, ReceiveTarget<T> target) {
    if (message instanceof FromMember fromMember) {
      Did from = fromMember.from();
      // A message decoded from the network may lack the field altogether: it names no member, so none admits it.
      if (from == null || !membership.isAdmitted(from)) {
        if (logged.put(from, Boolean.TRUE) == null) {
          context.asJava().getLog().warn("Ignoring messages from {}: {} (first was a {})", from, why(from),
              message.getClass().getSimpleName());
        }
        return Behaviors.same();
      }
    }
    return target.apply(context, message);
  }

  private String why(Did from) {
    if (from == null) {
      return "no sender DID";
    }
    return membership.current().find(from).isPresent() ? "revoked" : "not a member";
  }
}
