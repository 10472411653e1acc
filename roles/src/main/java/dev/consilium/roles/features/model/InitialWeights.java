package dev.consilium.roles.features.model;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The starting weights of every party, derived from the task's seed so that a holder and the centralized
 * twin build bit-identical matrices.
 *
 * <p>Scheme: a logistic model starts at zero (its loss is convex, and zero treats every column alike). An MLP
 * layer with {@code rows} inputs and {@code cols} outputs draws each entry uniformly from ±√(6/(rows+cols))
 * (Glorot and Bengio, 2010): entry = (2u − 1)·bound, u = {@code nextDouble()} of a {@link SplittableRandom}
 * seeded with {@link DerivedSeed}(seed, "initial-weights", party, layer), entries in row-major order. Party 0 is the task owner, holders are 1, 2, … in the
 * task's order; layer 0 is a party's first-layer block (W_i, or the owner's W_0), layer 1 the owner's output
 * vector v. Biases start at zero. Each party's first-layer block uses its own width as fan-in, as that is
 * all it is sure to know.
 */
public final class InitialWeights {
  public static final int OWNER = 0;
  public static final int FIRST_LAYER = 0;
  public static final int OUTPUT_LAYER = 1;

  private InitialWeights() {}

  /** Party {@code party}'s first-layer block: {@code rows x spec.outputWidth()}. */
  public static DMatrixRMaj firstLayer(ModelSpec spec, long seed, int party, int rows) {
    return switch (spec.kind()) {
      case LOGISTIC -> new DMatrixRMaj(rows, 1);
      case MLP -> glorotUniform(seed, party, FIRST_LAYER, rows, spec.outputWidth());
    };
  }

  /**
   * Entries uniform in [−√(6/(rows+cols)), √(6/(rows+cols))), drawn in row-major order from the stream of
   * ({@code seed}, {@code party}, {@code layer}).
   */
  public static DMatrixRMaj glorotUniform(long seed, int party, int layer, int rows, int cols) {
    if (party < 0 || layer < 0 || rows < 0 || cols < 1) {
      throw new IllegalArgumentException("party " + party + ", layer " + layer + ", rows " + rows + ", cols "
          + cols + ": party, layer and rows must be non-negative, cols positive");
    }
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    if (rows == 0) {
      return out;
    }
    double bound = Math.sqrt(6.0 / (rows + cols));
    SplittableRandom random = new SplittableRandom(DerivedSeed.of(seed, "initial-weights", party, layer));
    for (int i = 0; i < out.data.length; i++) {
      out.data[i] = (2 * random.nextDouble() - 1) * bound;
    }
    return out;
  }
}
