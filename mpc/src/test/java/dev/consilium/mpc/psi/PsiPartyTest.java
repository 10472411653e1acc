package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

/** The protocol's arithmetic among three parties, without messaging: each list through every other party. */
public class PsiPartyTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  public void threeParties_findExactlyTheCommonIds() throws GeneralSecurityException {
    Random seeded = new Random(7);
    List<String> everyone = ids("all", 150);
    List<String> aAndB = ids("ab", 40);
    List<String> a = shuffled(seeded, concat(everyone, aAndB, ids("a", 300)));
    List<String> b = shuffled(seeded, concat(everyone, aAndB, ids("b", 200)));
    List<String> c = shuffled(seeded, concat(everyone, ids("c", 100)));
    List<PsiParty> parties = List.of(party("s-1", a), party("s-1", b), party("s-1", c));

    List<byte[]> finals = new ArrayList<>();
    for (int owner = 0; owner < 3; owner++) {
      finals.add(fullyBlinded(parties, owner, 64));
    }
    List<int[]> positions = PsiIntersection.positions(finals);

    List<String> expected = PsiIds.canonicallySorted(everyone);
    for (int p = 0; p < 3; p++) {
      assertEquals("party " + p, expected, parties.get(p).idsAt(positions.get(p)));
    }
  }

  @Test
  public void ownPoints_differBetweenSessionsAndParties() throws GeneralSecurityException {
    List<String> ids = List.of("alice");
    String s1a = Hex.toHexString(party("s-1", ids).ownPoints(0, 1).get(0));
    String s1b = Hex.toHexString(party("s-1", ids).ownPoints(0, 1).get(0));
    String s2 = Hex.toHexString(party("s-2", ids).ownPoints(0, 1).get(0));
    assertFalse(s1a.equals(s1b));
    assertFalse(s1a.equals(s2));
  }

  @Test
  public void ownPoints_followTheSecretOrder() throws GeneralSecurityException {
    List<String> ids = ids("x", 200);
    PsiParty party = party("order", ids);
    List<byte[]> all = party.ownPoints(0, 200);
    // The same points chunk by chunk as in one go: the order is fixed for the session.
    List<byte[]> pieces = new ArrayList<>(party.ownPoints(0, 70));
    pieces.addAll(party.ownPoints(70, 200));
    for (int i = 0; i < 200; i++) {
      assertEquals(Hex.toHexString(all.get(i)), Hex.toHexString(pieces.get(i)));
    }
    // Position i holds the id idsAt reports for it.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.addAll(party.idsAt(new int[] {i}));
    }
    assertEquals(new HashSet<>(ids), seen);
  }

  @Test
  public void emptyParty_hasNoPoints() throws GeneralSecurityException {
    PsiParty empty = party("e", List.of());
    assertEquals(0, empty.ownPoints(0, 0).size());
    assertEquals(List.of(), empty.idsAt(new int[0]));
  }

  @Test
  public void blindForPeer_refusesLowOrderAndWrongLength() {
    PsiParty party = party("p", List.of("a"));
    GeneralSecurityException low = assertThrows(GeneralSecurityException.class,
        () -> party.blindForPeer(List.of(new byte[32])));
    assertTrue(low.getMessage(), low.getMessage().startsWith("batch item 0: point has low order"));
    GeneralSecurityException shortPoint = assertThrows(GeneralSecurityException.class,
        () -> party.blindForPeer(List.of(new byte[31])));
    assertTrue(shortPoint.getMessage(), shortPoint.getMessage().contains("got 31 bytes"));
  }

  @Test
  public void idsAt_badPositions_throw() {
    PsiParty party = party("p", List.of("a", "b", "c"));
    assertEquals("position 3 is not in this party's list of 3 points",
        assertThrows(IllegalArgumentException.class, () -> party.idsAt(new int[] {0, 3})).getMessage());
    assertEquals("position -1 is not in this party's list of 3 points",
        assertThrows(IllegalArgumentException.class, () -> party.idsAt(new int[] {-1})).getMessage());
    assertEquals("positions must be strictly increasing: 1 came after 1",
        assertThrows(IllegalArgumentException.class, () -> party.idsAt(new int[] {1, 1})).getMessage());
  }

  @Test
  public void domainTag_namesTheSessionAndBoundsItsLength() {
    assertTrue(new String(PsiParty.domainTag("task-7")).endsWith(":task-7"));
    assertThrows(IllegalArgumentException.class, () -> PsiParty.domainTag(""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiParty.domainTag("x".repeat(250)));
    assertTrue(e.getMessage(), e.getMessage().contains("at most 255"));
  }

  @Test
  public void toString_showsNoSecrets() {
    assertEquals("PsiParty[1 ids, key and order redacted]", party("t", List.of("alice")).toString());
  }

  /** {@code owner}'s points through every other party in turn, {@code chunk} points at a time. */
  static byte[] fullyBlinded(List<PsiParty> parties, int owner, int chunk) throws GeneralSecurityException {
    PsiParty self = parties.get(owner);
    List<byte[]> current = new ArrayList<>();
    for (int from = 0; from < self.size(); from += chunk) {
      current.addAll(self.ownPoints(from, Math.min(self.size(), from + chunk)));
    }
    for (int step = 1; step < parties.size(); step++) {
      PsiParty peer = parties.get((owner + step) % parties.size());
      List<byte[]> next = new ArrayList<>();
      for (int from = 0; from < current.size(); from += chunk) {
        next.addAll(peer.blindForPeer(current.subList(from, Math.min(current.size(), from + chunk))));
      }
      current = next;
    }
    return PsiPoints.join(current);
  }

  private static PsiParty party(String session, List<String> ids) {
    return PsiParty.create(session, PsiIds.of(ids, 10_000), RANDOM);
  }

  private static List<String> ids(String prefix, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(prefix + "-" + i);
    }
    return out;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> part : parts) {
      out.addAll(part);
    }
    return out;
  }

  private static List<String> shuffled(Random random, List<String> ids) {
    List<String> out = new ArrayList<>(ids);
    Collections.shuffle(out, random);
    return out;
  }
}
