package dev.consilium.ledger.contract;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * The form of the ids contracts key their records by (credit inquiries, feature-learning tasks): 1 to
 * {@value #MAX_CHARS} characters of [a-z0-9-], so string order is byte order and a state's canonical order is
 * its map's. {@code kind} names the record in messages ("inquiry", "task").
 */
public final class RecordIds {
  public static final int MAX_CHARS = 64;

  private RecordIds() {}

  /** Why {@code id} is not a {@code kind} id, or null when it is one. */
  public static String problem(String kind, String id) {
    if (id.isEmpty() || id.length() > MAX_CHARS) {
      return kind + " id '" + id + "' must have 1 to " + MAX_CHARS + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return kind + " id '" + id + "' may hold only a-z, 0-9 and '-'";
      }
    }
    return null;
  }

  /** Reads a {@code kind} id, refusing a malformed one as malformed input. */
  public static String read(String kind, CanonicalReader reader) throws CanonicalFormatException {
    String id = reader.readString(MAX_CHARS);
    String problem = problem(kind, id);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return id;
  }

  /** {@code id}, or {@link IllegalArgumentException} naming what is wrong with it. */
  public static String require(String kind, String id) {
    String problem = problem(kind, id);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return id;
  }
}
