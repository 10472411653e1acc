package dev.consilium.ledger.state;

import dev.consilium.ledger.contract.Contract;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.contract.ContractState;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.membership.MembershipState;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.canonical.CanonicalWriter;
import dev.consilium.mpc.canonical.SigningDomain;
import dev.consilium.mpc.hash.Sha256;
import dev.consilium.mpc.hash.Sha256Hash;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the contracts have decided after some block: the genesis configuration, each contract's state,
 * and each submitter's last nonce. Immutable; {@link #begin()} opens a working copy for the next block.
 *
 * <p>The state root is SHA-256 over the canonical encoding of the contract state hashes (by contract name)
 * and the nonces (by DID), so every replica that applied the same blocks reaches the same root.
 */
public final class LedgerState {
  private static final SigningDomain ROOT_DOMAIN = SigningDomain.of("consilium/ledger/state-root/v1");
  private static final int MAX_CONTRACTS = 64;
  private static final int MAX_CONTRACT_NAME_CHARS = 64;
  private static final int MAX_STATE_BYTES = 256 * 1024 * 1024;
  private static final int MAX_SUBMITTERS = 1_000_000;

  private final GenesisConfig genesis;
  private final SortedMap<String, ContractState> contracts;
  private final SortedMap<Did, Long> nonces;
  private volatile Sha256Hash root;

  private LedgerState(GenesisConfig genesis, SortedMap<String, ContractState> contracts, SortedMap<Did, Long> nonces) {
    this.genesis = genesis;
    this.contracts = Collections.unmodifiableSortedMap(contracts);
    this.nonces = Collections.unmodifiableSortedMap(nonces);
  }

  /** The state right after genesis: every registered contract at its initial state, no nonce used. */
  public static LedgerState initial(GenesisConfig genesis, ContractRegistry registry) {
    if (registry.find(MembershipContract.NAME).isEmpty()) {
      throw new IllegalArgumentException("every ledger runs the membership contract; the registry lacks it");
    }
    SortedMap<String, ContractState> contracts = new TreeMap<>();
    for (String name : registry.names()) {
      contracts.put(name, registry.find(name).orElseThrow().initialState(genesis));
    }
    return new LedgerState(genesis, contracts, new TreeMap<>());
  }

  public GenesisConfig genesis() {
    return genesis;
  }

  public MembershipState membership() {
    return (MembershipState) contracts.get(MembershipContract.NAME);
  }

  public ContractState contractState(String name) {
    return contracts.get(name);
  }

  /** The last nonce {@code submitter} used, or 0 if none. */
  public long lastNonce(Did submitter) {
    return nonces.getOrDefault(submitter, 0L);
  }

  public Map<Did, Long> nonces() {
    return nonces;
  }

  public Sha256Hash stateRoot() {
    Sha256Hash r = root;
    if (r == null) {
      CanonicalWriter writer = new CanonicalWriter().writeDomain(ROOT_DOMAIN);
      writer.writeMap(contracts, CanonicalWriter::writeString, (w, s) -> w.writeFixedBytes(s.stateHash().toByteArray()));
      writer.writeMap(nonces, (w, d) -> d.writeTo(w), CanonicalWriter::writeI64);
      r = Sha256.digest(writer.toByteArray());
      root = r;
    }
    return r;
  }

  /** A working copy to apply the next block's entries to. */
  public Transition begin() {
    return new Transition(this);
  }

  /** Snapshot form: the genesis configuration, each contract's full state, the nonces. */
  public void writeTo(CanonicalWriter writer) {
    genesis.writeTo(writer);
    // Each state travels as a byte string, so that its contract can read it without knowing its length.
    writer.writeList(List.copyOf(contracts.entrySet()),
        (w, e) -> w.writeString(e.getKey()).writeBytes(e.getValue().toCanonicalBytes()));
    writer.writeMap(nonces, (w, d) -> d.writeTo(w), CanonicalWriter::writeI64);
  }

  /** Reads the snapshot form; each contract's state is read by that contract from {@code registry}. */
  public static LedgerState read(CanonicalReader reader, ContractRegistry registry) throws CanonicalFormatException {
    GenesisConfig genesis = GenesisConfig.read(reader);
    List<NamedState> named = reader.readList(
        r -> new NamedState(r.readString(MAX_CONTRACT_NAME_CHARS), r.readBytes(MAX_STATE_BYTES)), MAX_CONTRACTS);
    SortedMap<String, ContractState> contracts = new TreeMap<>();
    for (NamedState state : named) {
      if (!contracts.isEmpty() && contracts.lastKey().compareTo(state.name()) >= 0) {
        throw reader.malformed("snapshot contracts must be sorted and distinct; " + state.name() + " follows "
            + contracts.lastKey());
      }
      Contract<?> contract = registry.find(state.name())
          .orElseThrow(() -> reader.malformed("snapshot holds state of unknown contract '" + state.name() + "'"));
      contracts.put(state.name(), CanonicalReader.decode(state.bytes(), contract::readState));
    }
    if (!contracts.keySet().equals(new TreeSet<>(registry.names()))) {
      throw reader.malformed("snapshot contracts " + contracts.keySet() + " differ from the registry's "
          + new TreeSet<>(registry.names()));
    }
    Map<Did, Long> readNonces = reader.readMap(Did::read, CanonicalReader::readI64, MAX_SUBMITTERS);
    return new LedgerState(genesis, contracts, new TreeMap<>(readNonces));
  }

  private record NamedState(String name, byte[] bytes) {}

  @Override
  public String toString() {
    return "LedgerState[" + contracts.keySet() + ", " + nonces.size() + " submitters, root "
        + stateRoot().toHex().substring(0, 16) + "]";
  }

  /**
   * A mutable working copy for one block: entries are applied in order, then {@link #finish()} yields the
   * next immutable state. Discarding it leaves the original untouched.
   */
  public static final class Transition {
    private final LedgerState base;
    private final SortedMap<String, ContractState> contracts;
    private final SortedMap<Did, Long> nonces;

    private Transition(LedgerState base) {
      this.base = base;
      this.contracts = new TreeMap<>(base.contracts);
      this.nonces = new TreeMap<>(base.nonces);
    }

    public GenesisConfig genesis() {
      return base.genesis;
    }

    public MembershipState membership() {
      return (MembershipState) contracts.get(MembershipContract.NAME);
    }

    public ContractState contractState(String name) {
      return contracts.get(name);
    }

    public long lastNonce(Did submitter) {
      return nonces.getOrDefault(submitter, 0L);
    }

    /** Records an applied entry: its contract's new state and its submitter's nonce. */
    public void apply(String contract, ContractState state, Did submitter, long nonce) {
      contracts.put(contract, state);
      nonces.put(submitter, nonce);
    }

    public LedgerState finish() {
      return new LedgerState(base.genesis, contracts, nonces);
    }
  }
}
