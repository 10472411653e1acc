package dev.consilium.runtime.observer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.consilium.ledger.credit.CreditContract;
import dev.consilium.ledger.credit.CreditState;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.runtime.replication.AuditStatus;
import dev.consilium.runtime.replication.LedgerFollower;
import dev.consilium.runtime.replication.ReplicaEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The regulator's read-only observer API (issue 5): the ledger's head and blocks as this member's replica
 * holds them, the state of the continuous audit, the credit inquiries and reports as the audit passed them,
 * and a dashboard page that polls the first of these. Only GET is routed: any other method, on any path, is
 * answered 405 Method Not Allowed, so nothing can be written through it.
 *
 * <p>Credit answers come from committed, checked blocks only (the follower's latest state and the
 * {@link ObserverIndex}), never from a replica's uncommitted tip.
 */
public final class ObserverRoutes extends AllDirectives {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  private static final String DASHBOARD_RESOURCE = "dashboard.html";
  private static final int PSEUDONYM_HEX_CHARS = 64;

  private final ActorSystem<?> system;
  private final ActorRef<ReplicaEndpoint.Command> endpoint;
  private final ActorRef<LedgerFollower.Command> auditor;
  private final ActorRef<ObserverIndex.Command> index;
  private final Optional<ReportOpener> opener;
  private final String dashboard;

  /**
   * Routes over {@code endpoint} (the replica), {@code auditor} (its follower) and {@code index} (the
   * follower's credit entries); {@code opener}, if any, opens the reports for {@code /reports}.
   */
  ObserverRoutes(ActorSystem<?> system, ActorRef<ReplicaEndpoint.Command> endpoint,
      ActorRef<LedgerFollower.Command> auditor, ActorRef<ObserverIndex.Command> index,
      Optional<ReportOpener> opener) {
    this.system = system;
    this.endpoint = endpoint;
    this.auditor = auditor;
    this.index = index;
    this.opener = opener;
    this.dashboard = readDashboard();
  }

  public Route route() {
    return get(() -> concat(
        pathSingleSlash(this::dashboard),
        path("dashboard", this::dashboard),
        path(PathMatchers.segment("ledger").slash("head"), this::head),
        path(PathMatchers.segment("ledger").slash("blocks").slash(PathMatchers.longSegment()), this::block),
        path("audit", this::audit),
        path("inquiries", () -> parameterOptional("pseudonym", this::inquiries)),
        path(PathMatchers.segment("inquiries").slash("activity"), this::activity),
        path("reports", this::reports)));
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

  private Route dashboard() {
    return complete(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, dashboard));
  }

  private Route inquiries(Optional<String> pseudonymHex) {
    Optional<byte[]> pseudonym = pseudonymHex.flatMap(ObserverRoutes::pseudonym);
    if (pseudonym.isEmpty()) {
      return complete(StatusCodes.BAD_REQUEST, "query parameter 'pseudonym' must be a customer's pseudonym: "
          + PSEUDONYM_HEX_CHARS + " hex characters (32 bytes)");
    }
    return onSuccess(latest(), latest -> withCredit(latest, (height, credit) ->
        completeOK(CreditViews.inquiries(height, credit, pseudonym.get()), Jackson.marshaller())));
  }

  private Route activity() {
    CompletionStage<ObserverIndex.Activity> activity = AskPattern.ask(index, ObserverIndex.GetActivity::new,
        ASK_TIMEOUT, system.scheduler());
    return onSuccess(latest(), latest -> withCredit(latest, (height, credit) -> onSuccess(activity, indexed ->
        completeOK(CreditViews.activity(height, CreditViews.byStatus(credit), indexed), Jackson.marshaller()))));
  }

  private Route reports() {
    CompletionStage<CreditViews.ReportsView> reports = AskPattern.ask(index, ObserverIndex.GetReports::new,
        ASK_TIMEOUT, system.scheduler()).thenApplyAsync(filed -> CreditViews.reports(filed, opener),
        system.executionContext());
    return onSuccess(reports, view -> completeOK(view, Jackson.marshaller()));
  }

  private CompletionStage<LedgerFollower.Followed> latest() {
    return AskPattern.ask(auditor, LedgerFollower.GetLatest::new, ASK_TIMEOUT, system.scheduler());
  }

  /** The credit state after the follower's checked head; 503 while the follower has not checked genesis. */
  private Route withCredit(LedgerFollower.Followed latest, CreditRoute route) {
    if (!latest.hasHead()) {
      return complete(StatusCodes.SERVICE_UNAVAILABLE, "the audit has not checked the genesis block yet");
    }
    LedgerState state = latest.state();
    if (!(state.contractState(CreditContract.NAME) instanceof CreditState credit)) {
      return complete(StatusCodes.NOT_FOUND, "this ledger has no credit contract");
    }
    return route.apply(latest.head().height(), credit);
  }

  @FunctionalInterface
  private interface CreditRoute {
    Route apply(long height, CreditState credit);
  }

  private static Optional<byte[]> pseudonym(String hex) {
    if (hex.length() != PSEUDONYM_HEX_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Read once, so that a build that lost the page fails when the observer starts, not on the first visit. */
  private static String readDashboard() {
    try (InputStream in = ObserverRoutes.class.getResourceAsStream(DASHBOARD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the observer's " + DASHBOARD_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the observer's " + DASHBOARD_RESOURCE, e);
    }
  }
}
