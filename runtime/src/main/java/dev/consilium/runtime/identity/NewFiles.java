package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes identity files that must not exist yet: a key or certificate is never replaced by accident, since
 * replacing a CA key orphans every certificate it issued. Secret files are created with mode 600 from the
 * start, so there is no moment at which another user could open them.
 */
final class NewFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private NewFiles() {}

  /** Throws if any of {@code names} exists in {@code dir}: checked before writing, so nothing is half-done. */
  static void requireAbsent(Path dir, String... names) throws FileAlreadyExistsException {
    for (String name : names) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, "already exists; refusing to overwrite it");
      }
    }
  }

  static void writePublic(Path file, byte[] content) throws IOException {
    Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Mode 600 where the file system has POSIX permissions; elsewhere the directory's protection applies. */
  static void writeSecret(Path file, byte[] content) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes = SecretFileMode.isPosix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
