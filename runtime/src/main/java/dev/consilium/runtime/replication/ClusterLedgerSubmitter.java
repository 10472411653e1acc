package dev.consilium.runtime.replication;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.sequencer.Receipt;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.runtime.ledger.LedgerSubmitter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs entries as this member and submits them to the sequencer singleton. Nonces follow the wall clock
 * in microseconds (and never repeat within this process), so a restarted member needs no state to stay
 * above its last nonce. A submission that gets no answer, or is told to retry, is sent again unchanged (same
 * nonce, same signature) up to {@code submitAttempts} times: if the first copy was sequenced after all, the
 * copy is refused for its nonce and the stage fails saying so; an entry is never applied twice.
 */
public final class ClusterLedgerSubmitter implements LedgerSubmitter {
  private final ActorSystem<?> system;
  private final ActorRef<LedgerSequencer.Command> sequencer;
  private final String channel;
  private final Did self;
  private final PublicKeySign signer;
  private final ReplicationSettings settings;
  private final Executor executor;
  private final AtomicLong lastNonce = new AtomicLong();
  /** How the sequencer says that an entry was not committed and never can be. */
  static final String SIGN_AGAIN = "sign the action again";

  public ClusterLedgerSubmitter(ActorSystem<?> system, ActorRef<LedgerSequencer.Command> sequencer, String channel,
      Did self, PublicKeySign signer, ReplicationSettings settings) {
    this.system = system;
    this.sequencer = sequencer;
    this.channel = channel;
    this.self = self;
    this.signer = signer;
    this.settings = settings;
    // Completions run on the actor system's dispatcher, not on the common pool (a single thread on 2 cores).
    this.executor = system.executionContext();
  }

  @Override
  public CompletionStage<Receipt> submit(String contract, String action, byte[] payload) {
    return signAndSubmit(contract, action, payload, 1);
  }

  /**
   * Signs with the next nonce and submits. When the sequencer answers that this entry never was and never
   * can be committed (its nonce was overtaken, say, by a later entry while a hand-over lost this one), the
   * action is signed again with a new nonce: that cannot apply it twice.
   */
  private CompletionStage<Receipt> signAndSubmit(String contract, String action, byte[] payload, int signing) {
    Entry entry;
    try {
      entry = Entry.sign(channel, contract, action, payload, self, nextNonce(), signer);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return submit(entry).exceptionallyComposeAsync(failure -> {
      Throwable cause = unwrapped(failure);
      if (cause instanceof SubmissionException refused && refused.retryable() && signing < settings.submitAttempts()
          && refused.getMessage().contains(SIGN_AGAIN)) {
        return signAndSubmit(contract, action, payload, signing + 1);
      }
      return CompletableFuture.failedFuture(cause);
    }, executor);
  }

  /** Submits an entry this member signed itself, retrying as described above. */
  public CompletionStage<Receipt> submit(Entry entry) {
    return attempt(entry, 1, null);
  }

  private CompletionStage<Receipt> attempt(Entry entry, int attempt, Throwable previous) {
    CompletionStage<Receipt> asked = AskPattern.askWithStatus(sequencer,
        replyTo -> new LedgerSequencer.Submit(entry, replyTo), Duration.ofMillis(settings.submitTimeoutMs()),
        system.scheduler());
    return asked.handleAsync((receipt, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(receipt);
      }
      Throwable cause = unwrapped(failure);
      if (attempt > 1 && cause.getMessage() != null && cause.getMessage().contains("not above its last nonce")) {
        return CompletableFuture.<Receipt>failedFuture(new SubmissionException("entry " + entry.hash().toHex()
            + " sent again after '" + previous.getMessage() + "' was refused: " + cause.getMessage(),
            cause.getMessage().contains(SIGN_AGAIN), cause));
      }
      if (isRetryable(cause) && attempt < settings.submitAttempts()) {
        return attempt(entry, attempt + 1, cause).toCompletableFuture();
      }
      return CompletableFuture.<Receipt>failedFuture(new SubmissionException("entry " + entry.hash().toHex()
          + " not committed after " + attempt + " attempt(s): " + cause.getMessage(), isRetryable(cause), cause));
    }, executor).thenCompose(stage -> stage);
  }

  private static boolean isRetryable(Throwable cause) {
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    return cause instanceof TimeoutException || message.contains("retry") || message.contains("not appended")
        || message.contains("not committed");
  }

  private long nextNonce() {
    long nowMicros = System.currentTimeMillis() * 1_000;
    return lastNonce.updateAndGet(previous -> Math.max(previous + 1, nowMicros));
  }

  /** The failure itself, not the CompletionException a stage wraps it in. */
  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
