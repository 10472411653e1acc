package dev.consilium.runtime.testing;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.session.Outcome;
import dev.consilium.runtime.session.CoordinatorSteps;
import dev.consilium.runtime.session.ParticipantSteps;
import dev.consilium.runtime.session.PhasePlan;
import dev.consilium.runtime.session.PhaseView;
import dev.consilium.runtime.session.SessionPlan;
import dev.consilium.runtime.session.StepRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A two-phase toy protocol for the framework's tests: in {@code contribute} every participant sends a number;
 * in {@code confirm} the coordinator sends each the total and each must echo it back. Not private in any
 * way: it exercises inputs, outputs, checks and phases, nothing else.
 */
public final class Tally {
  public static final String PROTOCOL = "tally";
  public static final String CONTRIBUTE = "contribute";
  public static final String CONFIRM = "confirm";

  private Tally() {}

  public static SessionPlan plan(String sessionId, Did coordinator, Collection<Did> participants, int minParticipants,
      long phaseTimeoutMs) {
    return SessionPlan.of(sessionId, PROTOCOL, coordinator, participants, minParticipants,
        PhasePlan.of(CONTRIBUTE, phaseTimeoutMs, participants), PhasePlan.of(CONFIRM, phaseTimeoutMs, participants));
  }

  public static byte[] encode(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  public static long decode(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** The coordinator's side; counts the checks it makes, by party and phase. */
  public static final class Coordinator implements CoordinatorSteps {
    public final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    private long total;

    @Override
    public Map<Did, byte[]> open(PhaseView phase) {
      if (!phase.phase().name().equals(CONFIRM)) {
        return Map.of();
      }
      total = phase.outputsOf(CONTRIBUTE).values().stream().mapToLong(Tally::decode).sum();
      Map<Did, byte[]> inputs = new HashMap<>();
      phase.actors().forEach(party -> inputs.put(party, encode(total)));
      return inputs;
    }

    @Override
    public Optional<String> check(PhaseView phase, Did party, byte[] output) {
      checks.computeIfAbsent(party + "/" + phase.phase().name(), k -> new AtomicInteger()).incrementAndGet();
      if (output.length != Long.BYTES) {
        return Optional.of("a tally output is 8 bytes, got " + output.length);
      }
      if (phase.phase().name().equals(CONFIRM) && decode(output) != total) {
        return Optional.of(party + " confirmed a different total");
      }
      return Optional.empty();
    }

    public long total() {
      return total;
    }
  }

  /** A participant contributing {@code value}; counts the steps it performs and records how sessions ended. */
  public static class Participant implements ParticipantSteps {
    public final AtomicInteger performed = new AtomicInteger();
    public final Map<String, Optional<Outcome>> ended = new ConcurrentHashMap<>();
    private final long value;

    public Participant(long value) {
      this.value = value;
    }

    @Override
    public CompletionStage<byte[]> perform(StepRequest request) {
      performed.incrementAndGet();
      return CompletableFuture.completedFuture(request.phase().equals(CONTRIBUTE) ? encode(value)
          : Arrays.copyOf(request.input(), request.input().length));
    }

    @Override
    public void ended(String sessionId, Optional<Outcome> outcome) {
      ended.put(sessionId, outcome);
    }
  }
}
