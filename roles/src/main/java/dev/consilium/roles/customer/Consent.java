package dev.consilium.roles.customer;

import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.signature.Ed25519PublicKey;
import dev.consilium.mpc.signature.Ed25519Verify;
import dev.consilium.mpc.signature.PublicKeySign;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A customer's signed consent to one inquiry about them (DESIGN §6 step 1): which inquiry, under which
 * pseudonym, by which bank, until when. It names the customer only by pseudonym, so it can go on the ledger;
 * a contributing bank that has the customer on file checks the signature against the key it holds for them.
 */
public final class Consent {
  public static final SigningDomain SIGNING_DOMAIN = SigningDomain.of("consilium/credit/consent/v1");
  private static final int MAX_INQUIRY_ID_CHARS = 128;
  private static final int SIGNATURE_BYTES = 64;

  private final String inquiryId;
  private final byte[] pseudonym;
  private final Did asker;
  private final long expiresAtMs;
  private final Ed25519PublicKey customerKey;
  private final byte[] signature;

  private Consent(String inquiryId, byte[] pseudonym, Did asker, long expiresAtMs, Ed25519PublicKey customerKey,
      byte[] signature) {
    this.inquiryId = inquiryId;
    this.pseudonym = pseudonym;
    this.asker = asker;
    this.expiresAtMs = expiresAtMs;
    this.customerKey = customerKey;
    this.signature = signature;
  }

  /** The customer (holding {@code signer}, whose public key is {@code customerKey}) consents. */
  public static Consent sign(String inquiryId, byte[] pseudonym, Did asker, long expiresAtMs,
      Ed25519PublicKey customerKey, PublicKeySign signer) {
    check(inquiryId, pseudonym);
    byte[] copy = pseudonym.clone();
    byte[] signature = signer.sign(signingBytes(inquiryId, copy, asker, expiresAtMs, customerKey));
    return new Consent(inquiryId, copy, asker, expiresAtMs, customerKey, signature);
  }

  /**
   * Checks that the customer whose key on file is {@code keyOnFile} signed this consent for
   * {@code inquiryId}, asked by {@code asker}, still valid at {@code nowMs}; throws naming what does not hold.
   */
  public void verify(Ed25519PublicKey keyOnFile, String inquiryId, Did asker, long nowMs)
      throws GeneralSecurityException {
    if (!keyOnFile.equals(customerKey)) {
      throw new GeneralSecurityException("consent is signed by another key than the customer's on file");
    }
    if (!this.inquiryId.equals(inquiryId) || !this.asker.equals(asker)) {
      throw new GeneralSecurityException("consent is for inquiry " + this.inquiryId + " by " + this.asker
          + ", not " + inquiryId + " by " + asker);
    }
    if (nowMs > expiresAtMs) {
      throw new GeneralSecurityException("consent expired at " + expiresAtMs + " ms");
    }
    Ed25519Verify.create(customerKey).verify(signature,
        signingBytes(this.inquiryId, pseudonym, this.asker, expiresAtMs, customerKey));
  }

  public byte[] toCanonicalBytes() {
    CanonicalWriter writer = new CanonicalWriter().writeString(inquiryId).writeFixedBytes(pseudonym);
    asker.writeTo(writer);
    return writer.writeI64(expiresAtMs).writeFixedBytes(customerKey.toByteArray()).writeFixedBytes(signature)
        .toByteArray();
  }

  public static Consent fromBytes(byte[] bytes) throws CanonicalFormatException {
    return CanonicalReader.decode(bytes, reader -> {
      String inquiryId = reader.readString(MAX_INQUIRY_ID_CHARS);
      byte[] pseudonym = reader.readFixedBytes(PseudonymKey.PSEUDONYM_BYTES);
      Did asker = Did.read(reader);
      long expiresAtMs = reader.readI64();
      Ed25519PublicKey key;
      try {
        key = Ed25519PublicKey.fromBytes(reader.readFixedBytes(Ed25519PublicKey.LENGTH_BYTES));
      } catch (InvalidKeyException e) {
        throw reader.malformed("consent's customer key: " + e.getMessage());
      }
      byte[] signature = reader.readFixedBytes(SIGNATURE_BYTES);
      if (inquiryId.isEmpty()) {
        throw reader.malformed("consent names no inquiry");
      }
      return new Consent(inquiryId, pseudonym, asker, expiresAtMs, key, signature);
    });
  }

  public String inquiryId() {
    return inquiryId;
  }

  public byte[] pseudonym() {
    return pseudonym.clone();
  }

  /** The key the consent is signed with; a bank trusts it only as far as it matches the key it has on file. */
  public Ed25519PublicKey customerKey() {
    return customerKey;
  }

  public Did asker() {
    return asker;
  }

  public long expiresAtMs() {
    return expiresAtMs;
  }

  private static byte[] signingBytes(String inquiryId, byte[] pseudonym, Did asker, long expiresAtMs,
      Ed25519PublicKey customerKey) {
    CanonicalWriter writer = new CanonicalWriter().writeDomain(SIGNING_DOMAIN).writeString(inquiryId)
        .writeFixedBytes(pseudonym);
    asker.writeTo(writer);
    return writer.writeI64(expiresAtMs).writeFixedBytes(customerKey.toByteArray()).toByteArray();
  }

  private static void check(String inquiryId, byte[] pseudonym) {
    if (inquiryId == null || inquiryId.isEmpty() || inquiryId.length() > MAX_INQUIRY_ID_CHARS) {
      throw new IllegalArgumentException("an inquiry id is 1 to " + MAX_INQUIRY_ID_CHARS + " characters");
    }
    if (pseudonym.length != PseudonymKey.PSEUDONYM_BYTES) {
      throw new IllegalArgumentException("a pseudonym is " + PseudonymKey.PSEUDONYM_BYTES + " bytes, got "
          + pseudonym.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Consent other && Arrays.equals(toCanonicalBytes(), other.toCanonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Consent[" + inquiryId + ", pseudonym " + HexFormat.of().formatHex(pseudonym, 0, 4) + "…, by " + asker + "]";
  }
}
