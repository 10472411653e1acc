package dev.consilium.ledger.verify;

/** One row of the journal as stored: what the verifier reads, straight from the table. */
public record JournalRow(long sequenceNumber, boolean deleted, String manifest, byte[] payload) {}
