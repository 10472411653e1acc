/**
 * Seed expansion: a 32-byte seed becomes a long stream of pseudo-random {@code long}s that any holder of the
 * seed can regenerate, from any element index, without the elements in between.
 *
 * <p>This is what lets an additive share travel as 32 bytes instead of a matrix: the dealer sends the seed,
 * the receiver expands it. {@link dev.consilium.mpc.prg.Prg} is the key-like object (algorithm + seed),
 * {@link dev.consilium.mpc.prg.PrgStream} a positioned reader over its stream.
 */
package dev.consilium.mpc.prg;
