/**
 * RFC 6962 §2.1 Merkle trees over a block's entries, and inclusion proofs that one entry is in a block.
 *
 * <p>Hashing is the RFC's: a leaf is SHA-256(0x00 ‖ data), an interior node SHA-256(0x01 ‖ left ‖ right),
 * so a leaf can never be passed off as a node (second-preimage resistance), and the empty tree's root is
 * SHA-256 of the empty string. Proof verification follows RFC 9162 §2.1.3.2.
 */
package dev.consilium.ledger.merkle;
