/**
 * Proofs over the chain of block headers (DESIGN §4, Verification): that a list of headers is one unbroken
 * hash chain between two heights, and that a later head extends a head a client saved earlier.
 *
 * <p>Generic over {@link dev.consilium.ledger.proof.ChainLink}, so the checks do not depend on the header's
 * fields and serve the replica, the offline verifier and light clients alike.
 */
package dev.consilium.ledger.proof;
