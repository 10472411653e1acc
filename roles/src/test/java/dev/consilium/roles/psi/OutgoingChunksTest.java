package dev.consilium.roles.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class OutgoingChunksTest {
  private static final long RETRY_MS = 100;

  @Test
  public void due_sendsAtMostTheWindow() {
    OutgoingChunks out = new OutgoingChunks(10, 3);
    assertEquals(List.of(0, 1, 2), out.due(0, RETRY_MS));
    assertEquals(List.of(), out.due(10, RETRY_MS));
  }

  @Test
  public void settle_freesTheWindowButAnswerAloneDoesNot() {
    OutgoingChunks out = new OutgoingChunks(10, 3);
    out.due(0, RETRY_MS);
    assertEquals(OutgoingChunks.Answer.NEW, out.answer(1));
    assertEquals(List.of(), out.due(10, RETRY_MS)); // answered, still being checked
    out.settle(1);
    assertEquals(List.of(3), out.due(20, RETRY_MS));
  }

  @Test
  public void due_resendsOnlyUnansweredAfterTheRetryInterval() {
    OutgoingChunks out = new OutgoingChunks(10, 3);
    out.due(0, RETRY_MS);
    out.answer(0);
    assertEquals(List.of(), out.due(99, RETRY_MS));
    assertEquals(List.of(1, 2), out.due(100, RETRY_MS));
    assertEquals(List.of(), out.due(150, RETRY_MS));
    assertEquals(List.of(1, 2), out.due(200, RETRY_MS));
  }

  @Test
  public void answer_repeatAndNeverSent() {
    OutgoingChunks out = new OutgoingChunks(10, 2);
    out.due(0, RETRY_MS);
    assertEquals(OutgoingChunks.Answer.NEW, out.answer(0));
    assertEquals(OutgoingChunks.Answer.REPEAT, out.answer(0));
    assertEquals(OutgoingChunks.Answer.NOT_SENT, out.answer(2));
    assertEquals(OutgoingChunks.Answer.NOT_SENT, out.answer(-1));
  }

  @Test
  public void overdue_measuresFromTheFirstSendNotTheRetry() {
    OutgoingChunks out = new OutgoingChunks(10, 2);
    out.due(0, RETRY_MS);
    out.due(100, RETRY_MS); // resent
    assertEquals(-1, out.overdue(999, 1_000));
    assertEquals(0, out.overdue(1_000, 1_000));
    out.answer(0);
    assertEquals(1, out.overdue(1_000, 1_000));
    out.answer(1);
    assertEquals(-1, out.overdue(5_000, 1_000));
  }

  @Test
  public void complete_afterEverySettle() {
    OutgoingChunks out = new OutgoingChunks(3, 2);
    int rounds = 0;
    while (!out.complete() && rounds++ < 10) {
      for (int index : out.due(rounds, RETRY_MS)) {
        out.answer(index);
        out.settle(index);
      }
    }
    assertTrue(out.complete());
    assertEquals("two windows of two", 2, rounds);
  }

  @Test
  public void complete_emptyTransferAtOnce() {
    OutgoingChunks out = new OutgoingChunks(0, 2);
    assertTrue(out.complete());
    assertEquals(List.of(), out.due(0, RETRY_MS));
  }

  @Test
  public void settle_unanswered_throws() {
    OutgoingChunks out = new OutgoingChunks(2, 2);
    out.due(0, RETRY_MS);
    assertThrows(IllegalStateException.class, () -> out.settle(0));
    assertFalse(out.complete());
  }
}
