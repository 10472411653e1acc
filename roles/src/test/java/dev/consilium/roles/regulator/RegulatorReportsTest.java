package dev.consilium.roles.regulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.roles.credit.ReportContent;
import dev.consilium.roles.credit.ReportSeal;
import dev.consilium.runtime.observer.ReportTotal;
import java.security.SecureRandom;
import java.util.List;
import org.junit.Test;

public class RegulatorReportsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long TOTAL_CENTS = 98_765_43L;

  private final X25519PrivateKey regulator = X25519PrivateKey.generate(RANDOM);
  private final RegulatorReports reports = new RegulatorReports(regulator);

  @Test
  public void open_sealedToThisRegulator_returnsTotal() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);

    ReportTotal total = reports.open("inq-1", sealed);

    assertTrue(total.toString(), total.opened());
    assertEquals(List.of(TOTAL_CENTS), total.totalsCents());
    assertEquals("", total.problem());
  }

  @Test
  public void open_zeroTotal_returnsZero() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(0L)), RANDOM);

    assertEquals(ReportTotal.opened(List.of(0L)), reports.open("inq-1", sealed));
  }

  @Test
  public void open_sealedToAnotherKey_doesNotOpen() {
    X25519PrivateKey other = X25519PrivateKey.generate(RANDOM);
    byte[] sealed = ReportSeal.seal(other.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);

    ReportTotal total = reports.open("inq-1", sealed);

    assertFalse(total.opened());
    assertEquals(List.of(), total.totalsCents());
    assertTrue(total.problem(), total.problem().contains("inq-1"));
  }

  @Test
  public void open_underAnotherInquiryId_doesNotOpen() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);

    ReportTotal total = reports.open("inq-2", sealed);

    assertFalse("a report cannot be replayed under another inquiry", total.opened());
    assertTrue(total.problem(), total.problem().contains("inq-2"));
  }

  @Test
  public void open_changedCiphertext_doesNotOpen() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);
    sealed[sealed.length - 1] ^= 1;

    assertFalse(reports.open("inq-1", sealed).opened());
  }

  @Test
  public void open_garbage_doesNotOpen() {
    for (byte[] garbage : new byte[][] {new byte[0], new byte[1], new byte[200]}) {
      ReportTotal total = reports.open("inq-1", garbage);
      assertFalse(garbage.length + " bytes", total.opened());
      assertFalse(total.problem().isEmpty());
    }
  }

  @Test
  public void open_overlongInquiryId_doesNotOpen() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);

    assertFalse(reports.open("x".repeat(100_000), sealed).opened());
  }

  @Test
  public void toString_neverShowsTheTotal() {
    byte[] sealed = ReportSeal.seal(regulator.publicKey(), new ReportContent("inq-1", List.of(TOTAL_CENTS)), RANDOM);

    String text = reports.open("inq-1", sealed) + " " + reports;

    assertFalse(text, text.contains(Long.toString(TOTAL_CENTS)));
  }
}
