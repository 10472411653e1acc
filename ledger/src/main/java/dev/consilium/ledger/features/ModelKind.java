package dev.consilium.ledger.features;

import java.util.Optional;

/**
 * The kind of top model the task owner trains on Z = ΣZ_i. Ordinals are canonical (the kind byte of an
 * encoded task), so new kinds go at the end.
 */
public enum ModelKind {
  /** Z is the logit itself: every bottom model outputs width 1 and the top model is the sigmoid. */
  LOGISTIC("logistic"),
  /** Z is the hidden layer's pre-activation: its width is the hidden units, and the top model maps it on. */
  MLP("mlp");

  private final String wireName;

  ModelKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name the design and the command line use: {@code logistic} or {@code mlp}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<ModelKind> parse(String name) {
    for (ModelKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
