package dev.consilium.ledger.validation;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.contract.ContractState;
import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.membership.MemberStatus;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.ledger.state.LedgerState;
import java.security.GeneralSecurityException;

/**
 * The checks every entry passes, in order, and its application: channel, submitter known, signature,
 * submitter not revoked, nonce above the last, contract known, contract precondition. Used by the block
 * builder when an entry arrives and by every replica when a block arrives, so both refuse the same entries.
 */
public final class EntryRules {
  private final ContractRegistry registry;

  public EntryRules(ContractRegistry registry) {
    this.registry = registry;
  }

  /**
   * Checks {@code entry} against {@code transition} and, if it passes, applies it there. On refusal the
   * transition is unchanged.
   */
  public void admit(LedgerState.Transition transition, Entry entry, long height, int index, long timestampMs)
      throws RefusedException {
    admit(transition, entry, height, index, timestampMs, EntrySignatures.VERIFY);
  }

  void admit(LedgerState.Transition transition, Entry entry, long height, int index, long timestampMs,
      EntrySignatures signatures) throws RefusedException {
    if (!entry.channel().equals(transition.genesis().channel())) {
      throw RefusedException.entry(RefusalReason.WRONG_CHANNEL, height, index, "entry names channel '"
          + entry.channel() + "', this ledger is '" + transition.genesis().channel() + "'");
    }
    MembershipState membership = transition.membership();
    MembershipState.Member member = membership.find(entry.submitter()).orElseThrow(() -> RefusedException.entry(
        RefusalReason.UNKNOWN_SUBMITTER, height, index, entry.submitter() + " is not a member"));
    if (signatures == EntrySignatures.VERIFY) {
      try {
        entry.verify(member.document().verifier());
      } catch (GeneralSecurityException e) {
        throw RefusedException.entry(RefusalReason.BAD_SIGNATURE, height, index,
            "signature of " + entry.submitter() + " does not verify: " + e.getMessage());
      }
    }
    if (member.status() == MemberStatus.REVOKED) {
      throw RefusedException.entry(RefusalReason.REVOKED_SUBMITTER, height, index,
          entry.submitter() + " was revoked");
    }
    long last = transition.lastNonce(entry.submitter());
    if (entry.nonce() <= last) {
      throw RefusedException.entry(RefusalReason.REPLAYED_NONCE, height, index, "nonce " + entry.nonce()
          + " of " + entry.submitter() + " is not above its last nonce " + last);
    }
    Contract<?> contract = registry.find(entry.contract()).orElseThrow(() -> RefusedException.entry(
        RefusalReason.UNKNOWN_CONTRACT, height, index, "no contract '" + entry.contract() + "'; this ledger runs "
            + registry.names()));
    ExecutionContext context = new ExecutionContext(height, timestampMs, membership);
    ContractState next = run(contract, transition.contractState(entry.contract()), entry, context, height, index);
    transition.apply(entry.contract(), next, entry.submitter(), entry.nonce());
  }

  private static <S extends ContractState> S run(Contract<S> contract, ContractState current, Entry entry,
      ExecutionContext context, long height, int index) throws RefusedException {
    @SuppressWarnings("unchecked") // The registry built this state with this very contract.
    S state = (S) current;
    try {
      contract.validate(state, entry, context);
    } catch (PreconditionFailedException e) {
      throw RefusedException.entry(RefusalReason.PRECONDITION_FAILED, height, index,
          contract.name() + "." + entry.action() + ": " + e.getMessage());
    }
    return contract.apply(state, entry, context);
  }
}
