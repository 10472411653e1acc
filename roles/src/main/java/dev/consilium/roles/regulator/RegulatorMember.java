package dev.consilium.roles.regulator;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.runtime.node.ConsortiumNode;
import java.util.Optional;

/**
 * What the regulator's role adds to its node: the observer, with the key that opens the reports filed to it.
 * The node cannot start the observer that way itself, as the runtime knows nothing of the credit report's
 * format; so {@code bin/consilium node} calls this on a regulator after starting the node.
 */
public final class RegulatorMember {
  private RegulatorMember() {}

  /**
   * Serves {@code node}'s observer API, opening reports with {@code agreementKey}, when the node is a
   * regulator and {@code consilium.observer.port} is set; answers whether it does. Throws
   * {@link IllegalArgumentException} naming the address when the port cannot be bound.
   */
  public static boolean start(ConsortiumNode node, X25519PrivateKey agreementKey) {
    return node.startObserver(Optional.of(new RegulatorReports(agreementKey)));
  }
}
