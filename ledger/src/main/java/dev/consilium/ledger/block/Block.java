package dev.consilium.ledger.block;

import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.ledger.merkle.MerkleTree;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A header and the entries it seals. The entries' Merkle tree is built once, lazily, when a root or a proof
 * is first asked for.
 */
public final class Block implements CanonicalEncodable {
  /** Bounds decoding: a block may not claim more entries than this. */
  public static final int MAX_ENTRIES = 100_000;

  private final BlockHeader header;
  private final List<Entry> entries;
  private volatile MerkleTree tree;

  private Block(BlockHeader header, List<Entry> entries) {
    this.header = header;
    this.entries = entries;
  }

  public static Block of(BlockHeader header, List<Entry> entries) {
    return new Block(header, List.copyOf(entries));
  }

  public static Block read(CanonicalReader reader) throws CanonicalFormatException {
    BlockHeader header = BlockHeader.read(reader);
    List<Entry> entries = reader.readList(Entry::read, MAX_ENTRIES);
    return new Block(header, entries);
  }

  public static Block fromBytes(byte[] bytes) throws CanonicalFormatException {
    return CanonicalReader.decode(bytes, Block::read);
  }

  /** The RFC 6962 root over the entries' canonical bytes. */
  public static Sha256Hash merkleRootOf(List<Entry> entries) {
    return tree(entries).root();
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    header.writeTo(writer);
    writer.writeList(entries, (w, e) -> e.writeTo(w));
  }

  public BlockHeader header() {
    return header;
  }

  public List<Entry> entries() {
    return entries;
  }

  public long height() {
    return header.height();
  }

  public Sha256Hash hash() {
    return header.hash();
  }

  /** The Merkle root computed from the entries, to compare with the one the header claims. */
  public Sha256Hash computedMerkleRoot() {
    return merkleTree().root();
  }

  /** Proof that entry {@code index} is in this block, checkable against the header's Merkle root. */
  public InclusionProof inclusionProof(int index) {
    return merkleTree().inclusionProof(index);
  }

  private MerkleTree merkleTree() {
    MerkleTree t = tree;
    if (t == null) {
      t = tree(entries);
      tree = t;
    }
    return t;
  }

  private static MerkleTree tree(List<Entry> entries) {
    List<Sha256Hash> leaves = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      leaves.add(entry.hash());
    }
    return MerkleTree.fromLeafHashes(leaves);
  }

  @Override
  public String toString() {
    return "Block[" + header + "]";
  }
}
