package dev.consilium.runtime.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A symmetric secret the consortium hands its members, such as the key of customer pseudonyms: the raw
 * bytes in one PEM block under a label that says what it is, written mode 600 and never over an existing
 * file, read back with the same checks as the members' private keys. Messages name the file, never bytes.
 */
public final class SharedSecretFile {
  private static final int MAX_FILE_BYTES = 4096;

  private SharedSecretFile() {}

  /** Writes {@code raw} under {@code label} and wipes it. */
  public static void write(Path file, String label, byte[] raw) throws IOException {
    byte[] text = null;
    try {
      text = Pem.encode(label, raw);
      NewFiles.writeSecret(file, text);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (text != null) {
        Arrays.fill(text, (byte) 0);
      }
    }
  }

  /** The {@code length} secret bytes under {@code label} in {@code file}; the caller wipes them. */
  public static byte[] read(Path file, String label, int length) throws IdentityException {
    byte[] text = IdentityFileReader.read(file, MAX_FILE_BYTES);
    try {
      byte[] raw;
      try {
        raw = Pem.decode(text, label);
      } catch (IllegalArgumentException e) {
        throw new IdentityException(file, e.getMessage() + "; expected a " + label + " PEM block");
      }
      if (raw.length != length) {
        Arrays.fill(raw, (byte) 0);
        throw new IdentityException(file, "holds a " + label + " of " + raw.length + " bytes, must be " + length);
      }
      return raw;
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }
}
