package dev.consilium.ledger.features;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * How a task trains, fixed at registration so every party and an auditor can re-run it: learning rate, batch
 * size, at most {@code maxEpochs} rounds (one per epoch), early stopping after {@code patience} epochs without
 * improvement, the fixed-point fraction bits of the shared Z, the split of the aligned rows into validation and
 * test (per mille; the rest trains), and how long a round may take.
 *
 * <p>The learning rate is a double, encoded as its IEEE-754 bits: a positive finite double has exactly one bit
 * pattern, so the encoding is canonical once NaN, infinities, zero and negatives are refused. The seed is
 * public, on the ledger: it fixes the split and the initial weights, never any secret share.
 */
public record HyperParameters(double learningRate, int batchSize, int maxEpochs, int patience, int fractionBits,
    long seed, int validationPermille, int testPermille, long roundTimeoutMs) implements CanonicalEncodable {
  public static final double MAX_LEARNING_RATE = 10.0;
  public static final int MAX_BATCH_SIZE = 65_536;
  public static final int MAX_EPOCHS = 1_000;
  public static final int MIN_FRACTION_BITS = 8;
  public static final int MAX_FRACTION_BITS = 40;
  public static final int MAX_SPLIT_PERMILLE = 500;
  public static final long MIN_ROUND_TIMEOUT_MS = 1_000;
  public static final long MAX_ROUND_TIMEOUT_MS = 3_600_000;

  public HyperParameters {
    String problem = problem(learningRate, batchSize, maxEpochs, patience, fractionBits, validationPermille,
        testPermille, roundTimeoutMs);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static HyperParameters read(CanonicalReader reader) throws CanonicalFormatException {
    double learningRate = Double.longBitsToDouble(reader.readI64());
    int batchSize = reader.readI32();
    int maxEpochs = reader.readI32();
    int patience = reader.readI32();
    int fractionBits = reader.readI32();
    long seed = reader.readI64();
    int validationPermille = reader.readI32();
    int testPermille = reader.readI32();
    long roundTimeoutMs = reader.readI64();
    String problem = problem(learningRate, batchSize, maxEpochs, patience, fractionBits, validationPermille,
        testPermille, roundTimeoutMs);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new HyperParameters(learningRate, batchSize, maxEpochs, patience, fractionBits, seed, validationPermille,
        testPermille, roundTimeoutMs);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeI64(Double.doubleToRawLongBits(learningRate)).writeI32(batchSize).writeI32(maxEpochs)
        .writeI32(patience).writeI32(fractionBits).writeI64(seed).writeI32(validationPermille).writeI32(testPermille)
        .writeI64(roundTimeoutMs);
  }

  private static String problem(double learningRate, int batchSize, int maxEpochs, int patience, int fractionBits,
      int validationPermille, int testPermille, long roundTimeoutMs) {
    // Written so that NaN fails too: every comparison with NaN is false.
    if (!(Double.isFinite(learningRate) && learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
      return "learning rate " + learningRate + " must be finite, above 0 and at most " + MAX_LEARNING_RATE;
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      return "batch size must be 1 to " + MAX_BATCH_SIZE + ", not " + batchSize;
    }
    if (maxEpochs < 1 || maxEpochs > MAX_EPOCHS) {
      return "max epochs must be 1 to " + MAX_EPOCHS + ", not " + maxEpochs;
    }
    if (patience < 1 || patience > maxEpochs) {
      return "patience must be 1 to max epochs (" + maxEpochs + "), not " + patience;
    }
    if (fractionBits < MIN_FRACTION_BITS || fractionBits > MAX_FRACTION_BITS) {
      return "fraction bits must be " + MIN_FRACTION_BITS + " to " + MAX_FRACTION_BITS + ", not " + fractionBits;
    }
    if (validationPermille < 0 || validationPermille > MAX_SPLIT_PERMILLE) {
      return "validation per mille must be 0 to " + MAX_SPLIT_PERMILLE + ", not " + validationPermille;
    }
    if (testPermille < 0 || testPermille > MAX_SPLIT_PERMILLE) {
      return "test per mille must be 0 to " + MAX_SPLIT_PERMILLE + ", not " + testPermille;
    }
    if (validationPermille + testPermille >= 1_000) {
      return "validation and test per mille must leave rows to train on: " + validationPermille + " + "
          + testPermille + " is not below 1000";
    }
    if (roundTimeoutMs < MIN_ROUND_TIMEOUT_MS || roundTimeoutMs > MAX_ROUND_TIMEOUT_MS) {
      return "round timeout must be " + MIN_ROUND_TIMEOUT_MS + " to " + MAX_ROUND_TIMEOUT_MS + " ms, not "
          + roundTimeoutMs + " ms";
    }
    return null;
  }
}
