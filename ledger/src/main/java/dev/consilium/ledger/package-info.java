/** The consortium ledger: signed entries, hash-chained blocks, Merkle proofs, contracts, replica, verifier. */
package dev.consilium.ledger;
