/**
 * The secret-shared sum of the data holders' contributions Z_i = X_i·W_i (DESIGN §5, §6), as three pure
 * steps the feature-learning actors call: a holder {@linkplain ZSharing#split splits} its Z_i into one
 * {@link ZShare} per compute node; a compute node {@linkplain ShareSum adds} the shares it receives for a step,
 * one per holder; the task owner {@linkplain ZSharing#reconstruct adds} the compute nodes' sums and decodes Z.
 *
 * <p>What each party learns: a compute node holds one share of each Z_i, a 32-byte seed or an explicit
 * matrix equal to Z_i minus the other nodes' seed expansions, so every matrix it sees is uniformly random
 * (up to the PRG) as long as at least one other compute node keeps its share; the owner sees only the
 * nodes' sums, whose total is Z = ΣZ_i. With a single holder Z is that holder's Z_i: the protocol hides
 * Z_i behind the sum only when there are two holders or more.
 *
 * <p>Exactness: the ring is Z_2⁶⁴, so shares add without error; the only error is the fixed-point rounding of
 * each Z_i, at most 2^-(f+1) per element, hence at most holders · 2^-(f+1) per element of Z for f fraction
 * bits ({@link ZCodec#errorBound()}).
 */
package dev.consilium.roles.features.aggregation;
