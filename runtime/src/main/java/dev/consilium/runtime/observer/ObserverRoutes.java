package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.consilium.runtime.replication.AuditStatus;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The regulator's read-only observer API (issue 5): the ledger's head and blocks as this member's replica
 * holds them, and the state of the continuous audit. Only GET is routed: any other method is answered
 * 405 Method Not Allowed, so nothing can be written through it.
 */
public final class ObserverRoutes extends AllDirectives {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

  private final ActorSystem<?> system;
  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final ActorRef<LedgerFollower.Command> auditor;

  public ObserverRoutes(ActorSystem<?> system, ActorRef<ReplicaEndpoint.Command> endpoint,
      ActorRef<LedgerFollower.Command> auditor) {
    this.system = system;
    this.endpoint = endpoint;
    this.auditor = auditor;
  }

  public Route route() {
    return get(() -> concat(
        path(PathMatchers.segment("ledger").slash("head"), this::head),
        path(PathMatchers.segment("ledger").slash("blocks").slash(PathMatchers.longSegment()), this::block),
        path("audit", this::audit)));
  }

  private Route head() {
    CompletionStage<LedgerViews.HeadView> head = AskPattern.ask(endpoint, ReplicaEndpoint.GetHead::new,
        ASK_TIMEOUT, system.scheduler()).thenApply(LedgerViews::head);
    return onSuccess(head, view -> completeOK(view, Jackson.marshaller()));
  }

  private Route block(long height) {
    if (height < 0) {
      return complete(StatusCodes.NOT_FOUND, "no block " + height);
    }
    CompletionStage<ReplicaEndpoint.Command> answer = AskPattern.ask(endpoint,
        (ActorRef<ReplicaEndpoint.Command> replyTo) -> new ReplicaEndpoint.GetBlocks(height, 1, replyTo),
        ASK_TIMEOUT, system.scheduler());
    return onSuccess(answer, reply -> {
      if (reply instanceof ReplicaEndpoint.Blocks blocks && !blocks.blocks().isEmpty()) {
        return completeOK(LedgerViews.block(blocks.blocks().get(0)), Jackson.marshaller());
      }
      return complete(StatusCodes.NOT_FOUND, "no block " + height + " on this replica");
    });
  }

  private Route audit() {
    CompletionStage<AuditStatus> status = AskPattern.ask(auditor, LedgerFollower.GetStatus::new, ASK_TIMEOUT,
        system.scheduler());
    return onSuccess(status, view -> completeOK(view, Jackson.marshaller()));
  }
}
