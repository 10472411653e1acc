package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.runtime.replication.ReplicatedLedger;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Starts the auditor and binds the observer API on this member (the regulator's node). */
public final class ObserverServer {
  private ObserverServer() {}

  /** Audits {@code ledger} every {@code auditIntervalMs} and serves the observer API on host:port. */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, ReplicatedLedger ledger,
      ContractRegistry registry, String host, int port, long auditIntervalMs) {
    ActorRef<LedgerAuditor.Command> auditor = system.systemActorOf(
        LedgerAuditor.create(ledger.endpoint(), registry, auditIntervalMs, Clock.systemUTC()), "consilium-auditor",
        Props.empty());
    ObserverRoutes routes = new ObserverRoutes(system, ledger.endpoint(), auditor);
    return Http.get(system).newServerAt(host, port).bind(routes.route());
  }
}
