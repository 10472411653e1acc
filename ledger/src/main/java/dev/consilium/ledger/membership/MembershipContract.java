package dev.consilium.ledger.membership;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ExecutionContext;
import dev.consilium.ledger.contract.PreconditionFailedException;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.identity.Did;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;

/**
 * Who belongs to the consortium (DESIGN §3). Founders come from genesis. Under the {@code regulator}
 * admission policy only an admitted regulator may {@code admit} a member (payload: its DID document) or
 * {@code revoke} one (payload: its DID); a member may {@code update} its own document without changing its
 * roles, and a regulator may update anyone's. A revoked member's later entries are refused by the ledger's
 * admission check, not here.
 */
public final class MembershipContract implements Contract<MembershipState> {
  public static final String NAME = "membership";
  public static final String ADMIT = "admit";
  public static final String REVOKE = "revoke";
  public static final String UPDATE = "update";
  private static final String REGULATOR = "regulator";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MembershipState initialState(GenesisConfig genesis) {
    return MembershipState.of(genesis.founders());
  }

  /** The payload of an {@code admit} or {@code update} entry. */
  public static byte[] documentPayload(MemberDocument document) {
    return document.toCanonicalBytes();
  }

  /** The payload of a {@code revoke} entry. */
  public static byte[] revokePayload(Did did) {
    CanonicalWriter writer = new CanonicalWriter();
    did.writeTo(writer);
    return writer.toByteArray();
  }

  @Override
  public void validate(MembershipState state, Entry entry, ExecutionContext context)
      throws PreconditionFailedException {
    switch (entry.action()) {
      case ADMIT -> validateAdmit(state, entry);
      case REVOKE -> validateRevoke(state, entry);
      case UPDATE -> validateUpdate(state, entry);
      default -> throw new PreconditionFailedException(
          "membership has no action '" + entry.action() + "'; actions are admit, revoke, update");
    }
  }

  @Override
  public MembershipState apply(MembershipState state, Entry entry, ExecutionContext context) {
    try {
      return switch (entry.action()) {
        case ADMIT, UPDATE -> {
          MemberDocument document = readDocument(state, entry);
          yield state.with(document, MemberStatus.ADMITTED);
        }
        case REVOKE -> {
          MembershipState.Member target = state.find(readDid(entry)).orElseThrow();
          yield state.with(target.document(), MemberStatus.REVOKED);
        }
        default -> throw new IllegalStateException("apply called for unvalidated action " + entry.action());
      };
    } catch (PreconditionFailedException e) {
      throw new IllegalStateException("apply called for an entry validate refused: " + e.getMessage(), e);
    }
  }

  @Override
  public MembershipState readState(CanonicalReader reader) throws CanonicalFormatException {
    return MembershipState.read(reader);
  }

  private static void validateAdmit(MembershipState state, Entry entry) throws PreconditionFailedException {
    requireRegulator(state, entry, "admit");
    MemberDocument document = readDocument(state, entry);
    if (state.find(document.did()).isPresent()) {
      throw new PreconditionFailedException("member " + document.did() + " is already "
          + state.find(document.did()).get().status().name().toLowerCase() + "; admit takes a new DID");
    }
  }

  private static void validateRevoke(MembershipState state, Entry entry) throws PreconditionFailedException {
    requireRegulator(state, entry, "revoke");
    Did target = readDid(entry);
    if (!state.isAdmitted(target)) {
      throw new PreconditionFailedException("cannot revoke " + target + ": it is not an admitted member");
    }
    if (target.equals(entry.submitter())) {
      // A consortium whose last regulator revoked itself could never admit anyone again.
      throw new PreconditionFailedException("a regulator cannot revoke itself");
    }
  }

  private static void validateUpdate(MembershipState state, Entry entry) throws PreconditionFailedException {
    MemberDocument document = readDocument(state, entry);
    MembershipState.Member current = state.find(document.did()).orElse(null);
    if (current == null || current.status() != MemberStatus.ADMITTED) {
      throw new PreconditionFailedException("cannot update " + document.did() + ": it is not an admitted member");
    }
    boolean regulator = state.isAdmittedWithRole(entry.submitter(), REGULATOR);
    if (!regulator && !entry.submitter().equals(document.did())) {
      throw new PreconditionFailedException(entry.submitter() + " may update only its own document");
    }
    if (!regulator && !current.document().roles().equals(document.roles())) {
      throw new PreconditionFailedException("only a regulator may change roles; " + document.did() + " has "
          + current.document().roles() + ", the update asks for " + document.roles());
    }
  }

  private static void requireRegulator(MembershipState state, Entry entry, String action)
      throws PreconditionFailedException {
    if (!state.isAdmittedWithRole(entry.submitter(), REGULATOR)) {
      throw new PreconditionFailedException("only an admitted regulator may " + action + " members; "
          + entry.submitter() + " is not one");
    }
  }

  /** A member's current key is not validated again when the document re-publishes it. */
  private static MemberDocument readDocument(MembershipState state, Entry entry) throws PreconditionFailedException {
    try {
      return CanonicalReader.decode(entry.payload(), reader -> MemberDocument.read(reader,
          did -> state.find(did).map(member -> member.document().signingKey()).orElse(null)));
    } catch (CanonicalFormatException e) {
      throw new PreconditionFailedException("payload is not a member document: " + e.getMessage());
    }
  }

  private static Did readDid(Entry entry) throws PreconditionFailedException {
    try {
      return CanonicalReader.decode(entry.payload(), Did::read);
    } catch (CanonicalFormatException e) {
      throw new PreconditionFailedException("payload is not a DID: " + e.getMessage());
    }
  }
}
