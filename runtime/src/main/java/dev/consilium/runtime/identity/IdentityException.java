package dev.consilium.runtime.identity;

import java.nio.file.Path;

/**
 * A CA or member directory that cannot be used: a file is missing, unreadable, or does not agree with the
 * others. The message starts with the file it is about and says what is wrong with it; it never quotes
 * secret material.
 */
public final class IdentityException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Path file;

  public IdentityException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public IdentityException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file (or directory) the problem is about. */
  public Path file() {
    return file;
  }
}
