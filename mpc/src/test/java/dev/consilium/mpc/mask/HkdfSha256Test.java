package dev.consilium.mpc.mask;

import static org.junit.Assert.assertEquals;

import java.util.HexFormat;
import org.junit.Test;

public class HkdfSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 5869 Appendix A.1, test case 1 (basic test case with SHA-256).
  @Test
  public void rfc5869TestCase1_okm() {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    String okm = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
    assertEquals(okm, HEX.formatHex(HkdfSha256.derive(ikm, salt, info, 42)));
  }
}
