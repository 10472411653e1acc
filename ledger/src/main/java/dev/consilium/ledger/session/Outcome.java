package dev.consilium.ledger.session;

/**
 * How a multi-party session ended (DESIGN §7). Every session ends with exactly one of these, recorded on the
 * {@code sessions} contract; the encoding is the ordinal, so new values go at the end.
 */
public enum Outcome {
  /** Every remaining participant did every step. */
  COMPLETED,
  /** A phase's deadline passed with too few steps done. */
  TIMED_OUT,
  /** A participant's node left the cluster or became unreachable, and the protocol could not go on without it. */
  PARTICIPANT_LOST,
  /** A party refused: a participant declined, or a step's output was not acceptable. */
  REFUSED
}
