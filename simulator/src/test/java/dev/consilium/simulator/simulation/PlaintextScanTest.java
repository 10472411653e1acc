package dev.consilium.simulator.simulation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.canonical.CanonicalWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

/** The ledger scan must find what a leak would write, and not cry wolf over what chance writes. */
public class PlaintextScanTest {
  private static final long SEED = 7L;

  @Test
  public void ledgerLikeBytes_withoutPlaintext_yieldNoFinding() {
    Set<Long> amounts = amounts(new Random(1), 450);
    byte[] ledger = ledgerLike(new Random(2), List.of());
    assertEquals(List.of(), new PlaintextScan(ledger).find(Set.of("cust-000123"), amounts, SEED));
  }

  @Test
  public void amountsWrittenAsCanonicalLongs_areFound() {
    Set<Long> amounts = amounts(new Random(1), 450);
    List<Long> leaked = new ArrayList<>(amounts).subList(0, 20);
    List<String> found = new PlaintextScan(ledgerLike(new Random(2), leaked))
        .find(Set.of("cust-000123"), amounts, SEED);
    assertEquals(found.toString(), 1, found.size());
    assertTrue(found.get(0), found.get(0).startsWith("20 amounts in binary form"));
  }

  @Test
  public void aCustomerIdOrAnAmountAsText_isFoundEvenOnce() {
    Set<Long> amounts = amounts(new Random(1), 450);
    long amount = amounts.stream().filter(a -> a >= PlaintextScan.MIN_ASCII_AMOUNT).findFirst().orElseThrow();
    byte[] ledger = ledgerLike(new Random(2), List.of());
    byte[] text = (" cust-000123 {\"owed\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(text, 0, ledger, 1000, text.length);
    List<String> found = new PlaintextScan(ledger).find(Set.of("cust-000123"), amounts, SEED);
    assertEquals(found.toString(), 2, found.size());
    assertTrue(found.get(0), found.get(0).startsWith("customer id cust-000123 (UTF-8) at offset 1001"));
    assertTrue(found.get(1), found.get(1).startsWith("amount " + amount + " (decimal text)"));
  }

  private static Set<Long> amounts(Random random, int count) {
    Set<Long> amounts = new TreeSet<>();
    while (amounts.size() < count) {
      amounts.add(100_000L + random.nextInt(5_000_000));
    }
    return amounts;
  }

  /**
   * Half a megabyte shaped like our journal: entries of small 8-byte fields (heights, counts) next to random
   * ciphertext bytes, which is what makes an amount's binary form turn up by chance; {@code leaked} amounts
   * are written among them as canonical longs.
   */
  private static byte[] ledgerLike(Random random, List<Long> leaked) {
    CanonicalWriter writer = new CanonicalWriter();
    int entry = 0;
    while (writer.size() < 500_000) {
      writer.writeI64(entry).writeI64(1 + random.nextInt(60));
      byte[] ciphertext = new byte[512];
      random.nextBytes(ciphertext);
      writer.writeBytes(ciphertext);
      if (entry < leaked.size()) {
        writer.writeI64(leaked.get(entry));
      }
      entry++;
    }
    return writer.toByteArray();
  }
}
