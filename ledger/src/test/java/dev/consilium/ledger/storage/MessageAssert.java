package dev.consilium.ledger.storage;

import static org.junit.Assert.assertTrue;

/** Failures must say what went wrong; these tests pin the words that a reader would search for. */
final class MessageAssert {
  private MessageAssert() {}

  static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue("'" + e.getMessage() + "' should mention '" + part + "'", e.getMessage().contains(part));
    }
  }
}
