package dev.consilium.ledger.merkle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.hash.Sha256Hash;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;

/** MerkleTree against published RFC 6962 values and against the RFC's recursive definition. */
public class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Certificate Transparency's reference leaves and tree heads for sizes 0 to 8 (google/certificate-transparency
   * cpp/merkletree/merkle_tree_test.cc; the same in transparency-dev/merkle testonly). Size 0 is SHA-256("").
   */
  private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
      "5051525354555657", "606162636465666768696a6b6c6d6e6f");
  private static final List<String> CT_ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /** Audit paths from the same source: {leaf index, tree size, path...} (the source counts leaves from 1). */
  private static final List<List<String>> CT_PATHS = List.of(
      List.of("0", "8",
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
      List.of("5", "8",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
      List.of("2", "3",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
      List.of("1", "5",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

  @Test
  public void root_emptyTree_isSha256OfEmptyString() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MerkleTree.fromLeafHashes(List.of()).root().toHex());
    assertEquals(MerkleTree.emptyRoot(), MerkleTree.fromLeafHashes(List.of()).root());
  }

  @Test
  public void root_ctReferenceLeaves_matchesPublishedTreeHeads() {
    List<String> failures = new ArrayList<>();
    for (int size = 0; size <= CT_LEAVES.size(); size++) {
      String root = MerkleTree.fromLeafHashes(ctLeafHashes(size)).root().toHex();
      if (!root.equals(CT_ROOTS.get(size))) {
        failures.add("size " + size + ": " + root + " != " + CT_ROOTS.get(size));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  public void inclusionProof_ctReferenceVectors_matchesPublishedPaths() {
    List<String> failures = new ArrayList<>();
    for (List<String> vector : CT_PATHS) {
      int index = Integer.parseInt(vector.get(0));
      int size = Integer.parseInt(vector.get(1));
      List<String> expected = vector.subList(2, vector.size());
      InclusionProof proof = MerkleTree.fromLeafHashes(ctLeafHashes(size)).inclusionProof(index);
      List<String> actual = proof.auditPath().stream().map(Sha256Hash::toHex).toList();
      if (!actual.equals(expected)) {
        failures.add("leaf " + index + " of " + size + ": " + actual + " != " + expected);
      }
      if (!proof.verify(ctLeafHashes(size).get(index), Sha256Hash.fromHex(CT_ROOTS.get(size)))) {
        failures.add("leaf " + index + " of " + size + " does not verify against the published root");
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  public void root_sizes0To20_matchesRfcRecursiveDefinition() {
    for (int n = 0; n <= 20; n++) {
      List<byte[]> data = RfcReference.leafData(n);
      MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes(data));
      assertArrayEquals("size " + n, RfcReference.mth(data), tree.root().toByteArray());
      assertEquals(n, tree.size());
    }
  }

  /** Catches Bitcoin-style duplication of a last odd node, which would change every odd-sized root. */
  @Test
  public void root_threeLeaves_isNotBitcoinStyleDuplication() {
    List<Sha256Hash> leaves = leafHashes(RfcReference.leafData(3));
    Sha256Hash rfc = MerkleTree.nodeHash(MerkleTree.nodeHash(leaves.get(0), leaves.get(1)), leaves.get(2));
    Sha256Hash bitcoin = MerkleTree.nodeHash(
        MerkleTree.nodeHash(leaves.get(0), leaves.get(1)), MerkleTree.nodeHash(leaves.get(2), leaves.get(2)));
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    assertEquals(rfc, tree.root());
    assertTrue(!bitcoin.equals(tree.root()));
  }

  @Test
  public void inclusionProof_sizes1To70_matchesRfcPathDefinition() {
    for (int n = 1; n <= 70; n++) {
      List<byte[]> data = RfcReference.leafData(n);
      MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes(data));
      for (int m = 0; m < n; m++) {
        List<byte[]> expected = RfcReference.path(m, data);
        List<Sha256Hash> actual = tree.inclusionProof(m).auditPath();
        assertEquals("length, leaf " + m + " of " + n, expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
          assertArrayEquals("hash " + i + ", leaf " + m + " of " + n, expected.get(i), actual.get(i).toByteArray());
        }
      }
    }
  }

  @Test
  public void leafHash_emptyData_isSha256OfZeroByte() {
    assertArrayEquals(RfcReference.sha256(new byte[] {0}), MerkleTree.leafHash(new byte[0]).toByteArray());
    assertEquals(CT_ROOTS.get(1), MerkleTree.leafHash(new byte[0]).toHex());
  }

  @Test
  public void leafHashAt_returnsGivenLeaf() {
    List<Sha256Hash> leaves = leafHashes(RfcReference.leafData(9));
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    for (int i = 0; i < leaves.size(); i++) {
      assertEquals(leaves.get(i), tree.leafHashAt(i));
    }
  }

  @Test
  public void inclusionProof_indexNotBelowSize_throws() {
    MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes(RfcReference.leafData(5)));
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(5));
    assertEquals("leaf index 5 is outside a tree of 5 leaves", e.getMessage());
  }

  @Test
  public void inclusionProof_negativeIndex_throws() {
    MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes(RfcReference.leafData(5)));
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(-1));
    assertEquals("leaf index -1 is outside a tree of 5 leaves", e.getMessage());
  }

  @Test
  public void inclusionProof_emptyTree_throws() {
    MerkleTree tree = MerkleTree.fromLeafHashes(List.of());
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(0));
    assertEquals("leaf index 0 is outside a tree of 0 leaves", e.getMessage());
  }

  @Test
  public void fromLeafHashes_nullLeaf_throws() {
    List<Sha256Hash> leaves = new ArrayList<>(leafHashes(RfcReference.leafData(3)));
    leaves.set(1, null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> MerkleTree.fromLeafHashes(leaves));
    assertEquals("leaf hash 1 of 3 is null", e.getMessage());
  }

  static List<Sha256Hash> leafHashes(List<byte[]> data) {
    return data.stream().map(MerkleTree::leafHash).toList();
  }

  private static List<Sha256Hash> ctLeafHashes(int size) {
    return leafHashes(CT_LEAVES.subList(0, size).stream().map(HEX::parseHex).toList());
  }
}
