package dev.consilium.mpc.psi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One party's secrets for one PSI session, and the three things it computes with them: its own points
 * (its ids hashed to the curve under the session's tag and blinded with its key, in its secret order),
 * other parties' points blinded with its key, and the ids at the positions of its fully blinded list that
 * the leader reports as common to all.
 *
 * <p>The blinding key and the permutation are fresh per session and never leave this object: nothing here
 * prints them, and the list of ids is shown only by count. Immutable and thread-safe, so chunks can be
 * worked on concurrently off an actor's thread.
 */
public final class PsiParty {
  /** RFC 9380 §3.1 tag layout: application, version, ciphersuite; the session id follows. */
  public static final String DOMAIN_TAG_PREFIX = "CONSILIUM-PSI-V01-CS01-with-" + Curve25519HashToCurve.RANDOM_ORACLE_SUITE;

  private final PsiIds ids;
  private final SecretPermutation order;
  private final PsiBlindingKey key;
  private final HashToCurve hash;

  private PsiParty(PsiIds ids, SecretPermutation order, PsiBlindingKey key, HashToCurve hash) {
    this.ids = ids;
    this.order = order;
    this.key = key;
    this.hash = hash;
  }

  /**
   * A party with {@code ids}, a fresh key and a fresh order, hashing under {@link #domainTag} of
   * {@code sessionId}, so that points from different sessions never match.
   *
   * @throws IllegalArgumentException if the session id is empty or makes the tag longer than 255 bytes
   */
  public static PsiParty create(String sessionId, PsiIds ids, SecureRandom random) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(random, "random");
    HashToCurve hash = Curve25519HashToCurve.randomOracle(domainTag(sessionId));
    return new PsiParty(ids, SecretPermutation.random(ids.size(), random), PsiBlindingKey.generate(random), hash);
  }

  /**
   * The domain separation tag of a session: {@link #DOMAIN_TAG_PREFIX}, a colon, the session id in UTF-8.
   *
   * @throws IllegalArgumentException if the session id is empty or the tag would exceed 255 bytes
   */
  public static byte[] domainTag(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    if (sessionId.isEmpty()) {
      throw new IllegalArgumentException("a PSI session id must not be empty");
    }
    byte[] tag = (DOMAIN_TAG_PREFIX + ":" + sessionId).getBytes(StandardCharsets.UTF_8);
    if (tag.length > 255) {
      throw new IllegalArgumentException("session id is too long for a domain tag: the tag would have "
          + tag.length + " bytes, at most 255");
    }
    return tag;
  }

  /** How many ids this party brings. */
  public int size() {
    return ids.size();
  }

  /**
   * This party's points at positions {@code from} (inclusive) to {@code to} (exclusive) of its secret order:
   * [k]H(id) for the id at each position. Parallel on the fork/join pool, blocking the caller.
   *
   * @throws GeneralSecurityException if an id hashes to a low-order point (probability about 2^-250)
   * @throws IndexOutOfBoundsException if the range is not within {@code 0..size()}
   */
  public List<byte[]> ownPoints(int from, int to) throws GeneralSecurityException {
    Objects.checkFromToIndex(from, to, ids.size());
    List<byte[]> messages = new ArrayList<>(to - from);
    for (int position = from; position < to; position++) {
      messages.add(ids.utf8Shared(order.sourceOf(position)));
    }
    return ParallelBatch.mapChecked(messages, message -> key.blind(hash.hashToCurve(message)));
  }

  /**
   * Another party's points blinded with this party's key, each checked first ({@link PsiPoints#check}).
   *
   * @throws GeneralSecurityException naming the index of a refused point and why
   */
  public List<byte[]> blindForPeer(List<byte[]> points) throws GeneralSecurityException {
    return PsiPoints.checkAndBlindAll(points, key);
  }

  /**
   * The ids at {@code positions} of this party's list, in {@link PsiIds#CANONICAL_ORDER}.
   *
   * @param positions strictly increasing positions in {@code 0..size()-1}, as the leader reports them
   * @throws IllegalArgumentException naming the first position that is out of range or not above the one
   *     before it
   */
  public List<String> idsAt(int[] positions) {
    Objects.requireNonNull(positions, "positions");
    List<String> found = new ArrayList<>(positions.length);
    int previous = -1;
    for (int i = 0; i < positions.length; i++) {
      int position = positions[i];
      if (position < 0 || position >= ids.size()) {
        throw new IllegalArgumentException("position " + position + " is not in this party's list of " + ids.size()
            + " points");
      }
      if (position <= previous) {
        throw new IllegalArgumentException("positions must be strictly increasing: " + position + " came after "
            + previous);
      }
      previous = position;
      found.add(ids.get(order.sourceOf(position)));
    }
    return PsiIds.canonicallySorted(found);
  }

  @Override
  public String toString() {
    return "PsiParty[" + ids.size() + " ids, key and order redacted]";
  }
}
