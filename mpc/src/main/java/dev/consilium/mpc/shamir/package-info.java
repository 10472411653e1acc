/**
 * Shamir secret sharing over a prime field: any t of n shares reconstruct the secret, fewer reveal nothing.
 * Used where additive sharing's all-of-n is too brittle: surviving dropouts (mask seeds in secure
 * aggregation) and key escrow.
 *
 * <p>What each party learns: shareholder x holds f(x) for a random polynomial f of degree t − 1 with f(0) the
 * secret; any t − 1 values of f are uniformly random and independent of the secret. Reconstruction with more
 * than t shares also checks that all of them lie on one polynomial, so a corrupted or forged share is named
 * rather than silently producing a wrong secret (with exactly t shares nothing can be checked).
 *
 * <p>Arithmetic is {@link java.math.BigInteger}, which is not constant-time; shares and secrets should be
 * handled where timing is not observable by an adversary.
 */
package dev.consilium.mpc.shamir;
