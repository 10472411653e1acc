package dev.consilium.simulator.simulation;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.pattern.StatusReply;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consilium.ledger.credit.CustomerDecision;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import dev.consilium.roles.credit.Applicant;
import dev.consilium.roles.credit.Application;
import dev.consilium.roles.credit.CreditDesk;
import dev.consilium.roles.credit.InquiryResult;
import dev.consilium.roles.customer.Consent;
import dev.consilium.roles.customer.PseudonymKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A simulated bank's applicants: once the driver's start signal is there, it asks each inquiry of the bank's
 * workload when it is due, with the customer's signed consent, and appends how it ended to the results file.
 * After a restart it skips what the results file already holds; an inquiry asked by the killed process is
 * found on the ledger and recorded as ABANDONED.
 */
final class WorkloadRunner implements Runnable {
  private static final long NOT_READY_RETRY_MS = 200;
  private static final long CONSENT_VALID_MS = 3_600_000;
  private static final long START_WAIT_MS = 600_000;

  private final ActorSystem<?> system;
  private final ActorRef<CreditDesk.Command> desk;
  private final Did self;
  private final PseudonymKey pseudonyms;
  private final CustomerKeys customers;
  private final List<WorkItem> items;
  private final Set<String> done;
  private final ResultsFile results;
  private final Path go;
  private final Duration answerTimeout;
  private final AtomicBoolean finished = new AtomicBoolean();

  WorkloadRunner(ActorSystem<?> system, ActorRef<CreditDesk.Command> desk, Did self, PseudonymKey pseudonyms,
      CustomerKeys customers, List<WorkItem> items, Set<String> done, ResultsFile results, Path go,
      Duration answerTimeout) {
    this.system = system;
    this.desk = desk;
    this.self = self;
    this.pseudonyms = pseudonyms;
    this.customers = customers;
    this.items = items;
    this.done = done;
    this.results = results;
    this.go = go;
    this.answerTimeout = answerTimeout;
  }

  boolean finished() {
    return finished.get();
  }

  static List<WorkItem> readWorkload(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<WorkItem> items = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          items.add(json.readValue(line, WorkItem.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the workload " + file, e);
    }
    return items;
  }

  @Override
  public void run() {
    try {
      long startMs = awaitStart();
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (WorkItem item : items) {
        if (done.contains(item.inquiryId())) {
          continue;
        }
        sleepUntil(startMs + item.dueOffsetMs());
        running.add(ask(item, System.currentTimeMillis()).toCompletableFuture());
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      finished.set(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletionStage<Void> ask(WorkItem item, long askedAtMs) {
    List<Applicant> applicants = new ArrayList<>(item.customers().size());
    for (WorkItem.Customer applicant : item.customers()) {
      Ed25519PrivateKey customer = customers.of(applicant.customerId());
      byte[] pseudonym = pseudonyms.pseudonym(applicant.customerId());
      Consent consent = Consent.sign(item.inquiryId(), pseudonym, self, askedAtMs + CONSENT_VALID_MS,
          customer.publicKey(), Ed25519Sign.create(customer));
      applicants.add(new Applicant(applicant.customerId(), consent, applicant.requestedCents(),
          applicant.annualIncomeCents()));
    }
    Application application = new Application(item.inquiryId(), applicants);
    CompletionStage<InquiryResult> answer = AskPattern.<CreditDesk.Command, StatusReply<InquiryResult>>ask(desk,
        replyTo -> new CreditDesk.Inquire(application, replyTo), answerTimeout, system.scheduler())
        .thenCompose(reply -> reply.isSuccess() ? CompletableFuture.completedFuture(reply.getValue())
            : CompletableFuture.failedFuture(new IllegalStateException(reply.getError().getMessage())));
    return answer.handle((result, failure) -> {
      if (failure == null) {
        results.append(outcome(result));
        return CompletableFuture.<Void>completedFuture(null);
      }
      String reason = (failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure).getMessage();
      if (reason != null && reason.contains("not followed yet")) {
        // The desk has not read the ledger yet (a process just started): ask again shortly.
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(NOT_READY_RETRY_MS,
            TimeUnit.MILLISECONDS)).thenCompose(ignored -> ask(item, askedAtMs));
      }
      boolean abandoned = reason != null && reason.contains("already exists");
      results.append(InquiryOutcome.without(item.inquiryId(), abandoned ? InquiryOutcome.ABANDONED
          : InquiryOutcome.FAILED, List.of(), System.currentTimeMillis() - askedAtMs, System.currentTimeMillis(),
          reason == null ? failure.getClass().getSimpleName() : reason));
      return CompletableFuture.<Void>completedFuture(null);
    }).thenCompose(stage -> stage);
  }

  private static InquiryOutcome outcome(InquiryResult result) {
    boolean decided = result.ending() == InquiryResult.Ending.DECIDED;
    return new InquiryOutcome(result.inquiryId(), decided ? InquiryOutcome.DECIDED : InquiryOutcome.INSUFFICIENT,
        result.totalsCents(), result.decisions().stream().map(CustomerDecision::approved).toList(),
        result.decisions().stream().map(CustomerDecision::reasonCode).toList(),
        result.contributors().stream().map(Did::toString).toList(),
        result.latencyMs(), System.currentTimeMillis(), "");
  }

  private long awaitStart() throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + START_WAIT_MS;
    while (System.currentTimeMillis() < giveUpAt) {
      if (Files.exists(go)) {
        try {
          String text = Files.readString(go, StandardCharsets.UTF_8).trim();
          if (!text.isEmpty()) {
            return Long.parseLong(text);
          }
        } catch (IOException | NumberFormatException e) {
          // being written: read it again
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no start signal in " + go + " within " + START_WAIT_MS / 1000 + " s");
  }

  private static void sleepUntil(long atMs) throws InterruptedException {
    long wait = atMs - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
