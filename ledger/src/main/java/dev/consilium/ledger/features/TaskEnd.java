package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of {@code end-task}: the outcome, a reason and, for {@code participant-lost} (where it is
 * required), the party that was lost; other outcomes may name one too (the party that timed out or refused).
 * The reason lands on every member's ledger: it names what happened, never a value a party computed. It is at
 * most {@link #MAX_REASON_BYTES} UTF-8 bytes without control characters, so it cannot forge log lines, and it
 * is empty only for {@code completed}.
 *
 * <p>Encoding: the task id, the outcome's ordinal, the reason, then a presence flag and the lost party.
 */
public record TaskEnd(String taskId, TaskOutcome outcome, String reason, Optional<Did> lostParty)
    implements CanonicalEncodable {
  public static final int MAX_REASON_BYTES = 512;

  public TaskEnd {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lostParty, "lostParty");
    String problem = problem(taskId, outcome, reason, lostParty);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static TaskEnd read(CanonicalReader reader) throws CanonicalFormatException {
    String taskId = TaskIds.read(reader);
    int tag = reader.readU8();
    if (tag >= TaskOutcome.values().length) {
      throw reader.malformed("unknown task outcome " + tag);
    }
    TaskOutcome outcome = TaskOutcome.values()[tag];
    String reason = reader.readString(MAX_REASON_BYTES);
    Optional<Did> lostParty = reader.readBoolean() ? Optional.of(Did.read(reader)) : Optional.empty();
    String problem = problem(taskId, outcome, reason, lostParty);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new TaskEnd(taskId, outcome, reason, lostParty);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(taskId).writeU8(outcome.ordinal()).writeString(reason).writeBoolean(lostParty.isPresent());
    lostParty.ifPresent(did -> did.writeTo(writer));
  }

  private static String problem(String taskId, TaskOutcome outcome, String reason, Optional<Did> lostParty) {
    String problem = TaskIds.problem(taskId);
    if (problem != null) {
      return problem;
    }
    problem = reasonProblem(reason);
    if (problem != null) {
      return "task " + taskId + ": " + problem;
    }
    if (outcome != TaskOutcome.COMPLETED && reason.isEmpty()) {
      return "task " + taskId + " ends " + outcome + " and must say why: the reason is empty";
    }
    if (outcome == TaskOutcome.PARTICIPANT_LOST && lostParty.isEmpty()) {
      return "task " + taskId + " ends participant-lost and must name the party lost";
    }
    return null;
  }

  private static String reasonProblem(String reason) {
    // An unpaired surrogate has no UTF-8 encoding; codePoints() yields it as a lone value in this range.
    if (reason.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
      return "the reason is not valid Unicode: it has an unpaired surrogate";
    }
    int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REASON_BYTES) {
      return "the reason has at most " + MAX_REASON_BYTES + " UTF-8 bytes, not " + bytes;
    }
    if (reason.chars().anyMatch(Character::isISOControl)) {
      return "the reason must not contain control characters";
    }
    return null;
  }
}
