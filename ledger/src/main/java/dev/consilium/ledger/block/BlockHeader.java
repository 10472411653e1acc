package dev.consilium.ledger.block;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.mpc.signature.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A block header (DESIGN §4): height (genesis = 0), epoch (sequencer term), previous block hash, Merkle root
 * of the entries (RFC 6962), state root after applying them, timestamp, entry count, sequencer DID and the
 * sequencer's signature over all of it. The block hash is SHA-256 of the canonical header, signature
 * included, so the chain commits to who sealed each block.
 */
public final class BlockHeader implements CanonicalEncodable {
  public static final SigningDomain SIGNING_DOMAIN = SigningDomain.of("consilium/ledger/block-header/v1");
  /** The previous hash of the genesis block. */
  public static final Sha256Hash NO_PREVIOUS = Sha256Hash.fromBytes(new byte[Sha256Hash.LENGTH_BYTES]);
  private static final int SIGNATURE_BYTES = 64;

  private final long height;
  private final long epoch;
  private final Sha256Hash previousHash;
  private final Sha256Hash merkleRoot;
  private final Sha256Hash stateRoot;
  private final long timestampMs;
  private final int entryCount;
  private final Did sequencer;
  private final byte[] signature;
  private final byte[] encoded;
  private final Sha256Hash hash;

  private BlockHeader(long height, long epoch, Sha256Hash previousHash, Sha256Hash merkleRoot,
      Sha256Hash stateRoot, long timestampMs, int entryCount, Did sequencer, byte[] signature) {
    this.height = height;
    this.epoch = epoch;
    this.previousHash = previousHash;
    this.merkleRoot = merkleRoot;
    this.stateRoot = stateRoot;
    this.timestampMs = timestampMs;
    this.entryCount = entryCount;
    this.sequencer = sequencer;
    this.signature = signature;
    this.encoded = new CanonicalWriter().writeObject(this).toByteArray();
    this.hash = Sha256.digest(encoded);
  }

  /** Builds and signs a header; {@code signer} must hold the key of {@code sequencer}. */
  public static BlockHeader sign(long height, long epoch, Sha256Hash previousHash, Sha256Hash merkleRoot,
      Sha256Hash stateRoot, long timestampMs, int entryCount, Did sequencer, PublicKeySign signer) {
    if (height < 0 || epoch < 0 || entryCount < 0) {
      throw new IllegalArgumentException("height, epoch and entry count must be non-negative, were "
          + height + ", " + epoch + ", " + entryCount);
    }
    byte[] toSign = signingBytes(height, epoch, previousHash, merkleRoot, stateRoot, timestampMs, entryCount,
        sequencer);
    return new BlockHeader(height, epoch, previousHash, merkleRoot, stateRoot, timestampMs, entryCount,
        sequencer, signer.sign(toSign));
  }

  public static BlockHeader read(CanonicalReader reader) throws CanonicalFormatException {
    long height = reader.readI64();
    long epoch = reader.readI64();
    Sha256Hash previousHash = readHash(reader);
    Sha256Hash merkleRoot = readHash(reader);
    Sha256Hash stateRoot = readHash(reader);
    long timestampMs = reader.readI64();
    int entryCount = reader.readI32();
    if (height < 0 || epoch < 0 || entryCount < 0) {
      throw reader.malformed("height, epoch and entry count must be non-negative, were "
          + height + ", " + epoch + ", " + entryCount);
    }
    Did sequencer = Did.read(reader);
    byte[] signature = reader.readFixedBytes(SIGNATURE_BYTES);
    return new BlockHeader(height, epoch, previousHash, merkleRoot, stateRoot, timestampMs, entryCount,
        sequencer, signature);
  }

  /** Checks the sequencer's signature with {@code verifier}, which must hold the sequencer's public key. */
  public void verify(PublicKeyVerify verifier) throws GeneralSecurityException {
    verifier.verify(signature, signingBytes(height, epoch, previousHash, merkleRoot, stateRoot, timestampMs,
        entryCount, sequencer));
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writeUnsigned(writer, height, epoch, previousHash, merkleRoot, stateRoot, timestampMs, entryCount, sequencer);
    writer.writeFixedBytes(signature);
  }

  public byte[] encoded() {
    return encoded.clone();
  }

  /** SHA-256 of the canonical header, signature included. */
  public Sha256Hash hash() {
    return hash;
  }

  public long height() {
    return height;
  }

  public long epoch() {
    return epoch;
  }

  public Sha256Hash previousHash() {
    return previousHash;
  }

  public Sha256Hash merkleRoot() {
    return merkleRoot;
  }

  public Sha256Hash stateRoot() {
    return stateRoot;
  }

  public long timestampMs() {
    return timestampMs;
  }

  public int entryCount() {
    return entryCount;
  }

  public Did sequencer() {
    return sequencer;
  }

  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "BlockHeader[height " + height + ", epoch " + epoch + ", " + entryCount + " entries, "
        + hash.toHex().substring(0, 16) + "]";
  }

  private static byte[] signingBytes(long height, long epoch, Sha256Hash previousHash, Sha256Hash merkleRoot,
      Sha256Hash stateRoot, long timestampMs, int entryCount, Did sequencer) {
    CanonicalWriter writer = new CanonicalWriter().writeDomain(SIGNING_DOMAIN);
    writeUnsigned(writer, height, epoch, previousHash, merkleRoot, stateRoot, timestampMs, entryCount, sequencer);
    return writer.toByteArray();
  }

  private static void writeUnsigned(CanonicalWriter writer, long height, long epoch, Sha256Hash previousHash,
      Sha256Hash merkleRoot, Sha256Hash stateRoot, long timestampMs, int entryCount, Did sequencer) {
    writer.writeI64(height).writeI64(epoch).writeFixedBytes(previousHash.toByteArray())
        .writeFixedBytes(merkleRoot.toByteArray()).writeFixedBytes(stateRoot.toByteArray())
        .writeI64(timestampMs).writeI32(entryCount);
    sequencer.writeTo(writer);
  }

  static Sha256Hash readHash(CanonicalReader reader) throws CanonicalFormatException {
    return Sha256Hash.fromBytes(reader.readFixedBytes(Sha256Hash.LENGTH_BYTES));
  }
}
