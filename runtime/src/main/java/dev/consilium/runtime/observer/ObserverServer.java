package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicatedLedger;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Binds the observer API on this member (the regulator's node), over its ledger follower's audit and an
 * {@link ObserverIndex} of the credit entries the follower checked.
 */
public final class ObserverServer {
  private static final String INDEX_NAME = "consilium-observer-index";

  private ObserverServer() {}

  /**
   * Serves the observer API for {@code ledger}, audited by {@code follower}, on host:port; {@code opener}, the
   * regulator's, opens the reports for {@code /reports} (without one they are listed by hash only). Start it
   * once per system: the index has a fixed name. If the port cannot be bound the index is stopped again.
   */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, ReplicatedLedger ledger,
      ActorRef<LedgerFollower.Command> follower, String host, int port, Optional<ReportOpener> opener) {
    ActorRef<ObserverIndex.Command> index = system.systemActorOf(
        ObserverIndex.create(follower, ledger.endpoint(), ObserverIndex.DEFAULT_MAX_ENTRIES), INDEX_NAME,
        Props.empty());
    ObserverRoutes routes;
    try {
      routes = new ObserverRoutes(system, ledger.endpoint(), follower, index, opener);
    } catch (RuntimeException e) {
      index.tell(ObserverIndex.Stop.INSTANCE);
      throw e;
    }
    CompletionStage<ServerBinding> binding = Http.get(system).newServerAt(host, port).bind(routes.route());
    return binding.whenComplete((bound, failure) -> {
      if (failure != null) {
        index.tell(ObserverIndex.Stop.INSTANCE);
      }
    });
  }
}
