package dev.consilium.runtime.discovery;

import akka.actor.typed.receptionist.ServiceKey;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.SessionOutcome;

/**
 * A protocol's actors as the Receptionist knows them: a protocol name and the actors' message type. Each
 * actor is registered twice: under {@link #of(Did)}, which names its member, for lookups by DID; and under
 * {@link #any()}, for lookups by role, where the {@link Directory} tells the member from the actor's address.
 */
public record ProtocolKey<T>(String protocol, Class<T> messageClass) {
  private static final String PREFIX = "consilium:";

  public ProtocolKey {
    String problem = SessionOutcome.nameProblem("protocol", protocol);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The key of {@code did}'s actor of this protocol. */
  public ServiceKey<T> of(Did did) {
    return ServiceKey.create(messageClass, PREFIX + protocol + ":" + did.value());
  }

  /** The key every member's actor of this protocol is also registered under. */
  public ServiceKey<T> any() {
    return ServiceKey.create(messageClass, PREFIX + protocol);
  }
}
