package dev.consilium.ledger.validation;

/**
 * Why the ledger refused a block or an entry (DESIGN §7: every refusal names its reason). Block checks run
 * in declaration order, then the entry checks for each entry in turn, then the state root.
 */
public enum RefusalReason {
  WRONG_HEIGHT("height is not the next one"),
  WRONG_PREVIOUS_HASH("previous hash is not the head's hash"),
  STALE_EPOCH("epoch is older than the head's"),
  TIMESTAMP_BEFORE_PREVIOUS("timestamp is before the previous block's"),
  BAD_SEQUENCER_SIGNATURE("sequencer signature does not verify, or the sequencer is not an admitted validator"),
  WRONG_ENTRY_COUNT("entry count differs from the header's"),
  WRONG_MERKLE_ROOT("Merkle root does not match the entries"),
  WRONG_CHANNEL("entry names another channel"),
  UNKNOWN_SUBMITTER("submitter is not a member"),
  BAD_SIGNATURE("entry signature does not verify"),
  REVOKED_SUBMITTER("submitter was revoked"),
  REPLAYED_NONCE("nonce is not above the submitter's last one"),
  UNKNOWN_CONTRACT("no such contract"),
  PRECONDITION_FAILED("contract precondition failed"),
  WRONG_STATE_ROOT("state root differs from the result of applying the entries"),
  BAD_GENESIS("genesis block is malformed");

  private final String description;

  RefusalReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
