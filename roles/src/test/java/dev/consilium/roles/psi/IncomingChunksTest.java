package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class IncomingChunksTest {
  private static final byte[] A = {1, 2, 3};
  private static final byte[] B = {4, 5, 6};

  @Test
  public void admit_inOrder_isNewUntilComplete() {
    IncomingChunks in = new IncomingChunks(2, 2);
    assertEquals(IncomingChunks.Kind.NEW, in.admit(0, A).kind());
    assertEquals(IncomingChunks.Kind.NEW, in.admit(1, B).kind());
    assertFalse(in.complete());
    in.done(0);
    in.done(1);
    assertTrue(in.complete());
  }

  @Test
  public void admit_repeatWhileRunning_isIgnoredThenAnsweredAgain() {
    IncomingChunks in = new IncomingChunks(3, 2);
    in.admit(0, A);
    assertEquals(IncomingChunks.Kind.IGNORE, in.admit(0, A).kind());
    in.done(0);
    assertEquals(IncomingChunks.Kind.REPEAT, in.admit(0, A).kind());
    assertEquals(IncomingChunks.Kind.IGNORE, in.admit(0, A).kind()); // its repeat's answer is on the way
  }

  @Test
  public void admit_repeatWithOtherContent_isRefused() {
    IncomingChunks in = new IncomingChunks(3, 2);
    in.admit(0, A);
    in.done(0);
    IncomingChunks.Verdict verdict = in.admit(0, B);
    assertEquals(IncomingChunks.Kind.REFUSE, verdict.kind());
    assertEquals("chunk 0 arrived again with different content", verdict.reason());
  }

  @Test
  public void admit_gapWithinTheWindow_isIgnored() {
    IncomingChunks in = new IncomingChunks(10, 3);
    in.admit(0, A);
    assertEquals(IncomingChunks.Kind.IGNORE, in.admit(2, A).kind());
    assertEquals(IncomingChunks.Kind.IGNORE, in.admit(3, A).kind());
    assertEquals(IncomingChunks.Kind.NEW, in.admit(1, A).kind()); // the retry fills the gap
  }

  @Test
  public void admit_beyondTheWindow_isRefused() {
    IncomingChunks in = new IncomingChunks(10, 3);
    in.admit(0, A);
    IncomingChunks.Verdict verdict = in.admit(4, A);
    assertEquals(IncomingChunks.Kind.REFUSE, verdict.kind());
    assertEquals("chunk 4 arrived while chunk 1 was expected, with at most 3 in flight", verdict.reason());
  }

  @Test
  public void admit_outsideTheList_isRefused() {
    IncomingChunks in = new IncomingChunks(2, 3);
    assertEquals("chunk 2 is not in a list of 2 chunks", in.admit(2, A).reason());
    assertEquals("chunk -1 is not in a list of 2 chunks", in.admit(-1, A).reason());
  }

  @Test
  public void admit_moreThanTheWindowRunning_isRefused() {
    IncomingChunks in = new IncomingChunks(10, 2);
    in.admit(0, A);
    in.admit(1, A);
    IncomingChunks.Verdict verdict = in.admit(2, A);
    assertEquals(IncomingChunks.Kind.REFUSE, verdict.kind());
    assertEquals("chunk 2 would be more than 2 chunks in flight", verdict.reason());
    in.done(0);
    assertEquals(IncomingChunks.Kind.NEW, in.admit(2, A).kind());
  }

  @Test
  public void admit_repeatRunningAgain_doesNotCountAgainstTheWindow() {
    // The sender sent chunk 0 again just before this side's answer to it arrived, then chunk 2 as the window
    // moved on: found by a 50,000-id run, where blinding a chunk took longer than the retry interval.
    IncomingChunks in = new IncomingChunks(10, 2);
    in.admit(0, A);
    in.admit(1, A);
    in.done(0);
    assertEquals(IncomingChunks.Kind.REPEAT, in.admit(0, A).kind());
    assertEquals(IncomingChunks.Kind.NEW, in.admit(2, A).kind());
    assertEquals(IncomingChunks.Kind.REFUSE, in.admit(3, A).kind());
    in.done(0);
    assertEquals(IncomingChunks.Kind.REFUSE, in.admit(3, A).kind());
    in.done(1);
    assertEquals(IncomingChunks.Kind.NEW, in.admit(3, A).kind());
  }

  @Test
  public void admit_staleRepeatOlderThanTheWindow_isIgnored() {
    IncomingChunks in = new IncomingChunks(10, 2);
    for (int i = 0; i < 5; i++) {
      in.admit(i, A);
      in.done(i);
    }
    assertEquals(IncomingChunks.Kind.IGNORE, in.admit(1, B).kind());
    assertEquals(IncomingChunks.Kind.REPEAT, in.admit(4, A).kind());
  }

  @Test
  public void complete_emptyTransferAtOnce() {
    assertTrue(new IncomingChunks(0, 2).complete());
  }
}
