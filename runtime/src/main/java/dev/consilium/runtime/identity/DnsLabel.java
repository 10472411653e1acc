package dev.consilium.runtime.identity;

import java.util.regex.Pattern;

/**
 * Consortium and member names end up in certificates as DNS names and common names, and in file and
 * directory names. The JDK refuses to parse a certificate whose SAN DNS name is not DNS syntax, so the
 * names are checked up front as single lowercase DNS labels (RFC 1035 §2.3.1, digits allowed first).
 */
final class DnsLabel {
  static final int MAX_LENGTH_CHARS = 63;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private DnsLabel() {}

  /** Returns {@code text} if it is a label, else throws naming {@code what} (e.g. "member name"). */
  static String require(String what, String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH_CHARS) {
      throw new IllegalArgumentException(what + " must have 1 to " + MAX_LENGTH_CHARS + " characters, has "
          + text.length());
    }
    if (!LABEL.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " '" + text + "' may hold only lowercase letters, digits and"
          + " inner hyphens: it must be a DNS label");
    }
    return text;
  }
}
