package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a secret file can be read by anyone but its owner. Only a warning, not a refusal: Kubernetes
 * mounts secrets 644 by default and some file systems have no POSIX modes at all, and a node that refuses
 * to start over that would push people to copy keys somewhere worse.
 */
final class SecretFileMode {
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private SecretFileMode() {}

  /** A warning naming {@code file} and its mode if group or others have any access to it. */
  static Optional<String> warning(Path file) throws IOException {
    if (!isPosix(file)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains)) {
      return Optional.empty();
    }
    return Optional.of(file + " is a secret file but its mode is " + PosixFilePermissions.toString(permissions)
        + ": others on this machine may read it; run chmod 600 " + file);
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
