package dev.consilium.roles.features.alignment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.consilium.ledger.session.SessionOutcome;
import org.junit.Test;

/** The names that tie a PSI session to a feature-learning task, which a holder's policy checks. */
public class PsiAlignmentTest {
  @Test
  public void trainingSession_namesItsTask() {
    String session = PsiAlignment.sessionId("credit-default-1");
    assertNull(SessionOutcome.sessionIdProblem(session));
    assertEquals("credit-default-1", PsiAlignment.taskOfSession(session));
    assertFalse(PsiAlignment.isScoringSession(session));
    assertEquals("credit-default-1", PsiAlignment.taskOf(PsiAlignment.purpose("credit-default-1")));
    assertNull(PsiAlignment.scoredTaskOf(PsiAlignment.purpose("credit-default-1")));
  }

  @Test
  public void scoringSession_namesItsTaskAndIsNoTrainingSession() {
    String session = PsiAlignment.scoringSessionId("credit-default-1", 3);
    assertNull(SessionOutcome.sessionIdProblem(session));
    assertEquals("credit-default-1", PsiAlignment.taskOfSession(session));
    assertTrue(PsiAlignment.isScoringSession(session));
    assertEquals("credit-default-1", PsiAlignment.scoredTaskOf(PsiAlignment.scoringPurpose("credit-default-1")));
    assertNull(PsiAlignment.taskOf(PsiAlignment.scoringPurpose("credit-default-1")));
    // A training session of a task whose id merely looks similar is never a scoring session.
    assertFalse(PsiAlignment.isScoringSession(PsiAlignment.sessionId("s1-task")));
  }

  @Test
  public void otherSessions_nameNoTask() {
    assertNull(PsiAlignment.taskOfSession("inquiry-7"));
    assertNull(PsiAlignment.taskOf("marketing"));
    assertNull(PsiAlignment.scoredTaskOf("features:x"));
  }
}
