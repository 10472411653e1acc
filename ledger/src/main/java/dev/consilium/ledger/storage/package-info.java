/**
 * Where the ledger's journal lives: settings checked once at start-up, our own idempotent schema created
 * before the ActorSystem persists anything ({@link dev.consilium.ledger.storage.LedgerStorage} does both),
 * and a serializer that stores each event's canonical bytes unchanged, so that the offline verifier can
 * read the journal with plain JDBC.
 */
package dev.consilium.ledger.storage;
