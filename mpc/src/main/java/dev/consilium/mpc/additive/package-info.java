/**
 * Additive secret sharing over the ring Z_2⁶⁴ ({@code long} arithmetic wraps mod 2⁶⁴), for vectors and
 * row-major matrices, with a fixed-point codec for reals.
 *
 * <p>What each party learns: a secret x is split into n shares that sum to x; any n − 1 of them are uniformly
 * random and independent of x (up to the PRG's security for seeded shares), so a party holding fewer than all
 * shares learns nothing about x. Shares of different secrets held by the same party add up to a share of the
 * sum, which is how compute nodes aggregate without seeing any input.
 *
 * <p>All shares but one are {@link dev.consilium.mpc.additive.SeededShare seeds} that expand to the share, so
 * they travel as 32 bytes; the last one is {@link dev.consilium.mpc.additive.ExplicitShare explicit}.
 */
package dev.consilium.mpc.additive;
