package dev.consilium.ledger.features;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Objects;

/**
 * The model of a task: its kind and the output width of every bottom model, which is the width of Z. A
 * logistic model's is 1; an mlp's is its hidden units, 1 to {@link #MAX_HIDDEN_UNITS}, so one field says both.
 */
public record TopModel(ModelKind kind, int outputWidth) implements CanonicalEncodable {
  public static final int MAX_HIDDEN_UNITS = 256;

  public TopModel {
    Objects.requireNonNull(kind, "kind");
    String problem = problem(kind, outputWidth);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static TopModel logistic() {
    return new TopModel(ModelKind.LOGISTIC, 1);
  }

  public static TopModel mlp(int hiddenUnits) {
    return new TopModel(ModelKind.MLP, hiddenUnits);
  }

  public static TopModel read(CanonicalReader reader) throws CanonicalFormatException {
    int tag = reader.readU8();
    if (tag >= ModelKind.values().length) {
      throw reader.malformed("unknown model kind " + tag);
    }
    ModelKind kind = ModelKind.values()[tag];
    int outputWidth = reader.readI32();
    String problem = problem(kind, outputWidth);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new TopModel(kind, outputWidth);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeU8(kind.ordinal()).writeI32(outputWidth);
  }

  /** An mlp's hidden units (its output width); 0 for a logistic model, which has no hidden layer. */
  public int hiddenUnits() {
    return kind == ModelKind.MLP ? outputWidth : 0;
  }

  private static String problem(ModelKind kind, int outputWidth) {
    if (kind == ModelKind.LOGISTIC && outputWidth != 1) {
      return "a logistic model's output width is 1, not " + outputWidth;
    }
    if (kind == ModelKind.MLP && (outputWidth < 1 || outputWidth > MAX_HIDDEN_UNITS)) {
      return "an mlp has 1 to " + MAX_HIDDEN_UNITS + " hidden units (its output width), not " + outputWidth;
    }
    return null;
  }
}
