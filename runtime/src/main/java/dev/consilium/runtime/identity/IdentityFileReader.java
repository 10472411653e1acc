package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one identity file whole, bounded in size, turning I/O failures into messages that name the file. */
final class IdentityFileReader {
  private IdentityFileReader() {}

  static byte[] read(Path file, int maxBytes) throws IdentityException {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new IdentityException(file, "is " + size + " bytes, more than the " + maxBytes
            + " such a file can hold");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IdentityException(file, "is missing");
    } catch (IOException e) {
      throw new IdentityException(file, "cannot be read: " + e, e);
    }
  }
}
