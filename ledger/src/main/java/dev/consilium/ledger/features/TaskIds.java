package dev.consilium.ledger.features;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;

/**
 * The form of a task id: 1 to 64 characters of [a-z0-9-], the rules of credit's inquiry ids, so string order
 * is byte order and the state's canonical order is the map's.
 */
final class TaskIds {
  static final int MAX_CHARS = 64;

  private TaskIds() {}

  /** Why {@code id} is not a task id, or null when it is one. */
  static String problem(String id) {
    if (id.isEmpty() || id.length() > MAX_CHARS) {
      return "task id '" + id + "' must have 1 to " + MAX_CHARS + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "task id '" + id + "' may hold only a-z, 0-9 and '-'";
      }
    }
    return null;
  }

  static String read(CanonicalReader reader) throws CanonicalFormatException {
    String id = reader.readString(MAX_CHARS);
    String problem = problem(id);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return id;
  }

  static String require(String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return id;
  }
}
