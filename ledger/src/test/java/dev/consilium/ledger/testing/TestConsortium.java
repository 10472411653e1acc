package dev.consilium.ledger.testing;

import dev.consilium.ledger.block.Block;
import dev.consilium.ledger.block.BlockHeader;
import dev.consilium.ledger.contract.ContractRegistry;
import dev.consilium.ledger.contract.Contracts;
import dev.consilium.ledger.entry.Entry;
import dev.consilium.ledger.genesis.AdmissionPolicy;
import dev.consilium.ledger.genesis.GenesisBlock;
import dev.consilium.ledger.genesis.GenesisConfig;
import dev.consilium.ledger.identity.Did;
import dev.consilium.ledger.membership.MemberDocument;
import dev.consilium.ledger.membership.MembershipContract;
import dev.consilium.ledger.sequencer.BlockDraft;
import dev.consilium.ledger.state.LedgerState;
import dev.consilium.ledger.validation.BlockRules;
import dev.consilium.ledger.validation.RefusedException;
import dev.consilium.mpc.agreement.X25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519PrivateKey;
import dev.consilium.mpc.signature.Ed25519Sign;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A regulator and three banks, all validators, with their genesis block: the ledger tests' consortium. */
public final class TestConsortium {
  public static final String CHANNEL = "main";
  public static final long GENESIS_TIME_MS = 1_700_000_000_000L;

  public final ContractRegistry registry = Contracts.standard();
  public final BlockRules rules = new BlockRules(registry);
  public final Member regulator;
  public final Member bankA;
  public final Member bankB;
  public final Member bankC;
  public final GenesisConfig config;
  public final Block genesis;
  public final LedgerState genesisState;

  public TestConsortium(SecureRandom random) {
    this(Member.create(random, "regulator", "validator"), Member.create(random, "institution", "validator"),
        Member.create(random, "institution", "validator"), Member.create(random, "institution", "validator"));
  }

  /** The consortium of these four members (for members issued elsewhere, with certificates). */
  public TestConsortium(Member regulator, Member bankA, Member bankB, Member bankC) {
    this.regulator = regulator;
    this.bankA = bankA;
    this.bankB = bankB;
    this.bankC = bankC;
    config = GenesisConfig.of("test-consortium", CHANNEL,
        List.of(regulator.document, bankA.document, bankB.document, bankC.document), new byte[0],
        AdmissionPolicy.REGULATOR, 3);
    genesis = GenesisBlock.create(config, regulator.key, GENESIS_TIME_MS, registry);
    try {
      genesisState = rules.apply(null, null, genesis);
    } catch (RefusedException e) {
      throw new AssertionError("the test genesis must be valid", e);
    }
  }

  /** A member outside the consortium. */
  public static Member outsider(SecureRandom random) {
    return Member.create(random, "institution");
  }

  /** A valid block of {@code entries} after {@code head}, sealed by {@code sequencer}. */
  public BlockDraft.Sealed seal(BlockHeader head, LedgerState state, List<Entry> entries, Member sequencer)
      throws RefusedException {
    BlockDraft draft = BlockDraft.after(head, state, rules.entryRules(), head.timestampMs() + 1_000);
    for (Entry entry : entries) {
      draft.add(entry);
    }
    return draft.seal(head.epoch(), sequencer.did, sequencer.signer);
  }

  /** A chain of {@code blocks} valid blocks of {@code perBlock} no-op updates each, after genesis. */
  public List<Block> chain(int blocks, int perBlock) throws RefusedException {
    List<Block> out = new ArrayList<>();
    BlockHeader head = genesis.header();
    LedgerState state = genesisState;
    Member[] banks = {bankA, bankB, bankC};
    for (int b = 0; b < blocks; b++) {
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < perBlock; i++) {
        Member bank = banks[i % banks.length];
        entries.add(bank.selfUpdate(state.lastNonce(bank.did) + 1 + i / banks.length));
      }
      BlockDraft.Sealed sealed = seal(head, state, entries, regulator);
      out.add(sealed.block());
      head = sealed.block().header();
      state = sealed.state();
    }
    return out;
  }

  /** One member's keys and document. */
  public static final class Member {
    public final Ed25519PrivateKey key;
    public final Ed25519Sign signer;
    public final Did did;
    public final MemberDocument document;

    private Member(Ed25519PrivateKey key, MemberDocument document) {
      this.key = key;
      this.signer = Ed25519Sign.create(key);
      this.did = document.did();
      this.document = document;
    }

    /** A member with this key and document (the document's key must be the key's public half). */
    public static Member of(Ed25519PrivateKey key, MemberDocument document) {
      if (!document.did().equals(Did.of(key.publicKey()))) {
        throw new IllegalArgumentException("document of " + document.did() + " is not the key's");
      }
      return new Member(key, document);
    }

    static Member create(SecureRandom random, String... roles) {
      Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
      return new Member(key, MemberDocument.of(key.publicKey(), X25519PrivateKey.generate(random).publicKey(), Set.of(roles), List.of("127.0.0.1:0"), ""));
    }

    public Entry entry(String contract, String action, byte[] payload, long nonce) {
      return Entry.sign(CHANNEL, contract, action, payload, did, nonce, signer);
    }

    /** A harmless entry: the member re-publishes its own document unchanged. */
    public Entry selfUpdate(long nonce) {
      return entry(MembershipContract.NAME, MembershipContract.UPDATE, MembershipContract.documentPayload(document),
          nonce);
    }
  }
}
