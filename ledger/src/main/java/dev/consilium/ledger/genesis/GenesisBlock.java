package dev.consilium.ledger.genesis;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.RefusalReason;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.canonical.CanonicalFormatException;
import dev.consilium.mpc.canonical.CanonicalReader;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Block 0: one entry ({@code genesis.configure}, payload = the {@link GenesisConfig}) submitted and sealed by a
 * founding regulator. Members pin its hash; everything after it is checked against the founders it names.
 */
public final class GenesisBlock {
  public static final String CONTRACT = "genesis";
  public static final String ACTION = "configure";
  private static final long NONCE = 1;

  private GenesisBlock() {}

  /** Creates the genesis block; {@code creator} must be the key of a founder with the regulator role. */
  public static Block create(GenesisConfig config, Ed25519PrivateKey creator, long timestampMs,
      ContractRegistry registry) {
    Did did = Did.of(creator.publicKey());
    MemberDocument founder = config.founders().stream().filter(f -> f.did().equals(did)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("genesis creator " + did + " is not a founder"));
    if (!founder.hasRole("regulator")) {
      throw new IllegalArgumentException("genesis creator " + did + " is not a founding regulator");
    }
    Ed25519Sign signer = Ed25519Sign.create(creator);
    Entry entry = Entry.sign(config.channel(), CONTRACT, ACTION, config.toCanonicalBytes(), did, NONCE, signer);
    LedgerState state = stateAfter(config, registry, entry);
    List<Entry> entries = List.of(entry);
    BlockHeader header = BlockHeader.sign(0, 0, BlockHeader.NO_PREVIOUS, Block.merkleRootOf(entries),
        state.stateRoot(), timestampMs, 1, did, signer);
    return Block.of(header, entries);
  }

  /** Checks a genesis block and returns the state it establishes. */
  public static LedgerState validate(Block block, ContractRegistry registry) throws RefusedException {
    BlockHeader header = block.header();
    long height = header.height();
    if (height != 0) {
      throw RefusedException.block(RefusalReason.WRONG_HEIGHT, height, "the ledger is empty: the next block is 0");
    }
    if (!header.previousHash().equals(BlockHeader.NO_PREVIOUS) || header.epoch() != 0) {
      throw RefusedException.block(RefusalReason.BAD_GENESIS, 0, "genesis must link to no block and be of epoch 0");
    }
    if (block.entries().size() != 1 || header.entryCount() != 1) {
      throw RefusedException.block(RefusalReason.BAD_GENESIS, 0, "genesis holds exactly one entry, has "
          + block.entries().size());
    }
    Entry entry = block.entries().get(0);
    if (!entry.contract().equals(CONTRACT) || !entry.action().equals(ACTION) || entry.nonce() != NONCE) {
      throw RefusedException.block(RefusalReason.BAD_GENESIS, 0, "genesis entry must be " + CONTRACT + "." + ACTION
          + " with nonce 1, is " + entry.contract() + "." + entry.action() + " #" + entry.nonce());
    }
    GenesisConfig config;
    try {
      config = CanonicalReader.decode(entry.payload(), GenesisConfig::read);
    } catch (CanonicalFormatException e) {
      throw RefusedException.block(RefusalReason.BAD_GENESIS, 0, "configuration: " + e.getMessage());
    }
    MemberDocument creator = config.founders().stream().filter(f -> f.did().equals(entry.submitter())).findFirst()
        .orElseThrow(() -> RefusedException.block(RefusalReason.BAD_GENESIS, 0,
            "genesis submitter " + entry.submitter() + " is not a founder"));
    if (!creator.hasRole("regulator") || !header.sequencer().equals(creator.did())
        || !entry.channel().equals(config.channel())) {
      throw RefusedException.block(RefusalReason.BAD_GENESIS, 0,
          "genesis must be submitted and sealed by one founding regulator on the configured channel");
    }
    try {
      entry.verify(creator.verifier());
      header.verify(creator.verifier());
    } catch (GeneralSecurityException e) {
      throw RefusedException.block(RefusalReason.BAD_SEQUENCER_SIGNATURE, 0,
          "genesis signature of " + creator.did() + " does not verify: " + e.getMessage());
    }
    BlockRules.checkEntries(block);
    LedgerState state = stateAfter(config, registry, entry);
    if (!state.stateRoot().equals(header.stateRoot())) {
      throw RefusedException.block(RefusalReason.WRONG_STATE_ROOT, 0, "genesis claims state root "
          + header.stateRoot().toHex() + ", the configuration gives " + state.stateRoot().toHex());
    }
    return state;
  }

  private static LedgerState stateAfter(GenesisConfig config, ContractRegistry registry, Entry entry) {
    LedgerState initial = LedgerState.initial(config, registry);
    LedgerState.Transition transition = initial.begin();
    // The genesis entry uses the creator's first nonce; membership itself is as the founders left it.
    transition.apply("membership", initial.membership(), entry.submitter(), entry.nonce());
    return transition.finish();
  }
}
