package dev.consilium.ledger.verify;

/** One row of the snapshot table as stored: what the verifier reads, straight from the table. */
public record SnapshotRow(long sequenceNumber, String manifest, byte[] payload) {}
