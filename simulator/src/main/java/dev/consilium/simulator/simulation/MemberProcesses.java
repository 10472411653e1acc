package dev.consilium.simulator.simulation;

/**
 * How the driver runs the consortium's members: one JVM each ({@link SeparateJvms}) or all in this one
 * ({@link InProcessMembers}). Every member runs the same node, roles and simulation part either way.
 */
interface MemberProcesses extends AutoCloseable {
  /** Starts {@code member} from its config file; returns at once, the member joins in the background. */
  void start(String member);

  /** Kills {@code member} at once, as a crash would (kill -9): nothing is flushed or left cleanly. */
  void kill(String member);

  /** Stops {@code member} cleanly (it leaves the cluster) and waits for it. */
  void stop(String member);

  /** Stops every member still running. */
  @Override
  void close();
}
