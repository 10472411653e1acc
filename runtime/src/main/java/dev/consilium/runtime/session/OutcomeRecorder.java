package dev.consilium.runtime.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.pattern.StatusReply;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.ledger.session.SessionOutcome;
import dev.consilium.ledger.session.SessionsContract;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A session after its outcome is decided: it submits the outcome to the {@code sessions} contract, at most
 * {@code recordAttempts} times, each given {@code recordTimeoutMs}, then tells whoever started the session
 * and stops. Steps that still arrive are answered with the outcome: nothing can change it now.
 *
 * <p>A retry after a lost receipt may be refused because the first attempt did commit ("already ended"); the
 * result then carries that refusal, which names the outcome on record.
 */
final class OutcomeRecorder extends AbstractBehavior<Session.Command> {
  private static final String RECORD_TIMEOUT = "record-timeout";
  private static final String RECORD_AGAIN = "record-again";

  private final TimerScheduler<Session.Command> timers;
  private final SessionSettings settings;
  private final LedgerSubmitter ledger;
  private final SessionOutcome outcome;
  private final ActorRef<SessionResult> resultTo;
  private int attempt;

  OutcomeRecorder(ActorContext<Session.Command> context, TimerScheduler<Session.Command> timers,
      SessionSettings settings, LedgerSubmitter ledger, SessionOutcome outcome, ActorRef<SessionResult> resultTo) {
    super(context);
    this.timers = timers;
    this.settings = settings;
    this.ledger = ledger;
    this.outcome = outcome;
    this.resultTo = resultTo;
    submit();
  }

  @Override
  public Receive<Session.Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Session.Recorded.class, this::onRecorded)
        .onMessage(Session.RecordFailed.class, this::onRecordFailed)
        .onMessageEquals(Session.RecordAgain.INSTANCE, this::onRecordAgain)
        .onMessage(Session.StepDone.class, this::onLateStep)
        .onAnyMessage(message -> this)
        .build();
  }

  private void submit() {
    attempt++;
    int thisAttempt = attempt;
    CompletionStage<Receipt> receipt;
    try {
      receipt = ledger.submit(SessionsContract.NAME, SessionsContract.OUTCOME, SessionsContract.outcomePayload(outcome));
    } catch (RuntimeException e) {
      receipt = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(receipt, (done, failure) -> failure == null
        ? new Session.Recorded(thisAttempt, done) : new Session.RecordFailed(thisAttempt, message(failure)));
    timers.startSingleTimer(RECORD_TIMEOUT, new Session.RecordFailed(thisAttempt,
        "no receipt within " + settings.recordTimeoutMs() + " ms"), Duration.ofMillis(settings.recordTimeoutMs()));
  }

  /** A receipt from any attempt will do: each submitted the same outcome. */
  private Behavior<Session.Command> onRecorded(Session.Recorded recorded) {
    timers.cancelAll();
    resultTo.tell(new SessionResult(outcome, Optional.of(recorded.receipt()), Optional.empty()));
    return Behaviors.stopped();
  }

  private Behavior<Session.Command> onRecordFailed(Session.RecordFailed failed) {
    if (failed.attempt() != attempt || timers.isTimerActive(RECORD_AGAIN)) {
      return this; // an attempt already given up on
    }
    if (attempt < settings.recordAttempts()) {
      getContext().getLog().warn("Recording the outcome of session {} failed (attempt {} of {}): {}",
          outcome.sessionId(), attempt, settings.recordAttempts(), failed.reason());
      timers.cancel(RECORD_TIMEOUT);
      // A pause first: a sequencer failing over needs a moment before it takes entries again.
      timers.startSingleTimer(RECORD_AGAIN, Session.RecordAgain.INSTANCE, Duration.ofMillis(settings.retryIntervalMs()));
      return this;
    }
    getContext().getLog().error("The outcome {} of session {} is not on the ledger after {} attempts: {}",
        outcome.outcome(), outcome.sessionId(), attempt, failed.reason());
    timers.cancelAll();
    resultTo.tell(new SessionResult(outcome, Optional.empty(), Optional.of(failed.reason())));
    return Behaviors.stopped();
  }

  private Behavior<Session.Command> onRecordAgain() {
    submit();
    return this;
  }

  private Behavior<Session.Command> onLateStep(Session.StepDone step) {
    step.replyTo().tell(StatusReply.error("session " + outcome.sessionId() + " has ended " + outcome.outcome()));
    return this;
  }

  private static String message(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
