package dev.consilium.ledger.storage;

import java.util.regex.Pattern;

/** Keeps passwords that a JDBC URL may carry ({@code ?password=...}, {@code ;PASSWORD=...}) out of messages. */
final class Redaction {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private Redaction() {}

  static String url(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }
}
