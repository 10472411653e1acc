package dev.consilium.ledger.merkle;

import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6962 §2.1 Merkle tree over a fixed list of leaf hashes. Immutable and thread-safe.
 *
 * <p>Every level is kept, so building costs n − 1 node hashes and each inclusion proof is then read off in
 * O(log n) without hashing. Levels are built bottom-up by pairing neighbours, and an unpaired last node is
 * carried up unchanged. That is exactly the RFC's tree, which splits n leaves at the largest power of two
 * below n: its left subtrees are complete, so only a level's last node can lack a partner. Bitcoin instead
 * pairs the last node with itself, which lets two different leaf lists share a root (CVE-2012-2459).
 */
public final class MerkleTree {
  private static final byte[] LEAF_PREFIX = {0x00};
  private static final byte[] NODE_PREFIX = {0x01};
  private static final Sha256Hash EMPTY_ROOT = Sha256.digest(new byte[0]);

  /** levels[0] holds the leaves, each next level the parents; the last level is the root alone. */
  private final Sha256Hash[][] levels;

  private MerkleTree(Sha256Hash[][] levels) {
    this.levels = levels;
  }

  /** The tree over {@code leafHashes}, each already hashed with {@link #leafHash(byte[])}. */
  public static MerkleTree fromLeafHashes(List<Sha256Hash> leafHashes) {
    Sha256Hash[] leaves = leafHashes.toArray(new Sha256Hash[0]);
    for (int i = 0; i < leaves.length; i++) {
      if (leaves[i] == null) {
        throw new NullPointerException("leaf hash " + i + " of " + leaves.length + " is null");
      }
    }
    return new MerkleTree(buildLevels(leaves));
  }

  /** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
  public static Sha256Hash leafHash(byte[] data) {
    return Sha256.digest(LEAF_PREFIX, data);
  }

  /** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
  public static Sha256Hash nodeHash(Sha256Hash left, Sha256Hash right) {
    return Sha256.digest(NODE_PREFIX, left.toByteArray(), right.toByteArray());
  }

  /** The root of a tree without leaves: SHA-256 of the empty string (RFC 6962 MTH({})). */
  public static Sha256Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** Number of leaves. */
  public int size() {
    return levels[0].length;
  }

  public Sha256Hash root() {
    return size() == 0 ? EMPTY_ROOT : levels[levels.length - 1][0];
  }

  /** The leaf hash at {@code index}, as given when the tree was built. */
  public Sha256Hash leafHashAt(int index) {
    checkLeafIndex(index);
    return levels[0][index];
  }

  /** The audit path of the leaf at {@code index}, from its sibling up to the root's child. */
  public InclusionProof inclusionProof(int index) {
    checkLeafIndex(index);
    List<Sha256Hash> path = new ArrayList<>(levels.length - 1);
    int position = index;
    for (int level = 0; level < levels.length - 1; level++) {
      int sibling = position ^ 1;
      // A missing sibling means this node was carried up unchanged: nothing to record at this level.
      if (sibling < levels[level].length) {
        path.add(levels[level][sibling]);
      }
      position >>>= 1;
    }
    return InclusionProof.of(index, size(), path);
  }

  private void checkLeafIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("leaf index " + index + " is outside a tree of " + size() + " leaves");
    }
  }

  private static Sha256Hash[][] buildLevels(Sha256Hash[] leaves) {
    List<Sha256Hash[]> levels = new ArrayList<>();
    levels.add(leaves);
    Sha256Hash[] level = leaves;
    while (level.length > 1) {
      Sha256Hash[] parents = new Sha256Hash[(level.length + 1) / 2];
      for (int i = 0; i < parents.length; i++) {
        int left = 2 * i;
        parents[i] = left + 1 < level.length ? nodeHash(level[left], level[left + 1]) : level[left];
      }
      levels.add(parents);
      level = parents;
    }
    return levels.toArray(new Sha256Hash[0][]);
  }
}
