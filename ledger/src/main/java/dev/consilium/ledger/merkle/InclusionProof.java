package dev.consilium.ledger.merkle;

import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that a leaf is at {@code leafIndex} of a Merkle tree of {@code treeSize} leaves: the RFC 6962
 * audit path, from the leaf's sibling up to the root's child. Immutable.
 *
 * <p>Every instance is well formed: index below size, and exactly as many path hashes as that index and
 * size require (at most ⌈log₂ size⌉). So {@link #verify} has one way to fail, a root that does not match,
 * and answers with a boolean; a malformed proof is refused where it is built or decoded, with the reason.
 *
 * <p>The hashes do not bind the tree size, and through it the index: the path only says, at each level,
 * whether the sibling is on the left or the right, and other (index, size) pairs can share those steps
 * (leaf 12 of 13 and leaf 3 of 4 both go left twice; and one index takes the same steps under every size
 * that needs as many path hashes). A proof therefore shows where a leaf sits only if
 * {@link #treeSize()} is checked against the size committed together with the root (in RFC 6962 the signed
 * tree head carries both); check it before trusting {@link #leafIndex()}.
 *
 * <p>Canonical form: i64 leaf index, i64 tree size, then a u32 count and that many 32-byte hashes.
 */
public final class InclusionProof implements CanonicalEncodable {
  /** Longest possible path: a tree below 2^63 leaves has at most 63 levels above its leaves. */
  public static final int MAX_PATH_LENGTH = 63;

  private static final HexFormat HEX = HexFormat.of();

  private final long leafIndex;
  private final long treeSize;
  private final List<Sha256Hash> auditPath;

  private InclusionProof(long leafIndex, long treeSize, List<Sha256Hash> auditPath) {
    this.leafIndex = leafIndex;
    this.treeSize = treeSize;
    this.auditPath = auditPath;
  }

  /**
   * A proof for the leaf at {@code leafIndex} of a tree of {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException if the index is not in [0, treeSize) or the path has the wrong length
   */
  public static InclusionProof of(long leafIndex, long treeSize, List<Sha256Hash> auditPath) {
    String problem = shapeProblem(leafIndex, treeSize);
    if (problem == null) {
      problem = pathLengthProblem(leafIndex, treeSize, auditPath.size());
    }
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    List<Sha256Hash> path = new ArrayList<>(auditPath.size());
    for (int i = 0; i < auditPath.size(); i++) {
      if (auditPath.get(i) == null) {
        throw new NullPointerException("audit path hash " + i + " is null");
      }
      path.add(auditPath.get(i));
    }
    return new InclusionProof(leafIndex, treeSize, Collections.unmodifiableList(path));
  }

  /** Reads what {@link #writeTo} writes, refusing a proof whose index, size and path length disagree. */
  public static InclusionProof read(CanonicalReader reader) throws CanonicalFormatException {
    long leafIndex = reader.readI64();
    if (leafIndex < 0) {
      throw reader.malformed("leaf index must not be negative, was " + leafIndex);
    }
    long treeSize = reader.readI64();
    String problem = shapeProblem(leafIndex, treeSize);
    if (problem != null) {
      throw reader.malformed(problem);
    }
    List<Sha256Hash> path = reader.readList(InclusionProof::readHash, MAX_PATH_LENGTH);
    // Checked after the list is read, so the message locates the path's last field.
    problem = pathLengthProblem(leafIndex, treeSize, path.size());
    if (problem != null) {
      throw reader.malformed(problem);
    }
    return new InclusionProof(leafIndex, treeSize, path);
  }

  /** Decodes canonical bytes holding one proof and nothing after it. */
  public static InclusionProof fromCanonicalBytes(byte[] bytes) throws CanonicalFormatException {
    return CanonicalReader.decode(bytes, InclusionProof::read);
  }

  /**
   * Parses {@link #toHex()}'s text form.
   *
   * @throws IllegalArgumentException if the text is not an even number of hex digits
   * @throws CanonicalFormatException if the bytes are not a well-formed proof
   */
  public static InclusionProof fromHex(String hex) throws CanonicalFormatException {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("inclusion proof text is not hex: " + e.getMessage(), e);
    }
    return fromCanonicalBytes(bytes);
  }

  /** How many path hashes the leaf at {@code leafIndex} of a tree of {@code treeSize} leaves needs. */
  public static int expectedPathLength(long leafIndex, long treeSize) {
    String problem = shapeProblem(leafIndex, treeSize);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    // Walk up as RFC 9162 §2.1.3.2 does: fn is the node's position in its level, sn the level's last.
    // A node has a sibling unless it is the last of its level and a left child: then it is carried up.
    int length = 0;
    for (long fn = leafIndex, sn = treeSize - 1; sn > 0; fn >>>= 1, sn >>>= 1) {
      if ((fn & 1) == 1 || fn < sn) {
        length++;
      }
    }
    return length;
  }

  public long leafIndex() {
    return leafIndex;
  }

  public long treeSize() {
    return treeSize;
  }

  /** The path hashes, leaf level first; unmodifiable. */
  public List<Sha256Hash> auditPath() {
    return auditPath;
  }

  /** The root this proof leads to from {@code leafHash} (RFC 9162 §2.1.3.2, steps 2 to 4). */
  public Sha256Hash rootFor(Sha256Hash leafHash) {
    long fn = leafIndex;
    long sn = treeSize - 1;
    Sha256Hash r = leafHash;
    for (Sha256Hash p : auditPath) {
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        // A last-of-level left child is carried up unhashed until it becomes a right child.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      // of() and read() checked the path length, so this is a bug in that check, not bad input.
      throw new IllegalStateException("audit path of " + auditPath.size() + " hashes ended below the root"
          + " for leaf " + leafIndex + " of " + treeSize);
    }
    return r;
  }

  /**
   * True if {@code leafHash} leads to {@code expectedRoot} along this path. The index and size count only
   * once {@link #treeSize()} is checked against the size committed with the root (see the class comment).
   */
  public boolean verify(Sha256Hash leafHash, Sha256Hash expectedRoot) {
    return rootFor(leafHash).equals(expectedRoot);
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeI64(leafIndex)
        .writeI64(treeSize)
        .writeList(auditPath, (w, hash) -> w.writeFixedBytes(hash.toByteArray()));
  }

  /** The canonical bytes in lowercase hex: a form the CLI can print and read back. */
  public String toHex() {
    return HEX.formatHex(toCanonicalBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InclusionProof other
        && leafIndex == other.leafIndex
        && treeSize == other.treeSize
        && auditPath.equals(other.auditPath);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize)) * 31 + auditPath.hashCode();
  }

  @Override
  public String toString() {
    return "InclusionProof[leaf " + leafIndex + " of " + treeSize + ", path " + auditPath + "]";
  }

  private static Sha256Hash readHash(CanonicalReader reader) throws CanonicalFormatException {
    return Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
  }

  /** Why index and size cannot describe a leaf, or null if they can. */
  private static String shapeProblem(long leafIndex, long treeSize) {
    if (treeSize <= 0) {
      return "tree size must be positive, was " + treeSize + ": an empty tree has no leaf to prove";
    }
    if (leafIndex < 0) {
      return "leaf index must not be negative, was " + leafIndex;
    }
    if (leafIndex >= treeSize) {
      return "leaf index " + leafIndex + " is outside a tree of " + treeSize + " leaves";
    }
    return null;
  }

  /** Why a path of {@code length} hashes cannot prove this leaf, or null if it can; shape already checked. */
  private static String pathLengthProblem(long leafIndex, long treeSize, int length) {
    int expected = expectedPathLength(leafIndex, treeSize);
    if (length != expected) {
      return "audit path has " + length + " hashes, but leaf " + leafIndex + " of a tree of " + treeSize
          + " leaves needs " + expected;
    }
    return null;
  }
}
