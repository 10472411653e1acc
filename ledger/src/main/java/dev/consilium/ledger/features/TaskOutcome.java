package dev.consilium.ledger.features;

import java.util.Optional;

/**
 * How a task ended. Ordinals are canonical (the outcome byte of an encoded {@link TaskEnd}), so new outcomes
 * go at the end.
 */
public enum TaskOutcome {
  /** Trained, and the model registered. */
  COMPLETED("completed"),
  /** A party (named) was lost and the task could not go on without it. */
  PARTICIPANT_LOST("participant-lost"),
  /** A round did not finish within the task's round timeout. */
  TIMED_OUT("timed-out"),
  /** A party declined, or a step's output was not acceptable. */
  REFUSED("refused"),
  /** The owner called it off. */
  CANCELLED("cancelled");

  private final String wireName;

  TaskOutcome(String wireName) {
    this.wireName = wireName;
  }

  /** The design's name for it: {@code completed}, {@code participant-lost}, and so on. */
  public String wireName() {
    return wireName;
  }

  public static Optional<TaskOutcome> parse(String name) {
    for (TaskOutcome outcome : values()) {
      if (outcome.wireName.equals(name)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
