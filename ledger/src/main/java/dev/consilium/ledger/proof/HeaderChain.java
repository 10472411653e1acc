package dev.consilium.ledger.proof;

import dev.consilium.mpc.hash.Sha256Hash;
import java.util.List;
import java.util.Objects;

/**
 * Checks that headers form one hash chain: heights contiguous, and each header's previous hash equal to
 * the hash of the header before it. The chain is over heights, never over storage order (DESIGN §4).
 *
 * <p>Only links are checked here. Whether each header is otherwise valid (signature, epoch, Merkle root)
 * is the caller's business, and so is trusting the first header of the list or the saved head.
 */
public final class HeaderChain {
  private HeaderChain() {}

  /**
   * Checks that {@code headers}, in order, are consecutive links of one chain. An empty list or a single
   * header passes: there is no link to break.
   *
   * @throws BrokenChainException naming the first height where a link fails
   */
  public static void verify(List<? extends ChainLink> headers) throws BrokenChainException {
    if (headers.isEmpty()) {
      return;
    }
    ChainLink first = Objects.requireNonNull(headers.get(0), "header 0 is null");
    if (first.height() < 0) {
      throw new BrokenChainException(first.height(), "heights start at 0 (genesis), a negative height is invalid");
    }
    for (int i = 1; i < headers.size(); i++) {
      ChainLink previous = headers.get(i - 1);
      ChainLink next = headers.get(i);
      if (next == null) {
        throw new NullPointerException("header " + i + " is null");
      }
      checkLink(previous.height(), previous.hash(), next);
    }
  }

  /**
   * Checks that {@code chainFromSavedHead} leads from a head saved earlier, at {@code savedHeight} with
   * {@code savedHash}, to its last header, the new head. The list starts either with the saved head itself
   * (its hash must equal {@code savedHash}) or with the header right after it (its previous hash must).
   * It must not be empty: an empty list shows no new head at all.
   *
   * @throws BrokenChainException naming the first height where the chain does not extend the saved head,
   *     e.g. a fork: a header at or after the saved height that does not descend from the saved head
   */
  public static void extendsHead(long savedHeight, Sha256Hash savedHash, List<? extends ChainLink> chainFromSavedHead)
      throws BrokenChainException {
    if (savedHeight < 0) {
      throw new IllegalArgumentException("saved height must not be negative, was " + savedHeight);
    }
    Objects.requireNonNull(savedHash, "savedHash");
    if (chainFromSavedHead.isEmpty()) {
      throw new BrokenChainException(savedHeight, "no headers given from the saved head to a new head");
    }
    ChainLink first = Objects.requireNonNull(chainFromSavedHead.get(0), "header 0 is null");
    if (first.height() == savedHeight) {
      if (!first.hash().equals(savedHash)) {
        throw new BrokenChainException(savedHeight, "hash " + first.hash() + " differs from the saved head's hash "
            + savedHash + ": the chain forks from the saved head");
      }
    } else if (first.height() == savedHeight + 1) {
      if (!first.previousHash().equals(savedHash)) {
        throw new BrokenChainException(first.height(), "previous hash " + first.previousHash()
            + " differs from the saved head's hash " + savedHash + " at height " + savedHeight
            + ": the chain forks from the saved head");
      }
    } else {
      throw new BrokenChainException(first.height(), "the chain starts at height " + first.height()
          + ", but must start at the saved head's height " + savedHeight + " or the one after it");
    }
    verify(chainFromSavedHead);
  }

  private static void checkLink(long previousHeight, Sha256Hash previousHash, ChainLink next)
      throws BrokenChainException {
    if (previousHeight == Long.MAX_VALUE) {
      // Else the next height would wrap to a negative one and pass the contiguity check.
      throw new BrokenChainException(previousHeight, "no height can follow the largest height");
    }
    long expectedHeight = previousHeight + 1;
    if (next.height() != expectedHeight) {
      throw new BrokenChainException(expectedHeight, "the header after height " + previousHeight + " has height "
          + next.height() + ": heights must be contiguous");
    }
    if (!next.previousHash().equals(previousHash)) {
      throw new BrokenChainException(expectedHeight, "previous hash " + next.previousHash()
          + " differs from the hash " + previousHash + " of height " + previousHeight);
    }
  }
}
