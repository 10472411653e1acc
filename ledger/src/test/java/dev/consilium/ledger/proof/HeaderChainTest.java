package dev.consilium.ledger.proof;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Header chains: good chains pass; gaps, broken links and forks fail naming the first bad height. */
public class HeaderChainTest {
  private static final Sha256Hash GENESIS_PREVIOUS = Sha256Hash.fromBytes(new byte[Sha256Hash.LENGTH_BYTES]);

  /** A header reduced to its links; like the real one, its hash is computed from its contents. */
  private record TestHeader(long height, Sha256Hash previousHash, String payload) implements ChainLink {
    @Override
    public Sha256Hash hash() {
      return Sha256.digest(new CanonicalWriter().writeI64(height)
          .writeFixedBytes(previousHash.toByteArray()).writeString(payload).toByteArray());
    }
  }

  @Test
  public void verify_goodChain_passes() throws BrokenChainException {
    HeaderChain.verify(chain(GENESIS_PREVIOUS, 0, 10, "a"));
    HeaderChain.verify(chain(GENESIS_PREVIOUS, 0, 10, "a").subList(4, 9));
    HeaderChain.verify(chain(GENESIS_PREVIOUS, 0, 1, "a"));
    HeaderChain.verify(List.of());
  }

  @Test
  public void verify_gapInHeights_throws() {
    List<TestHeader> headers = new ArrayList<>(chain(GENESIS_PREVIOUS, 0, 6, "a"));
    headers.remove(3);
    BrokenChainException e = assertThrows(BrokenChainException.class, () -> HeaderChain.verify(headers));
    assertEquals("height 3: the header after height 2 has height 4: heights must be contiguous", e.getMessage());
    assertEquals(3, e.height());
  }

  @Test
  public void verify_repeatedHeight_throws() {
    List<TestHeader> headers = new ArrayList<>(chain(GENESIS_PREVIOUS, 0, 4, "a"));
    headers.add(2, headers.get(1));
    BrokenChainException e = assertThrows(BrokenChainException.class, () -> HeaderChain.verify(headers));
    assertEquals("height 2: the header after height 1 has height 1: heights must be contiguous", e.getMessage());
  }

  @Test
  public void verify_wrongPreviousHash_throws() {
    List<TestHeader> headers = new ArrayList<>(chain(GENESIS_PREVIOUS, 0, 6, "a"));
    Sha256Hash wrong = Sha256.digest(new byte[] {1});
    headers.set(4, new TestHeader(4, wrong, "a4"));
    BrokenChainException e = assertThrows(BrokenChainException.class, () -> HeaderChain.verify(headers));
    assertEquals("height 4: previous hash " + wrong + " differs from the hash " + headers.get(3).hash()
        + " of height 3", e.getMessage());
    assertEquals(4, e.height());
  }

  /** A header changed in place keeps its place but changes its hash: the next link names the next height. */
  @Test
  public void verify_tamperedHeader_throwsAtFollowingHeight() {
    List<TestHeader> headers = new ArrayList<>(chain(GENESIS_PREVIOUS, 0, 6, "a"));
    headers.set(2, new TestHeader(2, headers.get(2).previousHash(), "tampered"));
    BrokenChainException e = assertThrows(BrokenChainException.class, () -> HeaderChain.verify(headers));
    assertEquals(3, e.height());
  }

  @Test
  public void verify_negativeHeight_throws() {
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.verify(chain(GENESIS_PREVIOUS, -1, 2, "a")));
    assertEquals("height -1: heights start at 0 (genesis), a negative height is invalid", e.getMessage());
  }

  @Test
  public void verify_heightAfterLargest_throws() {
    TestHeader last = new TestHeader(Long.MAX_VALUE, GENESIS_PREVIOUS, "a");
    TestHeader wrapped = new TestHeader(Long.MIN_VALUE, last.hash(), "b");
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.verify(List.of(last, wrapped)));
    assertEquals("height " + Long.MAX_VALUE + ": no height can follow the largest height", e.getMessage());
  }

  @Test
  public void extendsHead_chainFromSavedHead_passes() throws BrokenChainException {
    List<TestHeader> headers = chain(GENESIS_PREVIOUS, 0, 12, "a");
    TestHeader saved = headers.get(4);
    HeaderChain.extendsHead(4, saved.hash(), headers.subList(4, 12));
    HeaderChain.extendsHead(4, saved.hash(), headers.subList(5, 12));
    HeaderChain.extendsHead(4, saved.hash(), headers.subList(4, 5));
  }

  /** Both chains agree up to height 2 and differ from 3 on; the saved head is on the first. */
  @Test
  public void extendsHead_forkIncludingSavedHeight_throws() {
    List<TestHeader> main = chain(GENESIS_PREVIOUS, 0, 8, "a");
    List<TestHeader> fork = forkAt(main, 3, 8);
    Sha256Hash savedHash = main.get(5).hash();
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.extendsHead(5, savedHash, fork.subList(5, 8)));
    assertEquals("height 5: hash " + fork.get(5).hash() + " differs from the saved head's hash " + savedHash
        + ": the chain forks from the saved head", e.getMessage());
    assertEquals(5, e.height());
  }

  @Test
  public void extendsHead_forkAfterSavedHeight_throws() {
    List<TestHeader> main = chain(GENESIS_PREVIOUS, 0, 8, "a");
    List<TestHeader> fork = forkAt(main, 3, 8);
    Sha256Hash savedHash = main.get(5).hash();
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.extendsHead(5, savedHash, fork.subList(6, 8)));
    assertEquals("height 6: previous hash " + fork.get(5).hash() + " differs from the saved head's hash "
        + savedHash + " at height 5: the chain forks from the saved head", e.getMessage());
    assertEquals(6, e.height());
  }

  @Test
  public void extendsHead_brokenLinkAfterSavedHead_throws() {
    List<TestHeader> headers = new ArrayList<>(chain(GENESIS_PREVIOUS, 0, 10, "a"));
    headers.remove(7);
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.extendsHead(4, headers.get(4).hash(), headers.subList(5, 9)));
    assertEquals("height 7: the header after height 6 has height 8: heights must be contiguous", e.getMessage());
  }

  @Test
  public void extendsHead_chainStartsPastSavedHead_throws() {
    List<TestHeader> headers = chain(GENESIS_PREVIOUS, 0, 10, "a");
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.extendsHead(4, headers.get(4).hash(), headers.subList(6, 10)));
    assertEquals("height 6: the chain starts at height 6, but must start at the saved head's height 4"
        + " or the one after it", e.getMessage());
  }

  @Test
  public void extendsHead_emptyChain_throws() {
    BrokenChainException e = assertThrows(BrokenChainException.class,
        () -> HeaderChain.extendsHead(4, GENESIS_PREVIOUS, List.of()));
    assertEquals("height 4: no headers given from the saved head to a new head", e.getMessage());
  }

  @Test
  public void extendsHead_negativeSavedHeight_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeaderChain.extendsHead(-1, GENESIS_PREVIOUS, chain(GENESIS_PREVIOUS, 0, 1, "a")));
    assertEquals("saved height must not be negative, was -1", e.getMessage());
  }

  /** {@code count} linked headers from {@code firstHeight}, the first pointing at {@code previous}. */
  private static List<TestHeader> chain(Sha256Hash previous, long firstHeight, int count, String label) {
    List<TestHeader> headers = new ArrayList<>();
    Sha256Hash link = previous;
    for (int i = 0; i < count; i++) {
      TestHeader header = new TestHeader(firstHeight + i, link, label + (firstHeight + i));
      headers.add(header);
      link = header.hash();
    }
    return headers;
  }

  /** {@code main} up to {@code forkHeight}, then other headers up to {@code count}. */
  private static List<TestHeader> forkAt(List<TestHeader> main, int forkHeight, int count) {
    List<TestHeader> fork = new ArrayList<>(main.subList(0, forkHeight));
    fork.addAll(chain(main.get(forkHeight - 1).hash(), forkHeight, count - forkHeight, "b"));
    return fork;
  }
}
