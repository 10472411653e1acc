package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicatedLedger;
import java.util.concurrent.CompletionStage;

/** Binds the observer API on this member (the regulator's node), over its ledger follower's audit. */
public final class ObserverServer {
  private ObserverServer() {}

  /** Serves the observer API for {@code ledger}, audited by {@code follower}, on host:port. */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, ReplicatedLedger ledger,
      ActorRef<LedgerFollower.Command> follower, String host, int port) {
    ObserverRoutes routes = new ObserverRoutes(system, ledger.endpoint(), follower);
    return Http.get(system).newServerAt(host, port).bind(routes.route());
  }
}
