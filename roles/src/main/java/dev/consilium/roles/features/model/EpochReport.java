package dev.consilium.roles.features.model;

/**
 * One epoch of training.
 *
 * @param epoch 1 for the first
 * @param meanTrainingLoss the mean over the epoch's batches of each batch's loss before its step
 * @param validationAuc ROC AUC on the validation rows after the epoch; NaN when none are held out
 * @param elapsedMs wall time of the epoch, training and validation
 */
public record EpochReport(int epoch, double meanTrainingLoss, double validationAuc, long elapsedMs) {}
