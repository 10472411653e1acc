package dev.consilium.runtime.ledger;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The membership as of this member's latest committed block, readable from any thread: the authority for
 * admission checks and discovery (DESIGN §3). The local replica publishes every new state; listeners run on
 * the publisher's thread and must not block.
 */
public final class MembershipView {
  private volatile MembershipState current;
  private final List<Consumer<MembershipState>> listeners = new CopyOnWriteArrayList<>();

  public MembershipView(MembershipState initial) {
    this.current = Objects.requireNonNull(initial, "initial membership");
  }

  public MembershipState current() {
    return current;
  }

  /** True when {@code did} is a member and was not revoked. */
  public boolean isAdmitted(Did did) {
    return current.isAdmitted(did);
  }

  public Optional<MemberDocument> admittedDocument(Did did) {
    MembershipState state = current;
    return state.isAdmitted(did) ? state.find(did).map(MembershipState.Member::document) : Optional.empty();
  }

  public List<MemberDocument> admittedWithRole(String role) {
    return current.admittedWithRole(role);
  }

  /** Called by the local replica after each committed block. */
  public void publish(MembershipState next) {
    current = Objects.requireNonNull(next, "membership");
    for (Consumer<MembershipState> listener : listeners) {
      listener.accept(next);
    }
  }

  /** {@code listener} is told of every later state (and not of the current one). */
  public void subscribe(Consumer<MembershipState> listener) {
    listeners.add(listener);
  }
}
