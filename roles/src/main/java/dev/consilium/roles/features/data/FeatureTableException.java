package dev.consilium.roles.features.data;

/**
 * A feature file that cannot be read as a table. The message names the file and, when the fault is in one
 * place, its line and column; it never quotes the offending value, which may be a party's private data.
 */
public final class FeatureTableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FeatureTableException(String message) {
    super(message);
  }

  public FeatureTableException(String message, Throwable cause) {
    super(message, cause);
  }
}
