package dev.consilium.ledger.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import org.junit.Test;

/** The HEIGHT:HASH form in which a client saves a head and hands it to {@code ledger verify}. */
public class SavedHeadTest {
  private static final Sha256Hash HASH = Sha256.digest(new byte[] {7});

  @Test
  public void parse_printedForm_roundTrips() {
    SavedHead head = new SavedHead(199, HASH);
    assertEquals("199:" + HASH.toHex(), head.toString());
    assertEquals(head, SavedHead.parse(head.toString()));
    assertEquals(head, SavedHead.parse("199:" + HASH.toHex().toUpperCase()));
  }

  @Test
  public void parse_malformed_throwsNamingTheProblem() {
    assertEquals("expected HEIGHT:HASH, found no ':' in '199'", message("199"));
    assertEquals("expected HEIGHT:HASH, the height 'x' is not a number", message("x:" + HASH.toHex()));
    assertEquals("expected HEIGHT:HASH, the hash is wrong: a SHA-256 hash is 64 hex digits, was 2", message("1:ab"));
    assertEquals("a saved head's height must not be negative, was -1", message("-1:" + HASH.toHex()));
  }

  private static String message(String text) {
    return assertThrows(IllegalArgumentException.class, () -> SavedHead.parse(text)).getMessage();
  }
}
