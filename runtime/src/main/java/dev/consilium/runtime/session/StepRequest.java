package dev.consilium.runtime.session;

import dev.consilium.ledger.identity.Did;
import java.util.List;

/** What a participant is asked to do: its step of {@code phase} in a session, with the coordinator's input for it. */
public record StepRequest(String sessionId, String protocol, Did coordinator, List<Did> participants, String phase,
    byte[] input) {}
