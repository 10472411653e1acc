package dev.consilium.runtime.observer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.consilium.ledger.credit.CreditState;
import dev.consilium.ledger.credit.Inquiry;
import dev.consilium.ledger.credit.InquiryStatus;
import dev.consilium.ledger.identity.Did;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observer's JSON shapes for the credit contract. What an inquiry shows is what the ledger records of
 * it in the clear: who asked, about how many customers, who takes part, how far it got and the decision on each
 * customer. Never a pseudonym of another customer of the batch, never an amount: the state
 * holds amounts only as ciphertexts, and those stay out too (a client that needs them reads a ledger copy).
 * Only {@code /reports}, with the regulator's opener, shows a total: the one the asker reported to it.
 */
final class CreditViews {
  private CreditViews() {}

  record DecisionView(boolean approved, String reasonCode) {}

  /**
   * {@code customers} is how many customers the inquiry covers (a batch when more than one); {@code decisions},
   * one per customer in the asker's order, is null until the inquiry is DECIDED.
   */
  record InquiryView(String id, String asker, InquiryStatus status, int customers, List<String> participants,
      List<String> contributors, List<String> correctors, long deadlineMs, int minContributors,
      long openedAtHeight, List<DecisionView> decisions) {}

  /** The inquiries any of whose customers has the pseudonym, in the credit state after block {@code height}. */
  record InquiriesView(long height, List<InquiryView> inquiries) {}

  record ActivityView(long height, long indexedHeight, long bucketMs, List<Long> bucketStartsMs,
      int inquiriesIndexed, List<ObserverIndex.BankActivity> banks, Map<InquiryStatus, Integer> byStatus) {}

  /** Without an opener, {@code opened}, {@code totalsCents} and {@code notOpenedReason} are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReportView(String inquiryId, String asker, long height, long timestampMs, String ciphertextSha256,
      int ciphertextBytes, Boolean opened, List<Long> totalsCents, String notOpenedReason) {}

  record ReportsView(long indexedHeight, boolean decrypted, List<ReportView> reports) {}

  static InquiriesView inquiries(long height, CreditState credit, byte[] pseudonym) {
    List<InquiryView> found = new ArrayList<>();
    credit.inquiries().forEach((id, inquiry) -> {
      if (inquiry.concerns(pseudonym)) {
        found.add(inquiry(id, inquiry));
      }
    });
    return new InquiriesView(height, found);
  }

  static InquiryView inquiry(String id, Inquiry inquiry) {
    List<DecisionView> decisions = inquiry.status() == InquiryStatus.DECIDED
        ? inquiry.decisions().stream().map(d -> new DecisionView(d.approved(), d.reasonCode())).toList() : null;
    return new InquiryView(id, inquiry.asker().toString(), inquiry.status(), inquiry.customerCount(),
        dids(inquiry.participants()), dids(inquiry.contributors()), dids(inquiry.correctors()), inquiry.deadlineMs(),
        inquiry.minContributors(), inquiry.openedAtHeight(), decisions);
  }

  /** Every status, in the order an inquiry moves through them, with how many inquiries stand there. */
  static Map<InquiryStatus, Integer> byStatus(CreditState credit) {
    Map<InquiryStatus, Integer> counts = new LinkedHashMap<>();
    for (InquiryStatus status : InquiryStatus.values()) {
      counts.put(status, 0);
    }
    credit.inquiries().values().forEach(inquiry -> counts.merge(inquiry.status(), 1, Integer::sum));
    return counts;
  }

  static ActivityView activity(long height, Map<InquiryStatus, Integer> byStatus, ObserverIndex.Activity activity) {
    return new ActivityView(height, activity.indexedHeight(), activity.bucketMs(), activity.bucketStartsMs(),
        activity.inquiriesIndexed(), activity.banks(), byStatus);
  }

  static ReportsView reports(ObserverIndex.Reports reports, Optional<ReportOpener> opener) {
    List<ReportView> views = new ArrayList<>(reports.reports().size());
    for (ObserverIndex.FiledReport report : reports.reports()) {
      byte[] ciphertext = report.ciphertext();
      ReportTotal total = opener.map(o -> open(o, report.inquiryId(), ciphertext)).orElse(null);
      views.add(new ReportView(report.inquiryId(), report.asker().toString(), report.height(), report.timestampMs(),
          report.ciphertextHash().toHex(), ciphertext.length, total == null ? null : total.opened(),
          total == null || !total.opened() ? null : total.totalsCents(),
          total == null || total.opened() ? null : total.problem()));
    }
    return new ReportsView(reports.indexedHeight(), opener.isPresent(), views);
  }

  /** An opener that throws despite its contract must not cost the other reports their answer. */
  private static ReportTotal open(ReportOpener opener, String inquiryId, byte[] ciphertext) {
    try {
      return opener.open(inquiryId, ciphertext);
    } catch (RuntimeException e) {
      return ReportTotal.notOpened("the report opener failed with " + e.getClass().getSimpleName());
    }
  }

  private static List<String> dids(Collection<Did> dids) {
    return dids.stream().map(Did::toString).toList();
  }
}
