/**
 * The {@code features} contract: shared feature learning, vertical federated learning (DESIGN §6).
 *
 * <p>What each party learns from the ledger (DESIGN §8): everyone sees who owns a task, who holds data for it,
 * which compute nodes serve it, the feature widths, the model's shape and the hyper-parameters (the seed too:
 * it fixes the split and the initial weights, never a secret share); then, per round, how many rows the PSI
 * aligned, which compute nodes took part, each party's digests and the validation AUC; finally the model's hash
 * with its test metrics, and how the task ended. Digests are SHA-256 values: they commit each party to what it
 * sent and to its model without revealing a share, a Z_i, a gradient or a weight.
 */
package dev.consilium.ledger.features;
