/**
 * Member identities (DESIGN §3): a member's DID is {@code did:consilium:} followed by the base58btc
 * encoding of SHA-256 of its Ed25519 public key. The DID document (keys, roles, endpoints) lives in the
 * {@code membership} contract, not here.
 */
package dev.consilium.ledger.identity;
