package dev.consilium.ledger.entry;

import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.merkle.MerkleTree;
import dev.consilium.mpc.canonical.CanonicalEncodable;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256Hash;
import dev.consilium.mpc.signature.PublicKeySign;
import dev.consilium.mpc.signature.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One signed step on the ledger: channel, contract, action, payload (canonical bytes), submitter DID, nonce
 * (strictly increasing per submitter: replay protection) and the submitter's Ed25519 signature over all of
 * it under the {@link #SIGNING_DOMAIN}.
 *
 * <p>Immutable. Its canonical bytes (fields and signature) are fixed when it is built; its hash is the
 * RFC 6962 leaf hash of those bytes, so the entry hash in a receipt is also its Merkle leaf.
 */
public final class Entry implements CanonicalEncodable {
  public static final SigningDomain SIGNING_DOMAIN = SigningDomain.of("consilium/ledger/entry/v1");
  public static final int MAX_NAME_CHARS = 64;
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;
  public static final int SIGNATURE_BYTES = 64;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]*");

  private final String channel;
  private final String contract;
  private final String action;
  private final byte[] payload;
  private final Did submitter;
  private final long nonce;
  private final byte[] signature;
  private final byte[] encoded;
  private final Sha256Hash hash;
  // The verifier this entry's signature last passed under, or null. The entry never changes and a verdict
  // depends only on its bytes and the key, so a check under an equal verifier reuses the verdict: the block
  // builder and the replica of one JVM verify each entry once between them. An entry decoded from bytes
  // (from a peer, from the journal) starts without one and is verified in full.
  private volatile PublicKeyVerify verifiedBy;

  private Entry(String channel, String contract, String action, byte[] payload, Did submitter, long nonce,
      byte[] signature) {
    this.channel = channel;
    this.contract = contract;
    this.action = action;
    this.payload = payload;
    this.submitter = submitter;
    this.nonce = nonce;
    this.signature = signature;
    this.encoded = new CanonicalWriter().writeObject(this).toByteArray();
    this.hash = MerkleTree.leafHash(encoded);
  }

  /** Builds and signs an entry; {@code signer} must hold the key of {@code submitter}. */
  public static Entry sign(String channel, String contract, String action, byte[] payload, Did submitter,
      long nonce, PublicKeySign signer) {
    checkName("channel", channel);
    checkName("contract", contract);
    checkName("action", action);
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "entry payload is " + payload.length + " bytes; at most " + MAX_PAYLOAD_BYTES + " are allowed");
    }
    if (nonce < 1) {
      throw new IllegalArgumentException("entry nonce must be at least 1, was " + nonce);
    }
    byte[] payloadCopy = payload.clone();
    byte[] toSign = signingBytes(channel, contract, action, payloadCopy, submitter, nonce);
    return new Entry(channel, contract, action, payloadCopy, submitter, nonce, signer.sign(toSign));
  }

  /** Reads an entry written by {@link #writeTo}; the signature is not checked here (see {@link #verify}). */
  public static Entry read(CanonicalReader reader) throws CanonicalFormatException {
    String channel = readName(reader, "channel");
    String contract = readName(reader, "contract");
    String action = readName(reader, "action");
    byte[] payload = reader.readBytes(MAX_PAYLOAD_BYTES);
    Did submitter = Did.read(reader);
    long nonce = reader.readI64();
    if (nonce < 1) {
      throw reader.malformed("entry nonce must be at least 1, was " + nonce);
    }
    byte[] signature = reader.readFixedBytes(SIGNATURE_BYTES);
    return new Entry(channel, contract, action, payload, submitter, nonce, signature);
  }

  /**
   * Checks the submitter's signature with {@code verifier}, which must hold the submitter's public key. A
   * signature that already passed under an equal verifier is not verified again (see {@link
   * PublicKeyVerify}: equal verifiers give equal verdicts); a failure is never remembered.
   */
  public void verify(PublicKeyVerify verifier) throws GeneralSecurityException {
    if (verifier.equals(verifiedBy)) {
      return;
    }
    verifier.verify(signature, signingBytes(channel, contract, action, payload, submitter, nonce));
    verifiedBy = verifier;
  }

  @Override
  public void writeTo(CanonicalWriter writer) {
    writer.writeString(channel).writeString(contract).writeString(action).writeBytes(payload)
        .writeString(submitter.value()).writeI64(nonce).writeFixedBytes(signature);
  }

  /** The canonical bytes (a copy): fields and signature. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** RFC 6962 leaf hash of the canonical bytes: SHA-256(0x00 ‖ bytes). */
  /** The length of the entry's canonical encoding: what it adds to a block. */
  public int encodedLength() {
    return encoded.length;
  }

  public Sha256Hash hash() {
    return hash;
  }

  public String channel() {
    return channel;
  }

  public String contract() {
    return contract;
  }

  public String action() {
    return action;
  }

  public byte[] payload() {
    return payload.clone();
  }

  public Did submitter() {
    return submitter;
  }

  public long nonce() {
    return nonce;
  }

  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Entry[" + channel + "/" + contract + "." + action + " by " + submitter + " #" + nonce + ", "
        + payload.length + " payload bytes, " + hash.toHex().substring(0, 16) + "]";
  }

  private static byte[] signingBytes(String channel, String contract, String action, byte[] payload,
      Did submitter, long nonce) {
    return new CanonicalWriter().writeDomain(SIGNING_DOMAIN).writeString(channel).writeString(contract)
        .writeString(action).writeBytes(payload).writeString(submitter.value()).writeI64(nonce).toByteArray();
  }

  static void checkName(String what, String name) {
    if (name.length() > MAX_NAME_CHARS || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("entry " + what + " '" + name + "' must be 1 to " + MAX_NAME_CHARS
          + " characters of a-z 0-9 . _ -, starting with a letter");
    }
  }

  private static String readName(CanonicalReader reader, String what) throws CanonicalFormatException {
    String name = reader.readString(MAX_NAME_CHARS);
    if (!NAME.matcher(name).matches()) {
      throw reader.malformed("entry " + what + " '" + name + "' is not a valid name");
    }
    return name;
  }
}
