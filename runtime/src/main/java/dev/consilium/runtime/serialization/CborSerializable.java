package dev.consilium.runtime.serialization;

/**
 * Marker for messages that cross the network: bound to Akka's Jackson CBOR serializer in the runtime's
 * {@code reference.conf}. Ledger values inside them (blocks, entries, hashes, DIDs, proofs) travel as their
 * canonical bytes through {@link CanonicalJacksonModule}, so a message carries exactly what was signed.
 */
public interface CborSerializable {}
