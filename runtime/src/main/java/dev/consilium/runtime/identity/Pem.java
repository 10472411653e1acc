package dev.consilium.runtime.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM text (RFC 7468) to and from DER, on byte arrays rather than strings, so that the caller can wipe a
 * private key's text once it is written or decoded. The output is what Akka's PEM reader and OpenSSL read:
 * base64 in lines of 64 characters between {@code -----BEGIN label-----} and {@code -----END label-----}.
 */
final class Pem {
  static final String CERTIFICATE = "CERTIFICATE";
  /** PKCS#8 {@code PrivateKeyInfo}, unencrypted (RFC 7468 §10). */
  static final String PRIVATE_KEY = "PRIVATE KEY";

  private static final int LINE_CHARS = 64;
  private static final byte[] NEWLINE = {'\n'};
  private static final String DASHES = "-----";

  private Pem() {}

  /** The PEM text of {@code der} under {@code label}, ASCII, ending in a newline. */
  static byte[] encode(String label, byte[] der) {
    byte[] begin = ascii(DASHES + "BEGIN " + label + DASHES + "\n");
    byte[] body = Base64.getMimeEncoder(LINE_CHARS, NEWLINE).encode(der);
    byte[] end = ascii("\n" + DASHES + "END " + label + DASHES + "\n");
    byte[] text = new byte[begin.length + body.length + end.length];
    System.arraycopy(begin, 0, text, 0, begin.length);
    System.arraycopy(body, 0, text, begin.length, body.length);
    System.arraycopy(end, 0, text, begin.length + body.length, end.length);
    Arrays.fill(body, (byte) 0);
    return text;
  }

  /**
   * The DER bytes of the single block labelled {@code label} in {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong (no such block, several, no end line, not base64);
   *     the message never quotes the file's content
   */
  static byte[] decode(byte[] text, String label) {
    byte[] begin = ascii(DASHES + "BEGIN " + label + DASHES);
    byte[] end = ascii(DASHES + "END " + label + DASHES);
    int start = indexOf(text, begin, 0);
    if (start < 0) {
      throw new IllegalArgumentException("holds no PEM block '" + label + "'" + foundInstead(text));
    }
    if (indexOf(text, begin, start + begin.length) >= 0) {
      throw new IllegalArgumentException("holds more than one PEM block '" + label + "'; expected exactly one");
    }
    int bodyStart = start + begin.length;
    int stop = indexOf(text, end, bodyStart);
    if (stop < 0) {
      throw new IllegalArgumentException("PEM block '" + label + "' has no END line");
    }
    byte[] body = Arrays.copyOfRange(text, bodyStart, stop);
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block '" + label + "' is not base64");
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** Names the first block's label, so that "RSA PRIVATE KEY" (PKCS#1) or "CERTIFICATE" in a key file show. */
  private static String foundInstead(byte[] text) {
    byte[] anyBegin = ascii(DASHES + "BEGIN ");
    int start = indexOf(text, anyBegin, 0);
    if (start < 0) {
      return ": it is not PEM";
    }
    int labelStart = start + anyBegin.length;
    int labelEnd = indexOf(text, ascii(DASHES), labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > LINE_CHARS) {
      return ": it is not PEM";
    }
    return ", found '" + new String(text, labelStart, labelEnd - labelStart, StandardCharsets.US_ASCII) + "'";
  }

  private static int indexOf(byte[] text, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= text.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (text[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
