package dev.consilium.ledger.features;

import dev.consilium.ledger.identity.Did;
import java.util.List;

/**
 * Every list of parties in this contract is sorted by DID and distinct, so one task, round or state has
 * exactly one encoding; DIDs are ASCII, so string order is byte order.
 */
final class DidOrder {
  private DidOrder() {}

  /** Why {@code dids} is not sorted and distinct, naming the list as {@code what}, or null when it is. */
  static String problem(String what, List<Did> dids) {
    for (int i = 1; i < dids.size(); i++) {
      int order = dids.get(i - 1).compareTo(dids.get(i));
      if (order == 0) {
        return what + " name " + dids.get(i) + " twice; each appears once";
      }
      if (order > 0) {
        return what + " must be sorted by DID; " + dids.get(i) + " follows " + dids.get(i - 1);
      }
    }
    return null;
  }
}
