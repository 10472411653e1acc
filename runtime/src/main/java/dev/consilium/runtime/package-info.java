/**
 * The node runtime (DESIGN §2): everything that turns the ledger and the cryptography into a member of an
 * Akka cluster: bootstrap, identities and TLS, membership and discovery, admission, serialization, sessions
 * and the replicated ledger.
 */
package dev.consilium.runtime;
