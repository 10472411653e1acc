package dev.consilium.simulator;

import dev.consilium.simulator.cli.ConsiliumCommand;

/** Entry point of {@code bin/consilium}. */
public final class Main {
  /** The JDK's common pool size; read once, when the pool is first used. */
  static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  public static void main(String[] args) {
    // On two cores the common pool has one thread, and then the JDK runs every async completion on a new
    // thread of its own. Akka's Java ask and pipeToSelf complete asynchronously on that pool: a member
    // started one thread per ledger entry (about 100 per second) before this. Set before anything uses the
    // pool; an explicit -D setting wins.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(COMMON_POOL_PARALLELISM,
          String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
    }
    System.exit(ConsiliumCommand.execute(args));
  }
}
