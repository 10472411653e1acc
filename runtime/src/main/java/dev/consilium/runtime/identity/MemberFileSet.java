package dev.consilium.runtime.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks that a directory exists and holds the named files, naming every one that is missing at once. */
final class MemberFileSet {
  private MemberFileSet() {}

  static void requirePresent(Path dir, String what, String... names) throws IdentityException {
    if (!Files.isDirectory(dir)) {
      throw new IdentityException(dir, Files.exists(dir) ? "is not a directory" : "does not exist");
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IdentityException(dir, "is not " + what + ": " + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " missing");
    }
  }
}
