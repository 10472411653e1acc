/**
 * SHA-256 for the ledger (entry and block hashes, Merkle nodes) and for key fingerprints.
 *
 * <p>Built on the JDK's {@code MessageDigest}, whose SHA-256 uses the CPU's SHA extensions where present.
 */
package dev.consilium.mpc.hash;
