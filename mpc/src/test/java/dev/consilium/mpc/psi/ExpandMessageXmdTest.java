package dev.consilium.mpc.psi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.Test;

public class ExpandMessageXmdTest {
  /** RFC 9380 K.3: the tag of every expand_message_xmd(SHA-512) vector. */
  private static final byte[] DST = ascii("QUUX-V01-CS02-with-expander-SHA512-256");
  /** RFC 9380 K.3 message "q128_" followed by 128 'q'. */
  private static final String Q128 = "q128_" + "q".repeat(128);
  /** RFC 9380 K.3 message "a512_" followed by 512 'a'. */
  private static final String A512 = "a512_" + "a".repeat(512);

  private record Vector(String source, String message, int lengthInBytes, String uniformBytes) {}

  private static final List<Vector> VECTORS = List.of(
      // RFC 9380 K.3, msg="", len_in_bytes=0x20
      new Vector("K.3 msg=\"\" len=0x20", "", 0x20,
          "6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba"),
      // RFC 9380 K.3, msg="abc", len_in_bytes=0x20
      new Vector("K.3 msg=\"abc\" len=0x20", "abc", 0x20,
          "0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc"),
      // RFC 9380 K.3, msg="abcdef0123456789", len_in_bytes=0x20
      new Vector("K.3 msg=\"abcdef0123456789\" len=0x20", "abcdef0123456789", 0x20,
          "087e45a86e2939ee8b91100af1583c4938e0f5fc6c9db4b107b83346bc967f58"),
      // RFC 9380 K.3, msg="q128_qqq...", len_in_bytes=0x20
      new Vector("K.3 msg=\"q128_...\" len=0x20", Q128, 0x20,
          "7336234ee9983902440f6bc35b348352013becd88938d2afec44311caf8356b3"),
      // RFC 9380 K.3, msg="a512_aaa...", len_in_bytes=0x20
      new Vector("K.3 msg=\"a512_...\" len=0x20", A512, 0x20,
          "57b5f7e766d5be68a6bfe1768e3c2b7f1228b3e4b3134956dd73a59b954c66f4"),
      // RFC 9380 K.3, msg="", len_in_bytes=0x80
      new Vector("K.3 msg=\"\" len=0x80", "", 0x80,
          "41b037d1734a5f8df225dd8c7de38f851efdb45c372887be655212d07251b921"
              + "b052b62eaed99b46f72f2ef4cc96bfaf254ebbbec091e1a3b9e4fb5e5b619d2e"
              + "0c5414800a1d882b62bb5cd1778f098b8eb6cb399d5d9d18f5d5842cf5d13d7e"
              + "b00a7cff859b605da678b318bd0e65ebff70bec88c753b159a805d2c89c55961"),
      // RFC 9380 K.3, msg="abc", len_in_bytes=0x80
      new Vector("K.3 msg=\"abc\" len=0x80", "abc", 0x80,
          "7f1dddd13c08b543f2e2037b14cefb255b44c83cc397c1786d975653e36a6b11"
              + "bdd7732d8b38adb4a0edc26a0cef4bb45217135456e58fbca1703cd6032cb134"
              + "7ee720b87972d63fbf232587043ed2901bce7f22610c0419751c065922b48843"
              + "1851041310ad659e4b23520e1772ab29dcdeb2002222a363f0c2b1c972b3efe1"),
      // RFC 9380 K.3, msg="abcdef0123456789", len_in_bytes=0x80
      new Vector("K.3 msg=\"abcdef0123456789\" len=0x80", "abcdef0123456789", 0x80,
          "3f721f208e6199fe903545abc26c837ce59ac6fa45733f1baaf0222f8b7acb04"
              + "24814fcb5eecf6c1d38f06e9d0a6ccfbf85ae612ab8735dfdf9ce84c372a77c8"
              + "f9e1c1e952c3a61b7567dd0693016af51d2745822663d0c2367e3f4f0bed827f"
              + "eecc2aaf98c949b5ed0d35c3f1023d64ad1407924288d366ea159f46287e61ac"),
      // RFC 9380 K.3, msg="q128_qqq...", len_in_bytes=0x80
      new Vector("K.3 msg=\"q128_...\" len=0x80", Q128, 0x80,
          "b799b045a58c8d2b4334cf54b78260b45eec544f9f2fb5bd12fb603eaee70db7"
              + "317bf807c406e26373922b7b8920fa29142703dd52bdf280084fb7ef69da78af"
              + "df80b3586395b433dc66cde048a258e476a561e9deba7060af40adf30c64249c"
              + "a7ddea79806ee5beb9a1422949471d267b21bc88e688e4014087a0b592b695ed"),
      // RFC 9380 K.3, msg="a512_aaa...", len_in_bytes=0x80
      new Vector("K.3 msg=\"a512_...\" len=0x80", A512, 0x80,
          "05b0bfef265dcee87654372777b7c44177e2ae4c13a27f103340d9cd11c86cb2"
              + "426ffcad5bd964080c2aee97f03be1ca18e30a1f14e27bc11ebbd650f305269c"
              + "c9fb1db08bf90bfc79b42a952b46daf810359e7bc36452684784a64952c343c5"
              + "2e5124cd1f71d474d5197fefc571a92929c9084ffe1112cf5eea5192ebff330b"));

  @Test
  public void expand_rfc9380Sha512Vectors_match() {
    List<String> failures = new ArrayList<>();
    for (Vector v : VECTORS) {
      String actual = Hex.toHexString(ExpandMessageXmd.expand(ascii(v.message()), DST, v.lengthInBytes()));
      if (!actual.equals(v.uniformBytes())) {
        failures.add(v.source() + ": expected " + v.uniformBytes() + " but was " + actual);
      }
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  @Test
  public void expand_maximumLength_givesFullOutput() {
    byte[] out = ExpandMessageXmd.expand(ascii("abc"), DST, ExpandMessageXmd.MAX_OUTPUT_BYTES);
    assertEquals(255 * 64, out.length);
    byte[] shorter = ExpandMessageXmd.expand(ascii("abc"), DST, 0x80);
    // The length is part of the hashed input, so a longer output is not an extension of a shorter one.
    assertFalse(Hex.toHexString(out).startsWith(Hex.toHexString(shorter)));
  }

  @Test
  public void expand_lengthAboveLimit_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpandMessageXmd.expand(ascii("abc"), DST, ExpandMessageXmd.MAX_OUTPUT_BYTES + 1));
    assertTrue(e.getMessage(), e.getMessage().contains("was 16321"));
  }

  @Test
  public void expand_zeroLength_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpandMessageXmd.expand(ascii("abc"), DST, 0));
    assertTrue(e.getMessage(), e.getMessage().contains("output length") && e.getMessage().contains("was 0"));
  }

  @Test
  public void expand_emptyDst_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpandMessageXmd.expand(ascii("abc"), new byte[0], 32));
    assertTrue(e.getMessage(), e.getMessage().contains("domain separation tag") && e.getMessage().contains("was 0 bytes"));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
