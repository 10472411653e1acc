package dev.consilium.simulator.cli.ledger;

import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.merkle.InclusionProof;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Self-contained proof that an entry is in a block: the entry hash, the block's whole header and the
 * inclusion proof. Whoever trusts a block hash (from a copy they verified, or a head they saved) needs
 * nothing else to check it: the header must hash to that block hash, and its Merkle root and entry count
 * must take the proof. Canonical form behind its own domain, so no other object reads as a receipt.
 */
record EntryReceipt(Sha256Hash entryHash, BlockHeader header, InclusionProof proof) implements CanonicalEncodable {
  static final SigningDomain DOMAIN = SigningDomain.of("consilium/ledger/entry-receipt/v1");

  /** Reads {@link #toBytes()}'s form, refusing anything else. */
  static EntryReceipt fromBytes(byte[] bytes) throws CanonicalFormatException {
    return CanonicalReader.decode(bytes, DOMAIN, reader -> new EntryReceipt(
        Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES)), BlockHeader.read(reader),
        InclusionProof.read(reader)));
  }

  /** Why this receipt does not show its entry in the block {@code trustedBlockHash}, or empty if it does. */
  Optional<String> problem(Sha256Hash trustedBlockHash) {
    if (!header.hash().equals(trustedBlockHash)) {
      return Optional.of("the receipt's block header hashes to " + header.hash().toHex() + ", not to the block hash "
          + trustedBlockHash.toHex());
    }
    return InclusionCheck.problem(entryHash, proof, header.merkleRoot(), header.entryCount());
  }

  byte[] toBytes() {
    return DOMAIN.encode(this);
  }

  String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeFixedBytes(entryHash.toByteArray());
    header.writeTo(writer);
    proof.writeTo(writer);
  }
}
