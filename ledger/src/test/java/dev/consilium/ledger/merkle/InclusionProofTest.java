package dev.consilium.ledger.merkle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Proofs verify for every leaf, fail under any tampering, and travel in a strictly checked encoding. */
public class InclusionProofTest {

  @Test
  public void verify_everyLeafOfSizes1To70_succeeds() {
    for (int n = 1; n <= 70; n++) {
      List<Sha256Hash> leaves = leaves(n);
      MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
      for (int i = 0; i < n; i++) {
        InclusionProof proof = tree.inclusionProof(i);
        assertTrue("leaf " + i + " of " + n, proof.verify(leaves.get(i), tree.root()));
        assertTrue("length, leaf " + i + " of " + n, proof.auditPath().size() <= ceilLog2(n));
        assertEquals(i, proof.leafIndex());
        assertEquals(n, proof.treeSize());
      }
    }
  }

  @Test
  public void verify_everyLeafOf1000_succeeds() {
    List<Sha256Hash> leaves = leaves(1000);
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    for (int i = 0; i < 1000; i++) {
      InclusionProof proof = tree.inclusionProof(i);
      assertTrue("leaf " + i, proof.verify(leaves.get(i), tree.root()));
      assertTrue("length, leaf " + i, proof.auditPath().size() <= 10);
    }
  }

  @Test
  public void verify_flippedBitInAnyPathHash_fails() {
    for (int n = 2; n <= 33; n++) {
      List<Sha256Hash> leaves = leaves(n);
      MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
      for (int i = 0; i < n; i++) {
        InclusionProof proof = tree.inclusionProof(i);
        for (int p = 0; p < proof.auditPath().size(); p++) {
          List<Sha256Hash> path = new ArrayList<>(proof.auditPath());
          path.set(p, flipBit(path.get(p), (i * 31 + p * 7) % 256));
          InclusionProof tampered = InclusionProof.of(i, n, path);
          assertFalse("hash " + p + ", leaf " + i + " of " + n, tampered.verify(leaves.get(i), tree.root()));
        }
      }
    }
  }

  /** Every other index whose path has the same length (so the proof can be built) must fail. */
  @Test
  public void verify_wrongIndex_fails() {
    int n = 13;
    List<Sha256Hash> leaves = leaves(n);
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    int tried = 0;
    for (int i = 0; i < n; i++) {
      InclusionProof proof = tree.inclusionProof(i);
      for (int j = 0; j < n; j++) {
        if (j != i && InclusionProof.expectedPathLength(j, n) == proof.auditPath().size()) {
          InclusionProof moved = InclusionProof.of(j, n, proof.auditPath());
          assertFalse("leaf " + i + " claimed at " + j, moved.verify(leaves.get(i), tree.root()));
          tried++;
        }
      }
    }
    assertTrue(tried > 100);
  }

  /**
   * For a fixed index, another size either needs another path length, and the proof is refused, or gives
   * the same left/right steps and so the same root: the hashes never tell sizes apart, which is why callers
   * check the size against the one committed with the root.
   */
  @Test
  public void of_otherTreeSize_throwsUnlessStepsAreTheSame() {
    List<Sha256Hash> leaves = leaves(13);
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    int refused = 0;
    for (int i = 0; i < 13; i++) {
      InclusionProof proof = tree.inclusionProof(i);
      for (int size = i + 1; size <= 40; size++) {
        long claimedSize = size;
        long index = i;
        if (InclusionProof.expectedPathLength(i, size) != proof.auditPath().size()) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> InclusionProof.of(index, claimedSize, proof.auditPath()));
          assertMessage(e, "leaf " + i + " of a tree of " + size + " leaves needs");
          refused++;
        } else {
          assertEquals("leaf " + i + ", size " + size, steps(i, 13), steps(i, size));
          assertTrue(InclusionProof.of(i, size, proof.auditPath()).verify(leaves.get(i), tree.root()));
        }
      }
    }
    assertTrue("only " + refused + " sizes refused", refused > 200);
  }

  /** The ambiguity the class comment warns of: leaf 12 of 13 passes as leaf 3 of 4 under the same root. */
  @Test
  public void verify_otherIndexAndSizeWithSameSteps_succeeds() {
    List<Sha256Hash> leaves = leaves(13);
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    InclusionProof proof = tree.inclusionProof(12);
    assertEquals("LL", steps(12, 13));
    assertEquals("LL", steps(3, 4));
    assertTrue(InclusionProof.of(3, 4, proof.auditPath()).verify(leaves.get(12), tree.root()));
  }

  @Test
  public void verify_wrongLeafOrWrongRoot_fails() {
    List<Sha256Hash> leaves = leaves(21);
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    MerkleTree other = MerkleTree.fromLeafHashes(leaves(22));
    Sha256Hash foreignLeaf = MerkleTree.leafHash(new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
    for (int i = 0; i < 21; i++) {
      InclusionProof proof = tree.inclusionProof(i);
      assertFalse("neighbour of leaf " + i, proof.verify(leaves.get((i + 1) % 21), tree.root()));
      assertFalse("foreign leaf at " + i, proof.verify(foreignLeaf, tree.root()));
      assertFalse("other tree's root, leaf " + i, proof.verify(leaves.get(i), other.root()));
      assertFalse("flipped root, leaf " + i, proof.verify(leaves.get(i), flipBit(tree.root(), i)));
    }
  }

  /** A single-leaf tree's root is its leaf hash and the proof is empty. */
  @Test
  public void verify_singleLeaf_emptyPathAndRootIsLeaf() {
    Sha256Hash leaf = MerkleTree.leafHash(new byte[] {42});
    InclusionProof proof = MerkleTree.fromLeafHashes(List.of(leaf)).inclusionProof(0);
    assertEquals(List.of(), proof.auditPath());
    assertEquals(leaf, proof.rootFor(leaf));
  }

  @Test
  public void canonicalBytes_roundTrip_equalProof() throws CanonicalFormatException {
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves(70));
    for (int i = 0; i < 70; i++) {
      InclusionProof proof = tree.inclusionProof(i);
      InclusionProof decoded = InclusionProof.fromCanonicalBytes(proof.toCanonicalBytes());
      assertEquals(proof, decoded);
      assertEquals(proof.hashCode(), decoded.hashCode());
      assertEquals(proof, InclusionProof.fromHex(proof.toHex()));
    }
  }

  @Test
  public void canonicalBytes_layout_isIndexSizeCountHashes() {
    InclusionProof proof = MerkleTree.fromLeafHashes(leaves(3)).inclusionProof(2);
    byte[] expected = new CanonicalWriter().writeI64(2).writeI64(3).writeI32(1)
        .writeFixedBytes(proof.auditPath().get(0).toByteArray()).toByteArray();
    assertEquals(Arrays.toString(expected), Arrays.toString(proof.toCanonicalBytes()));
  }

  @Test
  public void read_truncatedPath_throws() {
    byte[] bytes = MerkleTree.fromLeafHashes(leaves(8)).inclusionProof(3).toCanonicalBytes();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(Arrays.copyOf(bytes, bytes.length - 1)));
    assertMessage(e, "fixed 32 bytes", "truncated: needs 32 bytes, only 31 remain");
  }

  @Test
  public void read_truncatedHeader_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(new CanonicalWriter().writeI64(0).writeI32(8).toByteArray()));
    assertMessage(e, "field #2 (i64) at offset 8", "truncated: needs 8 bytes, only 4 remain");
  }

  @Test
  public void read_pathShorterThanIndexAndSizeNeed_throws() {
    List<Sha256Hash> path = MerkleTree.fromLeafHashes(leaves(8)).inclusionProof(5).auditPath();
    byte[] bytes = encode(5, 8, path.subList(0, 2));
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(bytes));
    assertMessage(e, "audit path has 2 hashes, but leaf 5 of a tree of 8 leaves needs 3");
  }

  @Test
  public void read_pathLongerThanIndexAndSizeNeed_throws() {
    List<Sha256Hash> path = new ArrayList<>(MerkleTree.fromLeafHashes(leaves(8)).inclusionProof(5).auditPath());
    path.add(path.get(0));
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(encode(5, 8, path)));
    assertMessage(e, "audit path has 4 hashes, but leaf 5 of a tree of 8 leaves needs 3");
  }

  @Test
  public void read_indexNotBelowSize_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(encode(8, 8, List.of())));
    assertMessage(e, "field #2 at offset 8", "leaf index 8 is outside a tree of 8 leaves");
  }

  @Test
  public void read_negativeIndex_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(encode(-1, 8, List.of())));
    assertMessage(e, "field #1 at offset 0", "leaf index must not be negative, was -1");
  }

  @Test
  public void read_zeroSize_throws() {
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(encode(0, 0, List.of())));
    assertMessage(e, "tree size must be positive, was 0: an empty tree has no leaf to prove");
  }

  @Test
  public void read_pathCountOverLimit_throws() {
    byte[] bytes = new CanonicalWriter().writeI64(0).writeI64(Long.MAX_VALUE).writeI32(64).toByteArray();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(bytes));
    assertMessage(e, "list count", "count 64 exceeds the limit of 63");
  }

  @Test
  public void read_trailingBytes_throws() {
    byte[] good = MerkleTree.fromLeafHashes(leaves(4)).inclusionProof(1).toCanonicalBytes();
    CanonicalFormatException e = assertThrows(CanonicalFormatException.class,
        () -> InclusionProof.fromCanonicalBytes(Arrays.copyOf(good, good.length + 1)));
    assertMessage(e, "1 trailing bytes");
  }

  @Test
  public void fromHex_notHex_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InclusionProof.fromHex("0g"));
    assertMessage(e, "inclusion proof text is not hex");
  }

  @Test
  public void of_pathLengthMismatch_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InclusionProof.of(6, 7, leaves(3)));
    assertEquals("audit path has 3 hashes, but leaf 6 of a tree of 7 leaves needs 2", e.getMessage());
  }

  @Test
  public void of_indexNotBelowSize_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InclusionProof.of(7, 7, leaves(3)));
    assertEquals("leaf index 7 is outside a tree of 7 leaves", e.getMessage());
  }

  @Test
  public void of_nullPathHash_throws() {
    List<Sha256Hash> path = new ArrayList<>(leaves(3));
    path.set(2, null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> InclusionProof.of(0, 8, path));
    assertEquals("audit path hash 2 is null", e.getMessage());
  }

  @Test
  public void expectedPathLength_largestTree_isAtMost63() {
    assertEquals(63, InclusionProof.expectedPathLength(0, Long.MAX_VALUE));
    assertEquals(62, InclusionProof.expectedPathLength(Long.MAX_VALUE - 1, Long.MAX_VALUE));
  }

  @Test
  public void auditPath_isUnmodifiable() {
    InclusionProof proof = MerkleTree.fromLeafHashes(leaves(4)).inclusionProof(1);
    assertThrows(UnsupportedOperationException.class, () -> proof.auditPath().clear());
  }

  private static List<Sha256Hash> leaves(int n) {
    return MerkleTreeTest.leafHashes(RfcReference.leafData(n));
  }

  private static byte[] encode(long index, long size, List<Sha256Hash> path) {
    CanonicalWriter w = new CanonicalWriter().writeI64(index).writeI64(size);
    return w.writeList(path, (out, h) -> out.writeFixedBytes(h.toByteArray())).toByteArray();
  }

  private static Sha256Hash flipBit(Sha256Hash hash, int bit) {
    byte[] bytes = hash.toByteArray();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return Sha256Hash.fromBytes(bytes);
  }

  /** The side of each path hash, leaf level first ('L' left sibling, 'R' right), per RFC 9162 §2.1.3.2. */
  private static String steps(long index, long size) {
    StringBuilder steps = new StringBuilder();
    for (long fn = index, sn = size - 1; sn > 0; fn >>>= 1, sn >>>= 1) {
      if ((fn & 1) == 1) {
        steps.append('L');
      } else if (fn < sn) {
        steps.append('R');
      }
    }
    return steps.toString();
  }

  private static int ceilLog2(int n) {
    return 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue("message '" + e.getMessage() + "' lacks '" + part + "'", e.getMessage().contains(part));
    }
  }
}
