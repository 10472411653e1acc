package dev.consilium.mpc.prg;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;

/**
 * Known-answer tests of the raw keystreams under the PRG, at the level of a raw key and IV/nonce. Each vector
 * cites its source; the PRG element k is keystream bytes [8k, 8k+8) read little-endian.
 */
public final class PrgKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  /** A keystream vector given as plaintext and ciphertext: keystream = plaintext XOR ciphertext. */
  private record Vector(String source, String algorithm, String key, String ivOrNonce, int counter,
      String plaintextHex, String ciphertextHex) {}

  private static final List<Vector> VECTORS = List.of(
      // NIST SP 800-38A, Appendix F.5.1 CTR-AES128.Encrypt (four blocks).
      new Vector("NIST SP 800-38A F.5.1", "AES-CTR",
          "2b7e151628aed2a6abf7158809cf4f3c",
          "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", 0,
          "6bc1bee22e409f96e93d7e117393172a"
              + "ae2d8a571e03ac9c9eb76fac45af8e51"
              + "30c81c46a35ce411e5fbc1191a0a52ef"
              + "f69f2445df4f9b17ad2b417be66c3710",
          "874d6191b620e3261bef6864990db6ce"
              + "9806f66b7970fdff8617187bb9fffdff"
              + "5ae4df3edbd5d35e5b4f09020db03eab"
              + "1e031dda2fbe03d1792170a0f3009cee"),
      // NIST SP 800-38A, Appendix F.5.1, Block #1: the output block is the keystream itself.
      new Vector("NIST SP 800-38A F.5.1 Block #1 output block", "AES-CTR",
          "2b7e151628aed2a6abf7158809cf4f3c",
          "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", 0,
          "00000000000000000000000000000000",
          "ec8cdf7398607cb0f2d21675ea9ea1e4"),
      // RFC 8439, Appendix A.2, Test Vector #1: all-zero key, nonce and plaintext, block counter 0.
      new Vector("RFC 8439 A.2 #1", "ChaCha20",
          "0000000000000000000000000000000000000000000000000000000000000000",
          "000000000000000000000000", 0,
          "00".repeat(64),
          "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
              + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"),
      // RFC 8439, Section 2.4.2: the "sunscreen" plaintext, block counter 1.
      new Vector("RFC 8439 2.4.2", "ChaCha20",
          "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
          "000000000000004a00000000", 1,
          HEX.formatHex(("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for"
              + " the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII)),
          "6e2e359a2568f98041ba0728dd0d6981"
              + "e97e7aec1d4360c20a27afccfd9fae0b"
              + "f91b65c5524733ab8f593dabcd62b357"
              + "1639d624e65152ab8f530c359f0861d8"
              + "07ca0dbf500d6a6156a38e088a22b65e"
              + "52bc514d16ccf806818ce91ab7793736"
              + "5af90bbf74a35be6b40b8eedf2785e42"
              + "874d"));

  @Test
  public void keystream_knownAnswerVectors_match() {
    List<String> failures = new ArrayList<>();
    for (Vector v : VECTORS) {
      byte[] plaintext = HEX.parseHex(v.plaintextHex());
      byte[] expected = HEX.parseHex(v.ciphertextHex());
      byte[] keystream = keystreamBytes(v, plaintext.length);
      byte[] actual = new byte[plaintext.length];
      for (int i = 0; i < actual.length; i++) {
        actual[i] = (byte) (plaintext[i] ^ keystream[i]);
      }
      if (!HEX.formatHex(actual).equals(HEX.formatHex(expected))) {
        failures.add(v.source() + ": expected " + HEX.formatHex(expected) + " got " + HEX.formatHex(actual));
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void keystream_readInPieces_equalsOneRead() {
    Vector v = VECTORS.get(0);
    long[] whole = new long[8];
    stream(v).fill(whole, 0, 8);
    PrgStream pieces = stream(v);
    long[] split = new long[8];
    pieces.fill(split, 0, 3);
    pieces.fill(split, 3, 5);
    assertEquals(8, pieces.position());
    assertEquals(HEX.formatHex(toBytes(whole)), HEX.formatHex(toBytes(split)));
  }

  /** Reads whole elements through the PRG stream and keeps the first {@code length} bytes. */
  private static byte[] keystreamBytes(Vector v, int length) {
    long[] elements = new long[(length + 7) / 8];
    stream(v).fill(elements, 0, elements.length);
    byte[] bytes = toBytes(elements);
    byte[] out = new byte[length];
    System.arraycopy(bytes, 0, out, 0, length);
    return out;
  }

  private static PrgStream stream(Vector v) {
    byte[] key = HEX.parseHex(v.key());
    byte[] iv = HEX.parseHex(v.ivOrNonce());
    return v.algorithm().equals("AES-CTR")
        ? PrgStream.rawAesCtr(key, iv)
        : PrgStream.rawChaCha20(key, iv, v.counter());
  }

  private static byte[] toBytes(long[] elements) {
    ByteBuffer buffer = ByteBuffer.allocate(elements.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long e : elements) {
      buffer.putLong(e);
    }
    return buffer.array();
  }
}
