package dev.consilium.mpc.hpke;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.agreement.X25519PublicKey;
import dev.consilium.mpc.secret.SecretAccess;
import dev.consilium.mpc.testing.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

public class SealedBoxTest {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode (mode 0,
  // kem_id 32, kdf_id 1, aead_id 1); encryption with sequence number 0.
  private static final String INFO = "4f6465206f6e2061204772656369616e2055726e";
  private static final String SK_EM = "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736";
  private static final String PK_EM = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
  private static final String SK_RM = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
  private static final String PK_RM = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
  private static final String PT = "4265617574792069732074727574682c20747275746820626561757479";
  private static final String AAD = "436f756e742d30";
  private static final String CT =
      "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a";

  private static final byte[] REPORT_INFO = "consilium regulator report v1".getBytes(StandardCharsets.UTF_8);

  @Test
  public void rfc9180A_1_1_sealWithGivenEphemeral_givesEncAndCiphertext() throws Exception {
    X25519PrivateKey ephemeral = key(SK_EM);
    X25519PrivateKey recipient = key(SK_RM);
    assertEquals(PK_EM, ephemeral.publicKey().toHex());
    assertEquals(PK_RM, recipient.publicKey().toHex());

    byte[] sealed = SealedBox.sealWithEphemeral(
        recipient.publicKey(), ephemeral, HEX.parseHex(INFO), HEX.parseHex(AAD), HEX.parseHex(PT));

    assertEquals(PK_EM + CT, HEX.formatHex(sealed));
  }

  @Test
  public void rfc9180A_1_1_open_givesPlaintext() throws Exception {
    byte[] opened = SealedBox.open(key(SK_RM), HEX.parseHex(INFO), HEX.parseHex(AAD), vectorBox());
    assertEquals(PT, HEX.formatHex(opened));
  }

  @Test
  public void sealThenOpen_randomSizes_roundTrips() throws Exception {
    SecureRandom random = DeterministicRandom.secureRandom(9180);
    X25519PrivateKey regulator = X25519PrivateKey.generate(random);
    int[] sizes = {1, 15, 16, 17, 1_000, 2_048, 65_537, SealedBox.MAX_PLAINTEXT_BYTES};
    List<Integer> allSizes = new ArrayList<>();
    for (int size : sizes) {
      allSizes.add(size);
    }
    for (int i = 0; i < 20; i++) {
      allSizes.add(1 + random.nextInt(4_096));
    }
    for (int size : allSizes) {
      byte[] plaintext = new byte[size];
      random.nextBytes(plaintext);
      byte[] aad = new byte[random.nextInt(64)];
      random.nextBytes(aad);
      byte[] sealed = SealedBox.seal(regulator.publicKey(), REPORT_INFO, aad, plaintext, random);
      assertEquals("sealed length for " + size, size + SealedBox.OVERHEAD_BYTES, sealed.length);
      assertArrayEquals("round trip of " + size + " bytes",
          plaintext, SealedBox.open(regulator, REPORT_INFO, aad, sealed));
    }
  }

  @Test
  public void seal_twice_usesFreshEphemeral() throws Exception {
    SecureRandom random = DeterministicRandom.secureRandom(1);
    X25519PublicKey regulator = X25519PrivateKey.generate(random).publicKey();
    byte[] plaintext = "same report".getBytes(StandardCharsets.UTF_8);
    byte[] a = SealedBox.seal(regulator, REPORT_INFO, new byte[0], plaintext, random);
    byte[] b = SealedBox.seal(regulator, REPORT_INFO, new byte[0], plaintext, random);
    assertFalse(Arrays.equals(Arrays.copyOf(a, SealedBox.ENC_BYTES), Arrays.copyOf(b, SealedBox.ENC_BYTES)));
  }

  @Test
  public void open_wrongRecipientKey_throwsBadTag() throws Exception {
    X25519PrivateKey other = X25519PrivateKey.generate(DeterministicRandom.secureRandom(2));
    AEADBadTagException e = assertThrows(AEADBadTagException.class,
        () -> SealedBox.open(other, HEX.parseHex(INFO), HEX.parseHex(AAD), vectorBox()));
    assertTrue(e.getMessage(), e.getMessage().contains("another key"));
  }

  @Test
  public void open_anyFlippedBit_throwsBadTag() throws Exception {
    X25519PrivateKey recipient = key(SK_RM);
    byte[] box = vectorBox();
    List<Integer> openedBits = new ArrayList<>();
    for (int bit = 0; bit < box.length * 8; bit++) {
      byte[] tampered = box.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        SealedBox.open(recipient, HEX.parseHex(INFO), HEX.parseHex(AAD), tampered);
        openedBits.add(bit);
      } catch (AEADBadTagException expected) {
        // The tag covers the ciphertext; enc enters the KEM context, so even the bit X25519 ignores counts.
      }
    }
    assertEquals("bits whose flip still opened (enc is bits 0..255)", List.of(), openedBits);
  }

  @Test
  public void open_wrongAad_throwsBadTag() throws Exception {
    assertThrows(AEADBadTagException.class,
        () -> SealedBox.open(key(SK_RM), HEX.parseHex(INFO), HEX.parseHex("436f756e742d31"), vectorBox()));
    assertThrows(AEADBadTagException.class,
        () -> SealedBox.open(key(SK_RM), HEX.parseHex(INFO), new byte[0], vectorBox()));
  }

  @Test
  public void open_wrongInfo_throwsBadTag() throws Exception {
    assertThrows(AEADBadTagException.class,
        () -> SealedBox.open(key(SK_RM), REPORT_INFO, HEX.parseHex(AAD), vectorBox()));
  }

  @Test
  public void open_truncated_throws() throws Exception {
    X25519PrivateKey recipient = key(SK_RM);
    byte[] box = vectorBox();
    for (int length = 0; length < box.length; length++) {
      byte[] truncated = Arrays.copyOf(box, length);
      GeneralSecurityException e = assertThrows("length " + length, GeneralSecurityException.class,
          () -> SealedBox.open(recipient, HEX.parseHex(INFO), HEX.parseHex(AAD), truncated));
      if (length <= SealedBox.OVERHEAD_BYTES) {
        assertTrue(e.getMessage(), e instanceof MalformedSealedBoxException);
        assertTrue(e.getMessage(), e.getMessage().contains("too short"));
      } else {
        assertTrue(e.getMessage(), e instanceof AEADBadTagException);
      }
    }
  }

  @Test
  public void open_tooLong_throwsMalformed() throws Exception {
    byte[] huge = new byte[SealedBox.MAX_SEALED_BYTES + 1];
    MalformedSealedBoxException e = assertThrows(MalformedSealedBoxException.class,
        () -> SealedBox.open(key(SK_RM), REPORT_INFO, new byte[0], huge));
    assertTrue(e.getMessage(), e.getMessage().contains("too long"));
  }

  @Test
  public void open_lowOrderEnc_throwsMalformed() throws Exception {
    byte[] box = vectorBox();
    Arrays.fill(box, 0, SealedBox.ENC_BYTES, (byte) 0);
    MalformedSealedBoxException e = assertThrows(MalformedSealedBoxException.class,
        () -> SealedBox.open(key(SK_RM), HEX.parseHex(INFO), HEX.parseHex(AAD), box));
    assertTrue(e.getMessage(), e.getMessage().contains("low-order"));
  }

  @Test
  public void seal_lowOrderRecipient_throws() throws Exception {
    X25519PublicKey lowOrder = X25519PublicKey.fromBytes(new byte[32]);
    assertThrows(InvalidKeyException.class,
        () -> SealedBox.seal(lowOrder, REPORT_INFO, new byte[0], new byte[1], new SecureRandom()));
  }

  @Test
  public void seal_emptyOrOversizedArguments_throw() throws Exception {
    X25519PublicKey regulator = key(SK_RM).publicKey();
    SecureRandom random = new SecureRandom();
    byte[] one = new byte[1];
    assertIllegal("plaintext must not be empty",
        () -> SealedBox.seal(regulator, REPORT_INFO, one, new byte[0], random));
    assertIllegal("plaintext must be at most",
        () -> SealedBox.seal(regulator, REPORT_INFO, one, new byte[SealedBox.MAX_PLAINTEXT_BYTES + 1], random));
    assertIllegal("info must not be empty",
        () -> SealedBox.seal(regulator, new byte[0], one, one, random));
    assertIllegal("info must be at most",
        () -> SealedBox.seal(regulator, new byte[SealedBox.MAX_INFO_BYTES + 1], one, one, random));
    assertIllegal("aad must be at most",
        () -> SealedBox.seal(regulator, REPORT_INFO, new byte[SealedBox.MAX_AAD_BYTES + 1], one, random));
    assertIllegal("info must not be empty",
        () -> SealedBox.open(key(SK_RM), new byte[0], HEX.parseHex(AAD), vectorBox()));
  }

  @Test
  public void toString_keysAndErrors_haveNoScalar() throws Exception {
    X25519PrivateKey recipient = key(SK_RM);
    X25519PrivateKey ephemeral = key(SK_EM);
    AEADBadTagException e = assertThrows(AEADBadTagException.class,
        () -> SealedBox.open(ephemeral, HEX.parseHex(INFO), HEX.parseHex(AAD), vectorBox()));
    for (String shown : List.of(recipient.toString(), ephemeral.toString(), e.getMessage())) {
      assertFalse(shown, shown.contains(SK_RM.substring(0, 16)));
      assertFalse(shown, shown.contains(SK_EM.substring(0, 16)));
    }
  }

  private static void assertIllegal(String messageStart, ThrowingRunnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage(), e.getMessage().startsWith(messageStart));
  }

  private static byte[] vectorBox() {
    return HEX.parseHex(PK_EM + CT);
  }

  private static X25519PrivateKey key(String scalarHex) throws InvalidKeyException {
    return X25519PrivateKey.fromBytes(HEX.parseHex(scalarHex), SecretAccess.get());
  }
}
