package dev.consilium.mpc.psi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class PsiIdsTest {
  @Test
  public void of_distinctIds_keepsOrderAndBytes() {
    PsiIds ids = PsiIds.of(List.of("alice", "bob", "zoë"), 10);
    assertEquals(3, ids.size());
    assertEquals("zoë", ids.get(2));
    assertArrayEquals("zoë".getBytes(StandardCharsets.UTF_8), ids.utf8(2));
  }

  @Test
  public void of_emptyList_isAccepted() {
    assertEquals(0, PsiIds.of(List.of(), 0).size());
  }

  @Test
  public void of_duplicate_throwsNamingBothIndices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiIds.of(List.of("a", "secret-id", "b", "secret-id"), 10));
    assertTrue(e.getMessage(), e.getMessage().contains("ids 1 and 3 are equal"));
    assertFalse("the id itself must not appear: " + e.getMessage(), e.getMessage().contains("secret-id"));
  }

  @Test
  public void of_nullId_throwsNamingIndex() {
    List<String> ids = new ArrayList<>(List.of("a", "b"));
    ids.add(null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiIds.of(ids, 10));
    assertEquals("id 2 is null", e.getMessage());
  }

  @Test
  public void of_emptyId_throwsNamingIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiIds.of(List.of("a", ""), 10));
    assertEquals("id 1 is empty", e.getMessage());
  }

  @Test
  public void of_idAtTheByteLimit_isAccepted() {
    String longest = "é".repeat(PsiIds.MAX_ID_BYTES / 2); // two UTF-8 bytes each
    assertEquals(PsiIds.MAX_ID_BYTES, PsiIds.of(List.of(longest), 1).utf8(0).length);
  }

  @Test
  public void of_idOverTheByteLimit_throwsWithItsLength() {
    String tooLong = "é".repeat(PsiIds.MAX_ID_BYTES / 2) + "x"; // 129 chars, 257 bytes
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiIds.of(List.of(tooLong), 1));
    assertEquals("id 0 has 257 UTF-8 bytes, at most 256", e.getMessage());
  }

  @Test
  public void of_idOverTheCharLimit_throwsBeforeEncoding() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiIds.of(List.of("ok", "x".repeat(10_000)), 2));
    assertEquals("id 1 is longer than 256 UTF-8 bytes", e.getMessage());
  }

  @Test
  public void of_loneSurrogate_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiIds.of(List.of("ok", "bad\uD800x"), 2));
    assertTrue(e.getMessage(), e.getMessage().startsWith("id 1 is not valid Unicode"));
  }

  @Test
  public void of_moreThanMax_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiIds.of(List.of("a", "b", "c"), 2));
    assertEquals("a party may bring at most 2 ids, got 3", e.getMessage());
  }

  @Test
  public void toString_showsOnlyTheCount() {
    String text = PsiIds.of(List.of("alice@example.com"), 1).toString();
    assertEquals("PsiIds[1 ids]", text);
  }

  @Test
  public void canonicallySorted_ordersByUtf8BytesNotUtf16() {
    String halfwidth = "\uFF61";          // U+FF61: EF BD A1 in UTF-8, one UTF-16 unit above the surrogates
    String emoji = "\uD83D\uDE00";        // U+1F600: F0 9F 98 80 in UTF-8, a surrogate pair in UTF-16
    assertTrue("UTF-16 puts the pair first", emoji.compareTo(halfwidth) < 0);
    assertEquals(List.of("A", "a", halfwidth, emoji), PsiIds.canonicallySorted(Arrays.asList(emoji, "a", halfwidth, "A")));
  }
}
