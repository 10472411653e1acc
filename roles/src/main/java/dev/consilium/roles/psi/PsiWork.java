package dev.consilium.roles.psi;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Runs a session's cryptography off the actor's thread: on Akka's blocking dispatcher, from where the
 * batch forms of {@code mpc.psi} spread each chunk over the fork/join pool. Results come back to the actor
 * by {@code pipeToSelf}.
 */
final class PsiWork {
  private PsiWork() {}

  static <T> CompletionStage<T> run(Executor executor, Callable<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  /** The failure a stage ended with, without the wrapper the future put around it. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** The failure's message, fit to share: mpc's refusals name an index and a reason, never a secret. */
  static String message(Throwable failure) {
    Throwable cause = cause(failure);
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
