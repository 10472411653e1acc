package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import java.util.Objects;

/**
 * One data holder of a task: its DID and how many feature columns it brings, the row count of its bottom
 * model W_i (featureWidth × the model's output width). The width is public, the features are not.
 */
public record DataHolder(Did did, int featureWidth) implements CanonicalEncodable {
  public static final int MAX_FEATURE_WIDTH = 4_096;

  public DataHolder {
    Objects.requireNonNull(did, "did");
    String problem = widthProblem(did, featureWidth);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static DataHolder read(CanonicalReader reader) throws CanonicalFormatException {
    Did did = Did.read(reader);
    int featureWidth = reader.readI32();
    String problem = widthProblem(did, featureWidth);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new DataHolder(did, featureWidth);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    did.writeTo(writer);
    writer.writeI32(featureWidth);
  }

  private static String widthProblem(Did did, int featureWidth) {
    if (featureWidth < 1 || featureWidth > MAX_FEATURE_WIDTH) {
      return "holder " + did + " has feature width " + featureWidth + "; a holder brings 1 to " + MAX_FEATURE_WIDTH
          + " features";
    }
    return null;
  }
}
