package dev.consilium.mpc.canonical;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.Test;

public class SigningDomainTest {
  private static final CanonicalEncodable HEIGHT_7 = w -> w.writeI64(7);

  @Test
  public void encode_prefixesLengthPrefixedDomainName() {
    byte[] bytes = SigningDomain.of("a/v1").encode(HEIGHT_7);
    assertEquals("00000004" + "612f7631" + "0000000000000007", HexFormat.of().formatHex(bytes));
  }

  @Test
  public void encode_sameObjectUnderTwoDomains_givesDifferentBytes() {
    byte[] entry = SigningDomain.of("consilium/ledger/entry/v1").encode(HEIGHT_7);
    byte[] block = SigningDomain.of("consilium/ledger/block/v1").encode(HEIGHT_7);
    assertFalse(Arrays.equals(entry, block));
  }

  @Test
  public void decode_withItsOwnDomain_readsTheValue() throws Exception {
    SigningDomain domain = SigningDomain.of("consilium/ledger/entry/v1");
    assertEquals(Long.valueOf(7), CanonicalReader.decode(domain.encode(HEIGHT_7), domain, CanonicalReader::readI64));
    assertArrayEquals(new CanonicalWriter().writeString(domain.name()).writeI64(7).toByteArray(),
        domain.encode(HEIGHT_7));
  }

  @Test
  public void of_invalidName_throws() {
    for (String bad : new String[] {"", "Consilium/entry", "/leading-slash", "entry v1", "é", "x".repeat(129)}) {
      IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> SigningDomain.of(bad));
      assertTrue(e.getMessage(), e.getMessage().contains("signing domain name"));
    }
    assertEquals("x".repeat(128), SigningDomain.of("x".repeat(128)).name());
  }
}
