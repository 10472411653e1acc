package dev.consilium.runtime.ledger;

import dev.consilium.ledger.sequencer.Receipt;
import java.util.concurrent.CompletionStage;

/**
 * How a member puts an entry on the consortium ledger: the entry is signed with the member's own key and
 * the next nonce, sent to the sequencer, and the stage completes with the receipt once the block is on a
 * majority of validators' disks. It fails with the refusal reason (bad precondition, revoked submitter, ...)
 * or with a retryable error when no sequencer answered in time.
 */
public interface LedgerSubmitter {
  CompletionStage<Receipt> submit(String contract, String action, byte[] payload);
}
