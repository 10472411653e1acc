/**
 * The learning math of shared feature learning (DESIGN §6), written once for both the federated pipeline and
 * its centralized twin.
 *
 * <p>The model has a split first layer: holder i keeps a bottom matrix W_i and computes Z_i = X_i·W_i on its
 * own columns; only Z = ΣZ_i reaches the task owner, who runs the top model on Z and its own columns X_0
 * and sends back dL/dZ. So the owner learns Z and dL/dZ (DESIGN §8), a holder learns dL/dZ for its rows and
 * its own W_i. {@link dev.consilium.roles.features.model.CentralizedTrainer} runs the same pieces in one
 * process, with the same initial weights ({@link dev.consilium.roles.features.model.InitialWeights}), split
 * ({@link dev.consilium.roles.features.model.DataSplit}) and minibatch order
 * ({@link dev.consilium.roles.features.model.MinibatchPlan}), so the two agree up to fixed-point error.
 */
package dev.consilium.roles.features.model;
