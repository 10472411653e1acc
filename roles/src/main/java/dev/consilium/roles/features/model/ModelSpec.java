package dev.consilium.roles.features.model;

import java.util.Locale;

/**
 * The architecture of a shared-feature model: which top model the owner runs and the width k of Z, the
 * output of the split first layer.
 *
 * @param kind the top model
 * @param outputWidth k: 1 for {@link Kind#LOGISTIC}, the number of hidden units for {@link Kind#MLP}
 */
public record ModelSpec(Kind kind, int outputWidth) {
  /** Hidden units of an MLP at most; Z travels as b x k secret shares each batch, so k stays small. */
  public static final int MAX_OUTPUT_WIDTH = 256;

  /** The owner's top model. */
  public enum Kind {
    /** logit = Z + X_0·w_0 + b: logistic regression on all columns, the holders' weights at the holders. */
    LOGISTIC,
    /** h = ReLU(Z + X_0·W_0 + b_1), logit = h·v + c: one hidden layer of k units. */
    MLP;

    /** The kind named {@code name} ("logistic" or "mlp", any case). */
    public static Kind fromName(String name) {
      for (Kind kind : values()) {
        if (kind.name().equalsIgnoreCase(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("model kind must be 'logistic' or 'mlp', was '" + name + "'");
    }

    /** The lower-case name, as {@link #fromName} reads it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ModelSpec {
    if (kind == null) {
      throw new IllegalArgumentException("model kind must be given");
    }
    if (kind == Kind.LOGISTIC && outputWidth != 1) {
      throw new IllegalArgumentException("outputWidth of a logistic model must be 1, was " + outputWidth);
    }
    if (outputWidth < 1 || outputWidth > MAX_OUTPUT_WIDTH) {
      throw new IllegalArgumentException("outputWidth must be in [1, " + MAX_OUTPUT_WIDTH + "], was " + outputWidth);
    }
  }

  /** Hidden units of the default MLP: enough for the credit data, where 8 did slightly worse and 32 no better. */
  public static final int DEFAULT_HIDDEN_UNITS = 16;

  /** The default architecture of {@code kind}: logistic, or an MLP of {@value #DEFAULT_HIDDEN_UNITS} units. */
  public static ModelSpec defaults(Kind kind) {
    return kind == Kind.LOGISTIC ? logistic() : mlp(DEFAULT_HIDDEN_UNITS);
  }

  public static ModelSpec logistic() {
    return new ModelSpec(Kind.LOGISTIC, 1);
  }

  public static ModelSpec mlp(int hiddenUnits) {
    return new ModelSpec(Kind.MLP, hiddenUnits);
  }
}
