package dev.consilium.mpc.hpke;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Seals a message to an X25519 public key and opens it with the private key: RFC 9180 HPKE, base mode,
 * DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-128-GCM, one message per encapsulation (sequence number 0).
 *
 * <p>A sealed box is self-contained: {@code enc} (the sender's ephemeral public key, 32 bytes) followed by
 * the AES-GCM ciphertext and its 16-byte tag. {@code info} names the context (what the box is for) and must
 * be the same on both sides; {@code aad} is authenticated but travels in clear, beside the box.
 *
 * <p>Caller mistakes (empty or oversized arguments) are {@link IllegalArgumentException}s; a box from outside
 * that cannot be opened is a {@link GeneralSecurityException}: {@link MalformedSealedBoxException} for a box
 * of impossible shape, {@link AEADBadTagException} for a box that does not open with this key, info and aad.
 */
public final class SealedBox {
  public static final int ENC_BYTES = 32;
  public static final int TAG_BYTES = 16;
  public static final int OVERHEAD_BYTES = ENC_BYTES + TAG_BYTES;
  /** The same bound as a ledger entry's payload, so that any sealed box fits in one. */
  public static final int MAX_SEALED_BYTES = 1 << 20;
  public static final int MAX_PLAINTEXT_BYTES = MAX_SEALED_BYTES - OVERHEAD_BYTES;
  public static final int MAX_INFO_BYTES = 1_024;
  public static final int MAX_AAD_BYTES = 64 * 1_024;

  private SealedBox() {}

  /**
   * Seals {@code plaintext} to {@code recipient} with a fresh ephemeral key drawn from {@code random}.
   *
   * @param info non-empty context label, at most {@link #MAX_INFO_BYTES}
   * @param aad authenticated data, possibly empty, at most {@link #MAX_AAD_BYTES}
   * @param plaintext 1 to {@link #MAX_PLAINTEXT_BYTES} bytes
   * @return {@code enc ‖ ciphertext ‖ tag}, {@link #OVERHEAD_BYTES} longer than {@code plaintext}
   * @throws InvalidKeyException if {@code recipient} is a low-order point (agreement with it is all zeros)
   */
  public static byte[] seal(
      X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random)
      throws InvalidKeyException {
    Objects.requireNonNull(random, "random");
    checkSealArguments(recipient, info, aad, plaintext);
    return sealWithEphemeral(recipient, X25519PrivateKey.generate(random), info, aad, plaintext);
  }

  /**
   * Opens a box made by {@link #seal} for {@code recipient}'s public key under the same {@code info} and
   * {@code aad}.
   *
   * @throws MalformedSealedBoxException if {@code sealed} is shorter than {@link #OVERHEAD_BYTES} + 1 or
   *     longer than {@link #MAX_SEALED_BYTES}, or its {@code enc} is a low-order point
   * @throws AEADBadTagException if the tag does not verify: the box was sealed to another key, or its
   *     {@code enc} or ciphertext was altered, or {@code info} or {@code aad} differ from the sealer's
   */
  public static byte[] open(X25519PrivateKey recipient, byte[] info, byte[] aad, byte[] sealed)
      throws GeneralSecurityException {
    Objects.requireNonNull(recipient, "recipient");
    checkInfoAndAad(info, aad);
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.length < OVERHEAD_BYTES + 1) {
      throw new MalformedSealedBoxException("sealed box too short: " + sealed.length + " bytes, need at least "
          + (OVERHEAD_BYTES + 1) + " (" + ENC_BYTES + " enc + ciphertext + " + TAG_BYTES + " tag)");
    }
    if (sealed.length > MAX_SEALED_BYTES) {
      throw new MalformedSealedBoxException(
          "sealed box too long: " + sealed.length + " bytes, at most " + MAX_SEALED_BYTES);
    }
    byte[] enc = Arrays.copyOfRange(sealed, 0, ENC_BYTES);
    HPKEContext context;
    try {
      context = suite().setupBaseR(enc, keyPair(recipient), info);
    } catch (IllegalStateException e) {
      // BouncyCastle's X25519 refuses an all-zero agreement this way; enc comes from outside.
      throw new MalformedSealedBoxException("sealed box's encapsulated key is a low-order X25519 point");
    }
    try {
      return context.open(aad, sealed, ENC_BYTES, sealed.length - ENC_BYTES);
    } catch (InvalidCipherTextException e) {
      throw new AEADBadTagException("sealed box does not open for " + recipient.publicKey()
          + ": sealed to another key, enc or ciphertext altered, or info or aad differ");
    }
  }

  /** {@link #seal} with a given ephemeral key, for the RFC 9180 known-answer test; never reuse an ephemeral. */
  static byte[] sealWithEphemeral(
      X25519PublicKey recipient, X25519PrivateKey ephemeral, byte[] info, byte[] aad, byte[] plaintext)
      throws InvalidKeyException {
    checkSealArguments(recipient, info, aad, plaintext);
    HPKEContextWithEncapsulation context;
    try {
      context = suite().setupBaseS(new X25519PublicKeyParameters(recipient.toBytes()), info, keyPair(ephemeral));
    } catch (IllegalStateException e) {
      throw new InvalidKeyException("cannot seal to " + recipient + ": low-order public key");
    }
    byte[] enc = context.getEncapsulation();
    byte[] ciphertext;
    try {
      ciphertext = context.seal(aad, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AES-128-GCM refused to encrypt " + plaintext.length + " bytes", e);
    }
    if (enc.length != ENC_BYTES || ciphertext.length != plaintext.length + TAG_BYTES) {
      throw new IllegalStateException("HPKE gave enc of " + enc.length + " bytes and ciphertext of "
          + ciphertext.length + " bytes for " + plaintext.length + " bytes of plaintext");
    }
    byte[] sealed = Arrays.copyOf(enc, ENC_BYTES + ciphertext.length);
    System.arraycopy(ciphertext, 0, sealed, ENC_BYTES, ciphertext.length);
    return sealed;
  }

  // A new instance each call: BouncyCastle's DHKEM re-initialises a shared agreement object per operation.
  private static HPKE suite() {
    return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
  }

  private static AsymmetricCipherKeyPair keyPair(X25519PrivateKey key) {
    byte[] scalar = key.scalar().toByteArray(SecretAccess.get());
    try {
      return new AsymmetricCipherKeyPair(
          new X25519PublicKeyParameters(key.publicKey().toBytes()), new X25519PrivateKeyParameters(scalar));
    } finally {
      SecretBytes.wipe(scalar);
    }
  }

  private static void checkSealArguments(X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
    Objects.requireNonNull(recipient, "recipient");
    checkInfoAndAad(info, aad);
    Objects.requireNonNull(plaintext, "plaintext");
    if (plaintext.length == 0) {
      throw new IllegalArgumentException("plaintext must not be empty");
    }
    if (plaintext.length > MAX_PLAINTEXT_BYTES) {
      throw new IllegalArgumentException(
          "plaintext must be at most " + MAX_PLAINTEXT_BYTES + " bytes, was " + plaintext.length);
    }
  }

  private static void checkInfoAndAad(byte[] info, byte[] aad) {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(aad, "aad");
    if (info.length == 0) {
      throw new IllegalArgumentException("info must not be empty: it names what the sealed box is for");
    }
    if (info.length > MAX_INFO_BYTES) {
      throw new IllegalArgumentException("info must be at most " + MAX_INFO_BYTES + " bytes, was " + info.length);
    }
    if (aad.length > MAX_AAD_BYTES) {
      throw new IllegalArgumentException("aad must be at most " + MAX_AAD_BYTES + " bytes, was " + aad.length);
    }
  }
}
