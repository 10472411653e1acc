package dev.consilium.ledger.contract;

import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.features.FeaturesContract;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.session.SessionsContract;

/**
 * The contracts a Consilium ledger runs. Replicas, sequencers and the offline verifier must all run the
 * same ones, or they replay the same blocks to different state roots; so the list lives here, once, and a
 * new contract is added here and nowhere else.
 */
public final class Contracts {
  private Contracts() {}

  /** A registry of every standard contract. */
  public static ContractRegistry standard() {
    return ContractRegistry.of(new MembershipContract(), new SessionsContract(), new CreditContract(),
        new FeaturesContract());
  }
}
